/**
 * The app as main/index.ts wires it, over the fake Electron: windows, their security, IPC, events,
 * settings, tray, single instance and launch at login.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNELS } from '../../preload/contract';
import { startApp, type StartedApp } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

afterEach(() => {
  vi.unstubAllEnvs();
});

function settingsOnDisk(app: StartedApp): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(app.home, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

function logText(app: StartedApp): string {
  const file = path.join(app.home, 'logs', 'main.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('start-up', () => {
  it('creates a main window and a hidden, frameless, always-on-top picker', async () => {
    const { fake, main, picker } = await startApp();
    expect(fake.BrowserWindow.created).toHaveLength(2);
    expect(main.isVisible()).toBe(true);
    expect(picker.isVisible()).toBe(false);
    expect(picker.options).toMatchObject({ frame: false, skipTaskbar: true, alwaysOnTop: true, show: false });
  });

  it('keeps its data in the shared folders and sandboxes every renderer before ready', async () => {
    const app = await startApp();
    expect(app.fake.app.sandboxEnabled).toBe(true);
    expect(app.fake.app.getPath('userData')).toBe(path.join(app.home, 'data'));
    expect(existsSync(path.join(app.home, 'settings.json'))).toBe(true);
  });

  it('stays in the tray when started with --hidden (the login entry)', async () => {
    const { main } = await startApp({ argv: ['--hidden'] });
    expect(main.isVisible()).toBe(false);
  });

  it('repairs a corrupt settings file and tells the person in the main window once it has loaded', async () => {
    const app = await startApp({ files: { 'settings.json': '{ not json' } });
    expect(app.main.webContents.sent).toEqual([]);
    app.main.webContents.finishLoad();
    const [notice, ...others] = app.main.webContents.sent;
    expect(others).toEqual([]);
    expect(notice?.channel).toBe('app:notice');
    expect(notice?.payload).toMatchObject({ level: 'warning' });
    expect((notice?.payload as { message: string }).message).toContain('could not be read');
    expect(readdirSync(app.home).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    expect(logText(app)).toContain('could not be read');
  });
});

describe('every window', () => {
  it('is sandboxed, context-isolated, without Node, with web security and only our preload', async () => {
    const { fake } = await startApp();
    for (const window of fake.BrowserWindow.created) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      });
      expect(window.options.webPreferences?.preload).toBe(
        path.join(fake.app.getAppPath(), 'out', 'preload', 'index.cjs'),
      );
    }
  });

  it('loads the dev server in development and app://nekodesk when packaged, even if the variable is set', async () => {
    const dev = await startApp({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(dev.main.webContents.getURL()).toBe('http://localhost:5173/index.html');
    expect(dev.picker.webContents.getURL()).toBe('http://localhost:5173/picker.html');

    const packaged = await startApp({
      packaged: true,
      env: { ELECTRON_RENDERER_URL: 'http://evil.example' },
    });
    expect(packaged.main.webContents.getURL()).toBe('app://nekodesk/index.html');
    expect(packaged.picker.webContents.getURL()).toBe('app://nekodesk/picker.html');
    expect(packaged.fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      {
        scheme: 'nekodesk',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
      },
    ]);
    expect(packaged.main.options.webPreferences?.devTools).toBe(false);
  });

  it('cannot navigate, be redirected or attach a webview', async () => {
    const { fake, main, picker } = await startApp();
    for (const window of [main, picker]) {
      const page = window.webContents.getURL();
      expect(window.webContents.navigate('https://evil.example/')).toBe(false);
      expect(window.webContents.navigate('file:///etc/passwd')).toBe(false);
      expect(window.webContents.getURL()).toBe(page);
      expect(window.webContents.redirect('https://evil.example/')).toBe(false);
      expect(window.webContents.attachWebview('https://evil.example/')).toBe(false);
    }
    expect(fake.shell.opened).toEqual([]);
  });

  it('opens http(s) links from window.open in the browser, never in the app, and drops other schemes', async () => {
    const { fake, main } = await startApp();
    expect(main.webContents.openWindow('https://nekos.best/')).toBe('deny');
    expect(main.webContents.openWindow('http://example.com/a?b=1')).toBe('deny');
    expect(main.webContents.openWindow('file:///etc/passwd')).toBe('deny');
    expect(main.webContents.openWindow('javascript:alert(1)')).toBe('deny');
    expect(main.webContents.openWindow('smb://server/share')).toBe('deny');
    await Promise.resolve();
    expect(fake.shell.opened).toEqual(['https://nekos.best/', 'http://example.com/a?b=1']);
  });

  it('applies the same rules to any other webContents the app ever creates', async () => {
    const { fake } = await startApp();
    const stray = new fake.BrowserWindow({});
    expect(stray.webContents.navigate('https://evil.example/')).toBe(false);
    expect(stray.webContents.openWindow('https://evil.example/')).toBe('deny');
  });

  it('is refused every permission, when asking and when checking', async () => {
    const { fake, main } = await startApp();
    const session = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      await expect(session.requestPermission(main.webContents, permission)).resolves.toBe(false);
      expect(session.checkPermission(main.webContents, permission)).toBe(false);
    }
  });

  it('lets only its own pages write text to the clipboard ("Copy title")', async () => {
    const { fake, main } = await startApp();
    const session = fake.session.defaultSession;
    await expect(session.requestPermission(main.webContents, 'clipboard-sanitized-write')).resolves.toBe(
      true,
    );
    expect(session.checkPermission(main.webContents, 'clipboard-sanitized-write')).toBe(true);

    const stray = new fake.BrowserWindow({});
    void stray.loadURL('https://evil.example/');
    await expect(session.requestPermission(stray.webContents, 'clipboard-sanitized-write')).resolves.toBe(
      false,
    );
    expect(session.checkPermission(stray.webContents, 'clipboard-sanitized-write')).toBe(false);
  });

  it('gets our Content-Security-Policy on every page response, replacing any other', async () => {
    const { fake } = await startApp();
    const headers = await fake.session.defaultSession.receiveHeaders({
      url: 'http://localhost:5173/index.html',
      resourceType: 'mainFrame',
      responseHeaders: {
        'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
        'x-a': ['1'],
      },
    });
    expect(Object.keys(headers ?? {})).toEqual(['x-a', 'Content-Security-Policy']);
    const policy = String(headers?.['Content-Security-Policy']);
    expect(policy).toContain("default-src 'none'; script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    const image = await fake.session.defaultSession.receiveHeaders({
      url: 'http://localhost:5173/cat.png',
      resourceType: 'image',
      responseHeaders: { 'x-a': ['1'] },
    });
    expect(image).toEqual({ 'x-a': ['1'] });
  });
});

describe('IPC', () => {
  it('answers every call of the contract for our own pages', async () => {
    const { fake, main } = await startApp();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CALL_CHANNELS].sort());
    await expect(
      fake.ipcMain.invoke('app:info', undefined, { sender: main.webContents }),
    ).resolves.toMatchObject({
      ok: true,
      data: { name: 'Nekodesk', platform: process.platform },
    });
  });

  it('saves a settings change and sends it to every window, the hidden picker once it has loaded', async () => {
    const app = await startApp();
    app.main.webContents.finishLoad();
    const answer = await app.fake.ipcMain.invoke(
      'settings:update',
      { services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' } },
      { sender: app.main.webContents },
    );
    expect(answer).toMatchObject({
      ok: true,
      data: { services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' } },
    });
    expect(settingsOnDisk(app)).toMatchObject({ services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' } });
    expect(app.main.webContents.sent.map((event) => event.channel)).toEqual(['settings:changed']);
    expect(app.picker.webContents.sent).toEqual([]);

    app.picker.webContents.finishLoad();
    expect(app.picker.webContents.sent.map((event) => event.channel)).toEqual(['settings:changed']);
    expect(app.picker.webContents.sent[0]?.payload).toMatchObject({
      services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' },
    });
  });

  it('refuses calls from a webContents that is not one of our windows, and changes nothing', async () => {
    const app = await startApp();
    const stranger = new app.fake.BrowserWindow({});
    stranger.webContents.mainFrame.url = app.main.webContents.getURL();
    const before = settingsOnDisk(app);
    await expect(
      app.fake.ipcMain.invoke('settings:update', { launchAtLogin: true }, { sender: stranger.webContents }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(settingsOnDisk(app)).toEqual(before);
    expect(logText(app)).toContain('Refused IPC call settings:update: not one of our windows');
  });

  it('refuses calls from a sub-frame, a vanished frame, or our window showing someone else’s page', async () => {
    const { fake, main } = await startApp();
    const frame = main.webContents.addSubFrame(main.webContents.getURL());
    const call = (from: Parameters<typeof fake.ipcMain.invoke>[2]) =>
      fake.ipcMain.invoke('shell:open-link', { url: 'https://example.com/' }, from);
    await expect(call({ sender: main.webContents, frame })).resolves.toMatchObject({
      error: { code: 'unauthorized' },
    });
    await expect(call({ sender: main.webContents, frame: null })).resolves.toMatchObject({
      error: { code: 'unauthorized' },
    });
    main.webContents.mainFrame.url = 'https://evil.example/index.html';
    await expect(call({ sender: main.webContents })).resolves.toMatchObject({
      error: { code: 'unauthorized' },
    });
    expect(fake.shell.opened).toEqual([]);
  });

  it('answers invalid_input to a malformed request without acting on it', async () => {
    const { fake, main } = await startApp();
    const from = { sender: main.webContents };
    await expect(
      fake.ipcMain.invoke('settings:update', { launchAtLogin: 'yes' }, from),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(
      fake.ipcMain.invoke('shell:open-link', { url: 'file:///etc/passwd' }, from),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(
      fake.ipcMain.invoke('shell:open-link', { url: 'https://a.example/' }, from),
    ).resolves.toEqual({
      ok: true,
      data: null,
    });
    expect(fake.shell.opened).toEqual(['https://a.example/']);
  });

  it('keeps answering when a window is gone, and sends it nothing', async () => {
    const app = await startApp();
    app.main.webContents.finishLoad();
    app.picker.destroy();
    await expect(
      app.fake.ipcMain.invoke('settings:update', { launchAtLogin: false }, { sender: app.main.webContents }),
    ).resolves.toMatchObject({ ok: true });
    expect(app.main.webContents.sent.map((event) => event.channel)).toEqual(['settings:changed']);
    expect(app.picker.webContents.sent).toEqual([]);
  });
});

describe('tray and lifecycle', () => {
  it('has a tray icon with the wallpaper actions, Open and Quit', async () => {
    const { fake } = await startApp();
    const [tray] = fake.Tray.created;
    expect(tray?.image.isEmpty()).toBe(false);
    expect(tray?.tooltip).toBe('Nekodesk');
    expect(tray?.menu?.items.map((item) => item.label ?? item.type)).toEqual([
      'Next wallpaper',
      'Previous wallpaper',
      'Favorite current',
      'Ban current',
      'Pause rotation',
      'separator',
      'Open Nekodesk',
      'Open picker',
      'Identify clipboard image',
      'separator',
      'Quit Nekodesk',
    ]);
    expect(tray?.item('Pause rotation')).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('hides the main window when it is closed, and Open brings it back', async () => {
    const { fake, main } = await startApp();
    main.close();
    expect(main.isDestroyed()).toBe(false);
    expect(main.isVisible()).toBe(false);
    fake.Tray.created[0]?.choose('Open Nekodesk');
    expect(main.isVisible()).toBe(true);
  });

  it('really quits from the tray', async () => {
    const { fake, main, picker } = await startApp();
    fake.Tray.created[0]?.choose('Quit Nekodesk');
    expect(fake.app.hasQuit).toBe(true);
    expect(main.isDestroyed()).toBe(true);
    expect(picker.isDestroyed()).toBe(true);
  });

  it('hands a second launch to the running app: it shows the main window, or the picker with --picker', async () => {
    const { fake, main, picker } = await startApp({ argv: ['--hidden'] });
    fake.app.emit(
      'second-instance',
      new fake.FakeEvent(),
      ['/opt/Nekodesk/nekodesk', '--no-sandbox'],
      '/',
      {},
    );
    expect(main.isVisible()).toBe(true);
    expect(picker.isVisible()).toBe(false);
    fake.app.emit('second-instance', new fake.FakeEvent(), ['/opt/Nekodesk/nekodesk', '--picker'], '/', {});
    expect(picker.isVisible()).toBe(true);
  });

  it('says why and exits when it cannot start (its folder is not a folder)', async () => {
    const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), 'blocked-')), 'not-a-folder');
    writeFileSync(blocker, '');
    const { fake } = await startApp({ env: { NEKODESK_HOME: blocker } });
    expect(fake.dialog.errors).toEqual([
      { title: 'Nekodesk could not start', content: expect.any(String) as string },
    ]);
    expect(fake.app.exitCode).toBe(1);
  });

  it('quits at once, without windows, when another instance is running', async () => {
    const { fake } = await startApp({ lock: false });
    expect(fake.app.quitRequested).toBe(true);
    expect(fake.BrowserWindow.created).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('launch at login (Linux)', () => {
  it('writes the autostart entry at start when the setting is on, and removes it when turned off', async () => {
    const config = mkdtempSync(path.join(os.tmpdir(), 'xdg-'));
    const app = await startApp({
      packaged: true,
      files: { 'settings.json': JSON.stringify({ launchAtLogin: true }) },
      env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/me/Apps/Nekodesk.AppImage' },
    });
    const entry = path.join(config, 'autostart', 'nekodesk.desktop');
    expect(readFileSync(entry, 'utf8')).toContain('Exec=/home/me/Apps/Nekodesk.AppImage --hidden\n');

    await app.fake.ipcMain.invoke(
      'settings:update',
      { launchAtLogin: false },
      { sender: app.main.webContents },
    );
    expect(existsSync(entry)).toBe(false);
  });
});
