/**
 * The wallpaper service with its real parts (clients against the fake servers, the download cache, sharp,
 * library.json) and a recording setter in place of the desktop.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/create-core';
import { resolvePaths } from '../../../main/core/paths';
import {
  settingsSchema,
  SettingsService,
  type Settings,
  type SettingsBackend,
} from '../../../main/core/settings';
import type { WallpaperSetter } from '../../../main/core/wallpaper/setters';
import type { ComposedWallpaper, Monitor } from '../../../main/core/wallpaper/types';
import {
  openWallpaperService,
  WALLPAPER_OUTPUT_FOLDER,
  type WallpaperService,
} from '../../../main/core/wallpaper/wallpaper-service';
import { encodePng, startFakeNekosBest, startFakeNekosia, type FakeServer } from '../../fakes';
import { FakeClock } from '../../support/fake-clock';
import { useTempDir } from '../../support/temp-dir';
import { TEST_HTTP_OPTIONS } from '../sources/helpers';

const MONITORS: Monitor[] = [
  { id: 'left', x: 0, y: 0, width: 320, height: 180 },
  { id: 'right', x: 320, y: 0, width: 180, height: 320 },
];

interface RecordingSetter extends WallpaperSetter {
  /** Each composition set, and whether all its files existed when it was set. */
  sets: { composed: ComposedWallpaper; filesExisted: boolean }[];
}

function recordingSetter(): RecordingSetter {
  const sets: RecordingSetter['sets'] = [];
  return {
    desktop: 'x11-generic',
    name: 'recording',
    sets,
    set(composed) {
      const files = [composed.spanFile, ...composed.perMonitor.map((entry) => entry.file)];
      sets.push({ composed, filesExisted: files.every((file) => existsSync(file)) });
      return Promise.resolve();
    },
  };
}

