/** The wallpaper calls through dispatchCall, over the real wallpaper service and the fake upstreams. */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheUrl, parseCacheUrl } from '../../main/core/cache';
import { createLiveCore } from '../../main/core/live-core';
import { settingsSchema, SettingsService } from '../../main/core/settings';
import type { WallpaperSetter } from '../../main/core/wallpaper/setters';
import { openWallpaperService, type WallpaperService } from '../../main/core/wallpaper/wallpaper-service';
import { createHandlers, nekosiaTags } from '../../main/handlers';
import { dispatchCall } from '../../main/ipc-dispatch';
import type { CallChannel, HistoryPage, LibraryItem, WallpaperState } from '../../preload/contract';
import { startFakeNekosBest, startFakeNekosia, type FakeServer } from '../fakes';
import { useTempDir } from '../support/temp-dir';

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

const tempDir = useTempDir('nekodesk-wallpaper-');
const services: WallpaperService[] = [];

afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

async function setup() {
  const home = tempDir();
  const settings = new SettingsService(
    { store: {}, path: path.join(home, 'settings.json') },
    settingsSchema.parse({
      wallpaper: { sources: [{ kind: 'nekosia', category: 'catgirl', tags: [], weight: 1 }] },
    }),
  );
  const core = createLiveCore(settings, {
    env: { NEKODESK_NEKOSIA_URL: nekosia.baseUrl, NEKODESK_NEKOS_BEST_URL: nekosBest.baseUrl },
  });
  const shown: string[] = [];
  const setter: WallpaperSetter = {
    desktop: 'unknown',
    name: 'test',
    set: (composed) => {
      shown.push(composed.spanFile);
      return Promise.resolve();
    },
  };
  const opening = openWallpaperService({
    core,
    settings,
    paths: { config: home, data: path.join(home, 'data'), cache: path.join(home, 'cache'), logs: home },
    monitors: () => Promise.resolve([{ id: 'left', x: 0, y: 0, width: 320, height: 180 }]),
    setter: () => setter,
    prefetchDepth: 0,
  });
  services.push(await opening);
  const handlers = createHandlers({
    settings,
    listCategories: () => Promise.resolve([]),
    openLink: () => Promise.resolve(),
    platform: 'linux',
    wallpaper: () => opening,
    imageUrl: cacheUrl,
    nekosiaTags: () => nekosiaTags(core()),
  });
  const call = async <T>(channel: CallChannel, request?: unknown): Promise<T> => {
    const result = await dispatchCall(handlers, channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  };
  return { handlers, call, shown, settings, service: await opening };
}

describe('wallpaper calls', () => {
  it('shows the next wallpaper and names its cached file with the cache URL', async () => {
    const { call, shown, service } = await setup();
    const before = await call<WallpaperState>('wallpaper:state');
    expect(before).toMatchObject({ current: [], busy: false, paused: false, lastError: null });

    const state = await call<WallpaperState>('wallpaper:next');
    expect(shown).toHaveLength(1);
    expect(state.current).toHaveLength(1);
    const [current] = state.current;
    expect(current?.monitorId).toBe('left');
    expect(current?.artwork.source).toBe('nekosia');
    const key = parseCacheUrl(current?.imageUrl ?? '');
    expect(key).not.toBeNull();
    expect(service.cache.resolve(key!)?.contentType).toMatch(/^image\//);
  });

  it('keeps favorites and history, pages the history and removes a favorite', async () => {
    const { call } = await setup();
    await call('wallpaper:next');
    await call('wallpaper:next');
    const state = await call<WallpaperState>('wallpaper:favorite-current');
    const favorites = await call<LibraryItem[]>('library:favorites');
    expect(favorites.map((item) => item.artwork.id)).toEqual([state.current[0]?.artwork.id]);
    expect(favorites[0]?.imageUrl).toMatch(/^nekodesk:\/\/cache\/[0-9a-f]{64}$/);

    const page = await call<HistoryPage>('library:history', { offset: 1, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);

    const left = await call<LibraryItem[]>('library:remove-favorite', { id: favorites[0]!.artwork.id });
    expect(left).toEqual([]);
  });

  it('goes back to the previous wallpaper, and bans the current one', async () => {
    const { call, service } = await setup();
    const first = await call<WallpaperState>('wallpaper:next');
    await call('wallpaper:next');
    const back = await call<WallpaperState>('wallpaper:previous');
    expect(back.current[0]?.artwork.id).toBe(first.current[0]?.artwork.id);
    const banned = back.current[0]!.artwork.id;
    const after = await call<WallpaperState>('wallpaper:ban-current');
    expect(after.current[0]?.artwork.id).not.toBe(banned);
    expect(await service.library.isBanned(banned)).toBe(true);
  });

  it('pauses through the setting, and the rotation follows', async () => {
    const { call, settings, service } = await setup();
    await service.rotation.start();
    const paused = await call<WallpaperState>('wallpaper:set-paused', { paused: true });
    expect(paused).toMatchObject({ status: 'paused', paused: true, nextDueAt: null });
    expect(settings.get().wallpaper.paused).toBe(true);
    const running = await call<WallpaperState>('wallpaper:set-paused', { paused: false });
    expect(running).toMatchObject({ status: 'running', paused: false });
  });

  it('answers a favorite with nothing shown as not_found', async () => {
    const { handlers } = await setup();
    await expect(dispatchCall(handlers, 'wallpaper:favorite-current', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('lists Nekosia’s tags for autocomplete', async () => {
    const { call } = await setup();
    const tags = await call<{ tags: string[] }>('nekosia:tags');
    expect(tags.tags.length).toBeGreaterThan(0);
  });

  it('validates every new request strictly', async () => {
    const { handlers, shown } = await setup();
    const refused: [CallChannel, unknown][] = [
      ['library:history', { offset: 0, limit: 101 }],
      ['library:history', { offset: -1, limit: 10 }],
      ['library:history', { offset: 0, limit: 10, extra: 1 }],
      ['library:history', undefined],
      ['library:remove-favorite', { id: 'x'.repeat(301) }],
      ['library:remove-favorite', { id: '' }],
      ['wallpaper:set-paused', { paused: 'yes' }],
      ['wallpaper:set-paused', {}],
      ['wallpaper:next', { monitorId: 'left' }],
      ['wallpaper:ban-current', { monitorId: 'm'.repeat(65) }],
      ['wallpaper:favorite-current', { monitorId: 'left', all: true }],
      ['nekosia:tags', { q: 'cat' }],
    ];
    for (const [channel, request] of refused) {
      const result = await dispatchCall(handlers, channel, request);
      expect(result, `${channel} ${JSON.stringify(request)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(shown).toEqual([]);
  });
});
