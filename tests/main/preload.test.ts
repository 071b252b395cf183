/** The preload over the fake IPC, talking to the real main-side IPC layer and handlers. */
import type { IpcMain, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { settingsSchema, SettingsService, type SettingsBackend } from '../../main/core/settings';
import { createHandlers } from '../../main/handlers';
import { NO_WALLPAPER } from './no-wallpaper';
import { registerIpc } from '../../main/shell/ipc';
import { createRendererPages } from '../../main/shell/renderer-pages';
import type { NekodeskApi } from '../../preload/api-factory';
import type { Fake } from './start-app';

vi.mock('electron', () => import('./fake-electron'));

async function loadPreload() {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();

  const pages = createRendererPages(undefined);
  const window = new fake.BrowserWindow({});
  void window.loadURL(pages.url('main'));
  const backend: SettingsBackend = { store: {}, path: '/dev/null' };
  const settings = new SettingsService(backend, settingsSchema.parse({}));
  const opened: string[] = [];
  const handlers = createHandlers({
    settings,
    listCategories: () => Promise.resolve([{ name: 'hug', format: 'gif' }]),
    openLink: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    platform: 'linux',
    ...NO_WALLPAPER,
  });
  const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  registerIpc(
    fake.ipcMain as unknown as IpcMain,
    handlers,
    { trustedContents: () => [window.webContents as unknown as WebContents], pages },
    log,
  );
  fake.ipcRenderer.contents = window.webContents; // the preload runs in this page

  await import('../../preload/index');
  return { fake, window, settings, opened, api: fake.contextBridge.exposed.nekodesk as NekodeskApi };
}

describe('the preload', () => {
  it('exposes window.nekodesk only: one method per call of the contract, plus on()', async () => {
    const { fake, api } = await loadPreload();
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['nekodesk']);
    expect(Object.keys(api).sort()).toEqual([
      'app',
      'capture',
      'identify',
      'library',
      'nekos',
      'nekosia',
      'on',
      'picker',
      'settings',
      'shell',
      'wallpaper',
    ]);
    expect(Object.keys(api.wallpaper).sort()).toEqual([
      'banCurrent',
      'favoriteCurrent',
      'next',
      'previous',
      'setPaused',
      'state',
    ]);
    expect(Object.keys(api.library).sort()).toEqual(['favorites', 'history', 'removeFavorite']);
    expect(Object.keys(api.app).sort()).toEqual(['hotkeys', 'info']);
    expect(Object.keys(api.capture).sort()).toEqual(['finish', 'source']);
    expect(Object.keys(api.identify).sort()).toEqual([
      'account',
      'apiKeys',
      'capture',
      'clipboard',
      'createApiKey',
      'credits',
      'deleteHistory',
      'history',
      'image',
      'rankings',
      'recent',
      'setApiKey',
      'signIn',
      'signOut',
      'url',
    ]);
    expect(Object.keys(api.settings).sort()).toEqual(['get', 'update']);
    expect(Object.keys(api.shell)).toEqual(['openLink']);
    expect(Object.keys(api.picker).sort()).toEqual([
      'browse',
      'chips',
      'copy',
      'hide',
      'previews',
      'search',
      'searchRemote',
      'startDrag',
      'toggleFavorite',
    ]);
  });

  it('never hands the page ipcRenderer or any other Electron object', async () => {
    const { fake, api } = await loadPreload();
    const leaves: unknown[] = [];
    const walk = (value: unknown): void => {
      leaves.push(value);
      if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
    };
    walk(api);
    expect(leaves).not.toContain(fake.ipcRenderer);
    expect(leaves.filter((leaf) => typeof leaf === 'object' && leaf !== api)).toEqual([
      api.app,
      api.capture,
      api.identify,
      api.library,
      api.nekos,
      api.nekosia,
      api.picker,
      api.settings,
      api.shell,
      api.wallpaper,
    ]);
  });

  it('makes calls that reach main and come back in the one result shape', async () => {
    const { api, opened, settings } = await loadPreload();
    await expect(api.app.info()).resolves.toMatchObject({
      ok: true,
      data: { name: 'Nekodesk', platform: 'linux' },
    });
    await expect(api.nekos.categories()).resolves.toEqual({
      ok: true,
      data: [{ name: 'hug', format: 'gif' }],
    });
    await expect(api.settings.update({ launchAtLogin: true })).resolves.toMatchObject({
      ok: true,
      data: { launchAtLogin: true },
    });
    expect(settings.get().launchAtLogin).toBe(true);
    await expect(api.shell.openLink({ url: 'javascript:alert(1)' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(opened).toEqual([]);
  });

  it('delivers events to listeners until they unsubscribe', async () => {
    const { api, window } = await loadPreload();
    const notices: unknown[] = [];
    const stop = api.on('app:notice', (notice) => notices.push(notice));
    window.webContents.send('app:notice', { level: 'info', message: 'hello' });
    window.webContents.send('settings:changed', { launchAtLogin: false });
    stop();
    window.webContents.send('app:notice', { level: 'info', message: 'after' });
    expect(notices).toEqual([{ level: 'info', message: 'hello' }]);
  });

  it('lets the page listen only to the contract’s events', async () => {
    const { api } = await loadPreload();
    const on = api.on as (channel: string, listener: () => void) => () => void;
    expect(() => on('electron-store-get-data', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('__ELECTRON_LOG__', () => undefined)).toThrow(/Unknown event/);
  });
});