describe('openWallpaperService', { timeout: 30_000 }, () => {
  const tempDir = useTempDir('nekodesk-wallpaper-service-');
  let nekosBest: FakeServer;
  let nekosia: FakeServer;
  const opened: WallpaperService[] = [];

  beforeAll(async () => {
    [nekosBest, nekosia] = await Promise.all([
      startFakeNekosBest({ enforceRateLimits: false }),
      startFakeNekosia({ enforceRateLimits: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([nekosBest.close(), nekosia.close()]);
  });
  afterEach(async () => {
    for (const service of opened.splice(0)) await service.close();
  });

  async function open(
    options: {
      prefetchDepth?: number;
      wallpaper?: Partial<Settings['wallpaper']>;
      clock?: FakeClock;
      alsoPinned?: () => Iterable<string>;
    } = {},
  ) {
    const home = tempDir();
    const paths = resolvePaths({ NEKODESK_HOME: home });
    const settings: Settings = settingsSchema.parse({ wallpaper: options.wallpaper ?? {} });
    const backend: SettingsBackend = { store: { ...settings }, path: '' };
    const core = createCore({
      urls: {
        nekosBestUrl: nekosBest.baseUrl,
        nekosiaUrl: nekosia.baseUrl,
        whatanimeUrl: 'http://127.0.0.1:9',
      },
      http: TEST_HTTP_OPTIONS,
    });
    const setter = recordingSetter();
    const service = await openWallpaperService({
      core: () => core,
      settings: new SettingsService(backend, settings),
      paths,
      monitors: () => Promise.resolve(MONITORS),
      setter: () => setter,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.prefetchDepth === undefined ? {} : { prefetchDepth: options.prefetchDepth }),
      ...(options.alsoPinned === undefined ? {} : { alsoPinned: options.alsoPinned }),
    });
    opened.push(service);
    const outDir = path.join(paths.data, WALLPAPER_OUTPUT_FOLDER);
    const outputs = (): string[] => (existsSync(outDir) ? readdirSync(outDir).sort() : []);
    return { service, setter, paths, home, outputs };
  }

  const filesOf = (composed: ComposedWallpaper): string[] =>
    [composed.spanFile, ...composed.perMonitor.map((entry) => entry.file)].map((file) => path.basename(file));

  it('changes the wallpaper through the rotation: composes per monitor, sets it, records it', async () => {
    const { service, setter, outputs } = await open({ prefetchDepth: 0 });
    const result = await service.rotation.next();
    expect(result.ok).toBe(true);
    expect(setter.sets).toHaveLength(1);
    const [first] = setter.sets;
    if (first === undefined) throw new Error('nothing was set');
    expect(first.filesExisted).toBe(true);
    expect(first.composed).toMatchObject({ width: 500, height: 320 });
    expect(outputs()).toEqual(filesOf(first.composed).sort());
    const history = await service.library.history();
    expect(history.map((entry) => entry.monitor?.id)).toEqual(['left', 'right']);
  });

  it('prunes old composed files but keeps the one on screen and the prefetched ones', async () => {
    // A clock that stands still: the timer never fires, only what the test asks for happens.
    const clock = new FakeClock();
    const { service, setter, outputs, home } = await open({ prefetchDepth: 1, clock });
    await service.rotation.start(); // changeOnStart: one change, then one set prefetched (composed ahead)
    await service.rotation.whenIdle();
    expect(service.rotation.state().prefetched).toBe(1);
    expect(setter.sets).toHaveLength(1);
    const onScreen = setter.sets[0]?.composed;
    if (onScreen === undefined) throw new Error('nothing was set');
    expect(outputs()).toHaveLength(6); // span + 2 monitors, on screen and prefetched
    expect(outputs()).toEqual(expect.arrayContaining(filesOf(onScreen)));

    // Shown outside the rotation, composed after the prefetched set: the prefetched files must survive.
    const picture = path.join(home, 'picture.png');
    writeFileSync(picture, encodePng(64, 48, [200, 30, 30]));
    const shown = await service.showFiles([picture]);
    const afterShow = outputs();
    expect(afterShow).toHaveLength(6);
    expect(afterShow).toEqual(expect.arrayContaining(filesOf(shown)));
    for (const file of filesOf(onScreen)) expect(afterShow).not.toContain(file);

    // The prefetched set is applied with its files still there; the picture's files go.
    const next = await service.rotation.next();
    expect(next.ok).toBe(true);
    await service.rotation.whenIdle();
    const applied = setter.sets.at(-1);
    expect(applied?.filesExisted).toBe(true);
    expect(outputs()).toEqual(expect.arrayContaining(filesOf(applied?.composed ?? shown)));
    for (const file of filesOf(shown)) expect(outputs()).not.toContain(file);
    expect(outputs()).toHaveLength(6);
    await service.rotation.stop();
  });

  it('pins the wallpaper on screen and the favorites in the cache', async () => {
    // A cache limit of 0: everything not pinned is evicted at the next eviction.
    const { service } = await open({ prefetchDepth: 0, wallpaper: { cacheLimitMb: 100 } });
    await service.cache.setLimit(0);
    const ids = async (): Promise<string[]> => {
      const result = await service.rotation.next();
      if (!result.ok) throw new Error(result.error.message);
      return result.data.map((item) => item.artwork.id);
    };
    const first = await ids();
    const favorited = await service.rotation.favoriteCurrent();
    expect(favorited.ok).toBe(true);
    const second = await ids();
    const third = await ids();
    await service.rotation.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the pins are refreshed after each change
    await service.cache.evict();
    const cached = (id: string): boolean => service.cache.get(id, 'original') !== null;
    for (const id of [...first, ...third]) expect(cached(id)).toBe(true);
    for (const id of second.filter((id) => !first.includes(id) && !third.includes(id)))
      expect(cached(id)).toBe(false);
  });

  it('also keeps what another feature pins (the picker) when the cache is full', async () => {
    const kept = new Set<string>();
    const { service } = await open({ prefetchDepth: 0, alsoPinned: () => kept });
    const first = await service.rotation.next();
    const second = await service.rotation.next();
    if (!first.ok || !second.ok) throw new Error('rotation failed');
    const firstIds = first.data.map((item) => item.artwork.id);
    const secondIds = second.data.map((item) => item.artwork.id);
    for (const id of firstIds) kept.add(id);
    await service.rotation.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the pins are refreshed after each change
    await service.cache.setLimit(0);

    for (const id of [...firstIds, ...secondIds]) expect(service.cache.get(id, 'original')).not.toBeNull();
  });

  it('shows artworks outside the rotation, records them in the history and pins them', async () => {
    const { service, setter } = await open({ prefetchDepth: 0 });
    const result = await service.rotation.next();
    if (!result.ok) throw new Error(result.error.message);
    const artwork = result.data[1]?.artwork;
    if (artwork === undefined) throw new Error('nothing shown');
    const composed = await service.showArtworks([artwork]);
    expect(composed.perMonitor.map((entry) => entry.monitor.id)).toEqual(['left', 'right']);
    expect(setter.sets).toHaveLength(2);
    const [newest, second] = await service.library.history();
    expect([newest?.artwork.id, second?.artwork.id]).toEqual([artwork.id, artwork.id]);
    expect(newest?.setId).toBe(second?.setId);
    await service.cache.setLimit(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await service.cache.evict();
    expect(service.cache.get(artwork.id, 'original')).not.toBeNull();
  });

  it('refuses to show nothing', async () => {
    const { service } = await open({ prefetchDepth: 0 });
    await expect(service.showFiles([])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
