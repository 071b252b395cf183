import { createIdentifyHandlers } from '../../main/identify-handlers';
import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNELS, type WallpaperState } from '../../preload/contract';
import { registerIpc } from '../../main/shell/ipc';
import { createRendererPages } from '../../main/shell/renderer-pages';
import { FakeBrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

beforeEach(() => {
  resetFakeElectron();
});

function idleState(): WallpaperState {
  return {
    status: 'stopped',
    paused: false,
    current: [],
    nextDueAt: null,
    busy: false,
    offline: false,
    lastError: null,
  };
}

/** Handlers that only record that they ran. */
function spyHandlers() {
  const handlers = {
    'app:info': vi.fn(() => ({ name: 'Nekodesk', version: '0.1.0', platform: 'linux' })),
    'nekos:categories': vi.fn(() => Promise.resolve([])),
    'settings:get': vi.fn(),
    'settings:update': vi.fn(),
    'shell:open-link': vi.fn(() => null),
    'library:favorites': vi.fn(() => []),
    'library:history': vi.fn(() => ({ items: [], total: 0 })),
    'library:remove-favorite': vi.fn(() => []),
    'nekosia:tags': vi.fn(() => ({ tags: [], anime: [], characters: [] })),
    'picker:browse': vi.fn(() => ({ items: [], done: true, offline: false })),
    'picker:chips': vi.fn(() => []),
    'picker:copy': vi.fn(({ artworkId }: { artworkId: string }) => ({ artworkId, mode: 'file' as const })),
    'picker:hide': vi.fn(() => null),
    'picker:previews': vi.fn(() => []),
    'picker:search': vi.fn(({ query }: { query: string }) => ({ query, seq: 1, items: [] })),
    'picker:search-remote': vi.fn(({ seq }: { seq: number }) => ({
      query: '',
      seq,
      items: [],
      superseded: true,
    })),
    'picker:start-drag': vi.fn(() => null),
    'picker:toggle-favorite': vi.fn(({ artworkId }: { artworkId: string }) => ({
      artworkId,
      favorite: true,
    })),
    'wallpaper:ban-current': vi.fn(idleState),
    'wallpaper:favorite-current': vi.fn(idleState),
    'wallpaper:next': vi.fn(idleState),
    'wallpaper:previous': vi.fn(idleState),
    'wallpaper:set-paused': vi.fn(idleState),
    'wallpaper:state': vi.fn(idleState),
    // Without an identification core each of these answers "not available here".
    ...createIdentifyHandlers({}),
  };
  return handlers;
}

function setUp(pagesBase?: string) {
  const pages = createRendererPages(pagesBase);
  const ours = new FakeBrowserWindow({});
  void ours.loadURL(pages.url('main'));
  const overlay = new FakeBrowserWindow({});
  void overlay.loadURL(pages.url('capture'));
  const handlers = {
    ...spyHandlers(),
    'capture:source': vi.fn(() => ({ imageUrl: 'nekodesk://cache/i/x.png', width: 1, height: 1 })),
    'capture:finish': vi.fn(() => null),
  };
  const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  registerIpc(
    ipcMain as unknown as IpcMain,
    handlers,
    {
      trustedContents: () => [ours.webContents, overlay.webContents] as unknown as WebContents[],
      pages,
    },
    log,
  );
  return { ours, overlay, handlers, log, pages };
}

const UNAUTHORIZED = {
  ok: false,
  error: { code: 'unauthorized', message: 'This page may not call Nekodesk.' },
};

describe('IPC sender checks', () => {
  it('handles every channel of the contract', () => {
    setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CALL_CHANNELS].sort());
  });

  it('lets a call from our window’s main frame through to its handler', async () => {
    const { ours, handlers } = setUp();
    await expect(ipcMain.invoke('app:info', undefined, { sender: ours.webContents })).resolves.toEqual({
      ok: true,
      data: { name: 'Nekodesk', version: '0.1.0', platform: 'linux' },
    });
    expect(handlers['app:info']).toHaveBeenCalledTimes(1);
  });

  it('refuses a foreign webContents, even one showing our page, before any handler runs', async () => {
    const { handlers, log, pages } = setUp();
    const foreign = new FakeBrowserWindow({});
    void foreign.loadURL(pages.url('main'));
    await expect(
      ipcMain.invoke('shell:open-link', { url: 'https://example.com/' }, { sender: foreign.webContents }),
    ).resolves.toEqual(UNAUTHORIZED);
    expect(handlers['shell:open-link']).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('Refused IPC call shell:open-link: not one of our windows');
  });

  it('refuses a sub-frame of our window, even at our own URL', async () => {
    const { ours, handlers } = setUp();
    const frame = ours.webContents.addSubFrame(ours.webContents.getURL());
    await expect(ipcMain.invoke('settings:update', {}, { sender: ours.webContents, frame })).resolves.toEqual(
      UNAUTHORIZED,
    );
    expect(handlers['settings:update']).not.toHaveBeenCalled();
  });

  it('refuses our window once it shows a page that is not ours', async () => {
    const { ours, handlers } = setUp('http://localhost:5173');
    for (const url of [
      'http://localhost:5174/index.html',
      'https://localhost:5173/index.html',
      'http://localhost:5173/other.html',
      'file:///work/main/out/renderer/index.html',
      'app://nekodesk/index.html',
    ]) {
      ours.webContents.mainFrame.url = url;
      await expect(ipcMain.invoke('app:info', undefined, { sender: ours.webContents })).resolves.toEqual(
        UNAUTHORIZED,
      );
    }
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('lets the capture overlay make the capture calls only, and no other page make them', async () => {
    const { ours, overlay, handlers, log } = setUp();
    const fromOverlay = { sender: overlay.webContents };
    await expect(ipcMain.invoke('capture:source', undefined, fromOverlay)).resolves.toMatchObject({
      ok: true,
    });
    await expect(ipcMain.invoke('capture:finish', { region: null }, fromOverlay)).resolves.toEqual({
      ok: true,
      data: null,
    });
    for (const [channel, request] of [
      ['settings:update', {}],
      ['identify:set-api-key', { key: 'ta_0123456789abcdef' }],
      ['shell:open-link', { url: 'https://example.com/' }],
      ['app:info', undefined],
    ] as const) {
      await expect(ipcMain.invoke(channel, request, fromOverlay), channel).resolves.toEqual(UNAUTHORIZED);
    }
    expect(handlers['settings:update']).not.toHaveBeenCalled();
    expect(handlers['shell:open-link']).not.toHaveBeenCalled();
    expect(handlers['app:info']).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(
      'Refused IPC call settings:update: the capture page has no use for it',
    );

    await expect(
      ipcMain.invoke(
        'capture:finish',
        { region: { x: 0, y: 0, width: 1, height: 1 } },
        { sender: ours.webContents },
      ),
    ).resolves.toEqual(UNAUTHORIZED);
    expect(handlers['capture:finish']).toHaveBeenCalledTimes(1);
  });

  it('answers invalid_input for a malformed request or an unknown extra field, without running the handler', async () => {
    const { ours, handlers } = setUp();
    const from = { sender: ours.webContents };
    for (const request of [
      undefined,
      'https://example.com',
      { url: 42 },
      { url: 'https://a.example', extra: 1 },
    ]) {
      await expect(ipcMain.invoke('shell:open-link', request, from)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    await expect(ipcMain.invoke('app:info', { surprise: true }, from)).resolves.toMatchObject({
      error: { code: 'invalid_input' },
    });
    expect(handlers['shell:open-link']).not.toHaveBeenCalled();
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });
});
