/**
 * Screenshot identification in the app as main/index.ts wires it, over the fake Electron and the fake
 * whatanimeisthis.com: the region capture from the Identify view (overlay, IPC, crop, upload), the tray
 * item and the hotkey with their notification, the `i/` cache keys, and secrets kept only where
 * safeStorage really encrypts.
 */
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IdentifyResult } from '../../preload/contract';
import { encodePng } from '../fakes/image-bytes';
import { startFakeWhatAnime, type FakeWhatAnime } from '../fakes/whatanime';
import { startApp, type StartedApp, type StartOptions } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

let whatanime: FakeWhatAnime;

beforeAll(async () => {
  whatanime = await startFakeWhatAnime({ enforceRateLimits: false, guestDailyLimit: 1000 });
});

afterAll(async () => {
  await whatanime.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const X11 = { XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: undefined, DISPLAY: ':0' };

function start(options: StartOptions = {}): Promise<StartedApp> {
  return startApp({ ...options, env: { ...X11, NEKODESK_WHATANIME_URL: whatanime.baseUrl, ...options.env } });
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function call<T>(app: StartedApp, channel: string, request: unknown, sender = app.main.webContents) {
  return app.fake.ipcMain.invoke(channel, request, { sender }) as Promise<Answer<T>>;
}

/** The identify:result events the main window received. */
function results(app: StartedApp): IdentifyResult[] {
  return app.main.webContents.sent
    .filter((event) => event.channel === 'identify:result')
    .map((event) => event.payload as IdentifyResult);
}

describe('capturing a region', () => {
  it('hides the app, shows the overlay, and identifies the selected region as the upload', async () => {
    const app = await start();
    const { fake, main } = app;
    fake.desktopCapturer.screen('1', encodePng(640, 360, [40, 160, 90]));
    main.webContents.finishLoad();

    const answer = call<IdentifyResult | null>(app, 'identify:capture', undefined);
    await vi.waitFor(() => {
      expect(fake.BrowserWindow.created).toHaveLength(3);
    });
    const overlay = fake.BrowserWindow.created[2]!;
    expect(main.isVisible()).toBe(false);
    expect(overlay.webContents.getURL()).toBe('app://nekodesk/capture.html');
    overlay.webContents.finishLoad();
    expect(overlay.isVisible()).toBe(true);

    const source = await call<{ imageUrl: string; width: number; height: number }>(
      app,
      'capture:source',
      undefined,
      overlay.webContents,
    );
    if (!source.ok) throw new Error(source.error.message);
    expect(source.data).toMatchObject({ width: 640, height: 360 });
    const screenshot = await fake.protocol.fetch(source.data.imageUrl);
    expect(screenshot.status).toBe(200);
    expect(screenshot.headers.get('content-type')).toBe('image/png');

    await expect(
      call(app, 'capture:finish', { region: { x: 40, y: 30, width: 320, height: 180 } }, overlay.webContents),
    ).resolves.toEqual({ ok: true, data: null });
    const result = await answer;
    if (!result.ok || result.data === null) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({
      source: 'capture',
      label: 'Screen region',
      upload: { width: 320, height: 180 },
    });
    expect(result.data.candidates.length).toBeGreaterThan(0);
    // What whatanimeisthis.com received is the region, cleaned (JPEG).
    const upload = whatanime.lastUpload();
    expect(await sharp(upload?.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 180 });

    expect(overlay.isDestroyed()).toBe(true);
    expect(main.isVisible()).toBe(true);
    expect((await fake.protocol.fetch(source.data.imageUrl)).status).toBe(404);
    // The cleaned upload is shown through its i/ key.
    const uploaded = await fake.protocol.fetch(result.data.imageUrl ?? '');
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('content-type')).toBe('image/jpeg');
  });

  it('answers null when the person cancels, and the main window comes back', async () => {
    const app = await start();
    app.fake.desktopCapturer.screen('1', encodePng(640, 360, [40, 160, 90]));
    const answer = call(app, 'identify:capture', undefined);
    await vi.waitFor(() => {
      expect(app.fake.BrowserWindow.created).toHaveLength(3);
    });
    const overlay = app.fake.BrowserWindow.created[2]!;
    overlay.webContents.finishLoad();
    await call(app, 'capture:finish', { region: null }, overlay.webContents);
    await expect(answer).resolves.toEqual({ ok: true, data: null });
    expect(app.main.isVisible()).toBe(true);
  });

  it('trusts the overlay’s calls only while it is open, guards it like every window, and no stranger’s', async () => {
    const app = await start();
    app.fake.desktopCapturer.screen('1', encodePng(640, 360, [40, 160, 90]));
    const answer = call(app, 'identify:capture', undefined);
    await vi.waitFor(() => {
      expect(app.fake.BrowserWindow.created).toHaveLength(3);
    });
    const overlay = app.fake.BrowserWindow.created[2]!;
    expect(overlay.webContents.navigate('https://evil.example/')).toBe(false);
    expect(overlay.webContents.openWindow('https://evil.example/')).toBe('deny');

    const stranger = new app.fake.BrowserWindow({});
    stranger.webContents.mainFrame.url = overlay.webContents.getURL();
    await expect(call(app, 'capture:finish', { region: null }, stranger.webContents)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    await expect(call(app, 'capture:source', undefined, overlay.webContents)).resolves.toMatchObject({
      ok: true,
    });
    overlay.close();
    await expect(answer).resolves.toEqual({ ok: true, data: null });
    await expect(call(app, 'capture:source', undefined, overlay.webContents)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('serves identification images by i/ key and nothing outside their folder', async () => {
    const { fake } = await start();
    for (const url of [
      'nekodesk://cache/i/../../settings.json',
      'nekodesk://cache/i/%2e%2e%2f%2e%2e%2fsettings.json',
      'nekodesk://cache/i/0123456789abcdef0123456789abcdef.json',
    ]) {
      expect((await fake.protocol.fetch(url)).status, url).toBe(404);
    }
  });
});

describe('identifying from the tray', () => {
  it('identifies the clipboard image, notifies the top result, and a click opens the main window on it', async () => {
    const app = await start({ argv: ['--hidden'] });
    const { fake, main } = app;
    fake.clipboard.copyFromAnotherApp({ 'image/png': encodePng(400, 300, [200, 120, 40]) });
    fake.Tray.created[0]?.choose('Identify clipboard image');

    await vi.waitFor(
      () => {
        expect(fake.Notification.shown).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    const [notification] = fake.Notification.shown;
    expect(notification?.options.body).toMatch(
      /^(Episode \d+ · )?\d\d:\d\d · \d+\.\d% similar\. Click to see all \d candidates\.$/,
    );
    expect(main.isVisible()).toBe(false);
    expect(results(app)).toEqual([]);

    notification?.click();
    expect(main.isVisible()).toBe(true);
    main.webContents.finishLoad();
    const [result] = results(app);
    expect(result).toMatchObject({ source: 'clipboard', label: 'Clipboard image' });
    expect(notification?.options.title).toBe(result?.candidates[0]?.title);
    expect(await sharp(whatanime.lastUpload()?.bytes).metadata()).toMatchObject({ width: 400, height: 300 });
  });

  it('says what went wrong when the clipboard holds no image; the click opens the main window only', async () => {
    const app = await start({ argv: ['--hidden'] });
    app.fake.clipboard.copyFromAnotherApp({ 'text/plain': 'just words' });
    app.fake.Tray.created[0]?.choose('Identify clipboard image');
    await vi.waitFor(() => {
      expect(app.fake.Notification.shown).toHaveLength(1);
    });
    const [notification] = app.fake.Notification.shown;
    expect(notification?.options).toMatchObject({
      title: 'Identification failed',
      body: expect.stringContaining('The clipboard holds no image') as string,
    });
    notification?.click();
    app.main.webContents.finishLoad();
    expect(app.main.isVisible()).toBe(true);
    expect(results(app)).toEqual([]);
  });

  it('opens the main window with the result at once where the system has no notifications', async () => {
    const app = await start({ argv: ['--hidden'] });
    app.fake.Notification.supported = false;
    app.fake.clipboard.copyFromAnotherApp({ 'image/png': encodePng(320, 240, [90, 60, 200]) });
    app.main.webContents.finishLoad();
    app.fake.Tray.created[0]?.choose('Identify clipboard image');
    await vi.waitFor(
      () => {
        expect(results(app)).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    expect(app.main.isVisible()).toBe(true);
    expect(app.fake.Notification.shown).toEqual([]);
  });
});

describe('the identify hotkey', () => {
  it('is off by default; once set it identifies the clipboard image and notifies, and app:hotkeys reports it', async () => {
    const app = await start();
    const { fake, main } = app;
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    await expect(call(app, 'app:hotkeys', undefined)).resolves.toMatchObject({
      ok: true,
      data: {
        picker: { state: 'registered', accelerator: 'CommandOrControl+Shift+Space' },
        identify: { state: 'off', accelerator: null },
        wayland: false,
        pickerCommand: 'nekodesk picker',
      },
    });

    await call(app, 'settings:update', { identify: { hotkey: 'Control+Alt+I' } });
    expect([...fake.globalShortcut.registered.keys()].sort()).toEqual([
      'CommandOrControl+Shift+Space',
      'Control+Alt+I',
    ]);
    await expect(call(app, 'app:hotkeys', undefined)).resolves.toMatchObject({
      data: { identify: { state: 'registered', accelerator: 'Control+Alt+I' } },
    });

    fake.clipboard.copyFromAnotherApp({ 'image/png': encodePng(300, 200, [30, 90, 150]) });
    main.hide();
    fake.globalShortcut.press('Control+Alt+I');
    await vi.waitFor(
      () => {
        expect(fake.Notification.shown).toHaveLength(1);
      },
      { timeout: 10_000 },
    );

    await call(app, 'settings:update', { identify: { hotkey: 'CommandOrControl+Shift+Space' } });
    await expect(call(app, 'app:hotkeys', undefined)).resolves.toMatchObject({
      data: {
        identify: {
          state: 'taken',
          message: expect.stringContaining('already opens the picker') as string,
        },
      },
    });
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('has a stand-in on Wayland: a launch with --identify-clipboard identifies and notifies', async () => {
    const app = await start({ env: { XDG_SESSION_TYPE: 'wayland' }, argv: ['--hidden'] });
    await expect(call(app, 'app:hotkeys', undefined)).resolves.toMatchObject({
      data: { wayland: true, picker: { state: 'unsupported' } },
    });
    app.fake.clipboard.copyFromAnotherApp({ 'image/png': encodePng(300, 200, [150, 90, 30]) });
    app.fake.app.emit(
      'second-instance',
      new app.fake.FakeEvent(),
      ['/opt/Nekodesk/nekodesk', '--identify-clipboard'],
      '/',
      {},
    );
    await vi.waitFor(
      () => {
        expect(app.fake.Notification.shown).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    expect(app.main.isVisible()).toBe(false);
  });
});

describe('the account’s secrets', () => {
  it('are kept only where safeStorage really encrypts: not on Linux’s basic_text backend', async () => {
    const keyring = await start();
    await expect(call(keyring, 'identify:account', undefined)).resolves.toMatchObject({
      ok: true,
      data: { kind: 'guest', secureStorage: true },
    });

    vi.unstubAllEnvs();
    const plain = await start();
    plain.fake.safeStorage.backend = 'basic_text';
    const account = await call(plain, 'identify:account', undefined);
    expect(account).toMatchObject({ ok: true, data: { secureStorage: process.platform !== 'linux' } });
    if (process.platform === 'linux') {
      await expect(
        call(plain, 'identify:set-api-key', { key: 'wa_fake0123456789abcdefghijklmnop' }),
      ).resolves.toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('keyring') as string },
      });
    }
  });
});
