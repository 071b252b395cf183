/** The wallpaper feature in the composed app: tray, events, the nekodesk:// protocol, resume. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WallpaperState } from '../../preload/contract';
import { startFakeNekosBest, startFakeNekosia, type FakeServer } from '../fakes';
import { startApp, type StartedApp } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

let nekosia: FakeServer;
let nekosBest: FakeServer;

beforeAll(async () => {
  nekosia = await startFakeNekosia({ enforceRateLimits: false });
  nekosBest = await startFakeNekosBest({ enforceRateLimits: false });
});

afterAll(async () => {
  await nekosia.close();
  await nekosBest.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The app with fake upstreams, a custom command that does nothing (node -e ""), paused, no change on start. */
function startRotatingApp(): Promise<StartedApp> {
  return startApp({
    env: { NEKODESK_NEKOSIA_URL: nekosia.baseUrl, NEKODESK_NEKOS_BEST_URL: nekosBest.baseUrl },
    files: {
      'settings.json': JSON.stringify({
        wallpaper: {
          paused: true,
          changeOnStart: false,
          customCommand: `"${process.execPath}" -e "" {file}`,
          sources: [{ kind: 'nekosia', category: 'catgirl', tags: [], weight: 1 }],
        },
      }),
    },
  });
}

function wallpaperEvents(app: StartedApp): WallpaperState[] {
  return app.main.webContents.sent
    .filter((event) => event.channel === 'wallpaper:changed')
    .map((event) => event.payload as WallpaperState);
}

async function until<T>(read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('wallpaper in the app', () => {
  it('changes the wallpaper from the tray, tells every window, and serves the image over nekodesk://', async () => {
    const app = await startRotatingApp();
    app.main.webContents.finishLoad();
    const tray = app.fake.Tray.created[0]!;
    await until(() => (wallpaperEvents(app).length > 0 ? true : undefined)); // the service is open
    expect(tray.item('Pause rotation')?.checked).toBe(true);

    tray.choose('Next wallpaper');
    const shown = await until(() => wallpaperEvents(app).find((state) => state.current.length > 0));
    const imageUrl = shown.current[0]?.imageUrl ?? '';
    expect(imageUrl).toMatch(/^nekodesk:\/\/cache\/[0-9a-f]{64}$/);
    const image = await app.fake.protocol.fetch(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    expect((await app.fake.protocol.fetch(`nekodesk://cache/${'0'.repeat(64)}`)).status).toBe(404);
    await until(() => (tray.item('Favorite current')?.enabled === true ? true : undefined));

    const state = await app.fake.ipcMain.invoke('wallpaper:state', undefined, {
      sender: app.main.webContents,
    });
    expect(state).toMatchObject({ ok: true, data: { current: [{ imageUrl }] } });
  });

  it('pauses and resumes from the tray checkbox, and the menu follows', async () => {
    const app = await startRotatingApp();
    const tray = app.fake.Tray.created[0]!;
    expect(tray.item('Pause rotation')?.checked).toBe(true);
    await app.fake.ipcMain.invoke('wallpaper:state', undefined, { sender: app.main.webContents }); // open
    tray.choose('Pause rotation'); // was checked (paused): resume
    await until(() => (tray.item('Pause rotation')?.checked === false ? true : undefined));
    const answer = await app.fake.ipcMain.invoke('wallpaper:state', undefined, {
      sender: app.main.webContents,
    });
    expect(answer).toMatchObject({ ok: true, data: { status: 'running', paused: false } });

    await app.fake.ipcMain.invoke('wallpaper:set-paused', { paused: true }, { sender: app.main.webContents });
    expect(tray.item('Pause rotation')?.checked).toBe(true);
  });

  it('answers the wallpaper calls only for our pages, with validated requests', async () => {
    const app = await startRotatingApp();
    const from = { sender: app.main.webContents };
    await expect(
      app.fake.ipcMain.invoke('library:history', { offset: 0, limit: 500 }, from),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(app.fake.ipcMain.invoke('library:history', { offset: 0, limit: 20 }, from)).resolves.toEqual(
      {
        ok: true,
        data: { items: [], total: 0 },
      },
    );
    const stranger = new app.fake.BrowserWindow({});
    stranger.webContents.mainFrame.url = app.main.webContents.getURL();
    await expect(
      app.fake.ipcMain.invoke('wallpaper:next', undefined, { sender: stranger.webContents }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('follows display changes and wakes the rotation after sleep', async () => {
    const app = await startRotatingApp();
    await app.fake.ipcMain.invoke('wallpaper:state', undefined, { sender: app.main.webContents });
    expect(app.fake.powerMonitor.listenerCount('resume')).toBe(1);
    expect(app.fake.screen.listenerCount('display-added')).toBe(1);
    expect(app.fake.screen.listenerCount('display-metrics-changed')).toBe(1);
    app.fake.powerMonitor.emit('resume');
    app.fake.screen.displays.push({
      id: 2,
      bounds: { x: 640, y: 0, width: 320, height: 180 },
      scaleFactor: 2,
    });
    app.fake.screen.emit('display-added');
  });
});
