/**
 * Wallpaper rotation with its real parts: the API clients pick artworks, the download cache keeps them,
 * sharp composes one image per desktop, the desktop's setter shows it, the library remembers it.
 * The app and the CLI both open it; only the monitors and the command runner differ.
 */
import path from 'node:path';
import type { Artwork } from '../artwork';
import { DownloadCache } from '../cache';
import { NekodeskError } from '../errors';
import { systemClock, type Clock } from '../clock';
import type { Core } from '../create-core';
import type { HttpTransport } from '../http';
import { Library } from '../library';
import type { NekodeskPaths } from '../paths';
import { clientCandidates, Rotation, type RotationError, type RotationState } from '../rotation';
import type { SettingsService } from '../settings';
import { composeWallpaper } from './compose/compose-wallpaper';
import { pruneOutputs } from './compose/output-files';
import type { WallpaperSetter } from './setters';
import type { ComposedWallpaper, Monitor } from './types';

export interface WallpaperServiceOptions {
  /** The clients as they are now (rebuilt when the service URLs change). */
  core: () => Core;
  settings: SettingsService;
  paths: NekodeskPaths;
  /** The monitors now: Electron's displays in the app, xrandr or the settings in the CLI. */
  monitors: () => Promise<Monitor[]>;
  /** The setter for the current settings (the custom command may change). */
  setter: () => WallpaperSetter;
  clock?: Clock;
  /** Upcoming wallpapers kept ready; the CLI's one-shot commands use 0. Default 2. */
  prefetchDepth?: number;
  onChange?: (state: RotationState) => void;
  onError?: (error: RotationError) => void;
  /** More artwork ids the shared cache must keep (the picker's warm pool and favorites). */
  alsoPinned?: () => Iterable<string>;
}

export interface WallpaperService {
  rotation: Rotation;
  library: Library;
  cache: DownloadCache;
  /** Shows local image files (one for every monitor, or one per monitor) without touching the rotation. */
  showFiles(files: readonly string[]): Promise<ComposedWallpaper>;
  /** Downloads and shows these artworks (one for every monitor, or one per monitor), recording them in the history. */
  showArtworks(artworks: readonly Artwork[]): Promise<ComposedWallpaper>;
  close(): Promise<void>;
}

export const WALLPAPER_OUTPUT_FOLDER = 'wallpapers';
const MB = 1024 * 1024;
const MAX_IN_USE = 64;

export async function openWallpaperService(options: WallpaperServiceOptions): Promise<WallpaperService> {
  const clock = options.clock ?? systemClock;
  const wallpaperSettings = () => options.settings.get().wallpaper;
  const outDir = path.join(options.paths.data, WALLPAPER_OUTPUT_FOLDER);
  const library = await Library.open(options.paths.data, {
    now: () => clock.now(),
    historyLimit: () => wallpaperSettings().historyLimit,
  });

  // Current wallpapers and favorites are never evicted from the cache.
  let pinned: ReadonlySet<string> = new Set();
  /** Artworks shown by `showArtworks` (outside the rotation, whose `current()` does not know them). */
  let shownOutside: readonly string[] = [];
  const refreshPinned = async (): Promise<void> => {
    const favorites = await library.favorites();
    pinned = new Set([
      ...favorites.map((entry) => entry.artwork.id),
      ...rotation.current().map((shown) => shown.artwork.id),
      ...shownOutside,
    ]);
  };
  /**
   * Artworks downloaded for a set not composed yet: a set's second download must not evict its first.
   * Bounded, in case a set is dropped before it is composed.
   */
  let inUse: readonly string[] = [];
  const useFor = (artwork: Artwork): void => {
    inUse = [...inUse, artwork.id].slice(-MAX_IN_USE);
  };
  const doneWith = (artworks: readonly (Artwork | undefined)[]): void => {
    const done = new Set(artworks.map((artwork) => artwork?.id));
    inUse = inUse.filter((id) => !done.has(id));
  };
  const refreshPinnedQuietly = (): void => {
    // A library that cannot be read now keeps the previous pins; the rotation reports library trouble itself.
    refreshPinned().catch(() => undefined);
  };
  const http: Pick<HttpTransport, 'bytes'> = {
    bytes: (url, request) => options.core().http.bytes(url, request),
  };
  const cache = await DownloadCache.open({
    root: options.paths.cache,
    http,
    limitBytes: wallpaperSettings().cacheLimitMb * MB,
    pinned: () => {
      const more = [...inUse, ...(options.alsoPinned?.() ?? [])];
      return more.length === 0 ? pinned : new Set([...pinned, ...more]);
    },
    clock,
  });

  // Composed files kept: the set on screen and the sets composed but not applied yet (prefetched sets are
  // composed ahead). Not "everything composed after the one on screen": `previous()` and `showFiles()`
  // compose after the prefetched sets and apply at once, and the prefetched files must survive that.
  const prefetchDepth = options.prefetchDepth ?? 2;
  /** Prefetched sets can be dropped unapplied (settings changed, a ban); only the newest few are kept. */
  const maxPending = prefetchDepth + 2;
  let onScreen: ComposedWallpaper | null = null;
  let pending: ComposedWallpaper[] = [];
  let composing = 0;
  const compose = async (monitors: Monitor[], files: { file: string; artwork?: Artwork }[]) => {
    const fit = wallpaperSettings().fitMode;
    composing += 1;
    try {
      const composed = await composeWallpaper({
        monitors,
        images: files.map(({ file, artwork }) => ({ file, fit, mainColor: artwork?.colors?.main ?? null })),
        outDir,
        now: clock.now(),
      });
      pending = [...pending, composed].slice(-maxPending);
      return composed;
    } finally {
      composing -= 1;
      doneWith(files.map((entry) => entry.artwork));
    }
  };
  const apply = async (composed: ComposedWallpaper): Promise<void> => {
    await options.setter().set(composed);
    onScreen = composed;
    pending = pending.filter((set) => set !== composed);
    // A composition being written now is not in `pending` yet: prune at the next change instead.
    if (composing > 0) return;
    const keep = [onScreen, ...pending].flatMap((set) => [
      set.spanFile,
      ...set.perMonitor.map((entry) => entry.file),
    ]);
    await pruneOutputs(outDir, keep, { now: clock.now() });
  };

  const rotation: Rotation = new Rotation(
    {
      clock,
      monitors: options.monitors,
      candidates: clientCandidates({
        clients: options.core,
        library,
        settings: wallpaperSettings,
        ...(options.settings.get().installationId === undefined
          ? {}
          : { sessionId: options.settings.get().installationId }),
      }),
      download: async (artwork, signal) => {
        useFor(artwork);
        return (await cache.ensure(artwork, 'original', signal === undefined ? {} : { signal })).path;
      },
      cachedFile: (artwork) => {
        const entry = cache.get(artwork.id, 'original');
        if (entry !== null) useFor(artwork);
        return Promise.resolve(entry?.path ?? null);
      },
      compose: (monitors, picks) => compose(monitors, picks),
      apply: async (composed) => {
        await apply(composed);
        shownOutside = [];
      },
      library,
      settings: wallpaperSettings,
      onChange: (state) => {
        refreshPinnedQuietly();
        options.onChange?.(state);
      },
      ...(options.onError === undefined ? {} : { onError: options.onError }),
    },
    { prefetchDepth },
  );
  await refreshPinned();

  const stopFollowingSettings = options.settings.onChange((next) => {
    void cache.setLimit(next.wallpaper.cacheLimitMb * MB);
    rotation.settingsChanged();
  });

  /** One item for every monitor: the same one everywhere, or one each (repeated if there are fewer). */
  const forEveryMonitor = <T>(items: readonly T[], monitors: Monitor[]): T[] => {
    if (items.length === 0) throw new NekodeskError('invalid_input', 'Nothing to show.');
    return monitors.map((_monitor, index) => items[index % items.length] as T);
  };

  return {
    rotation,
    library,
    cache,
    async showFiles(files) {
      const monitors = await options.monitors();
      const composed = await compose(
        monitors,
        forEveryMonitor(files, monitors).map((file) => ({ file })),
      );
      await apply(composed);
      return composed;
    },
    async showArtworks(artworks) {
      const monitors = await options.monitors();
      const picks = forEveryMonitor(artworks, monitors);
      const files = await Promise.all(
        picks.map(async (artwork) => {
          useFor(artwork);
          return { artwork, file: (await cache.ensure(artwork, 'original')).path };
        }),
      );
      const composed = await compose(monitors, files);
      await apply(composed);
      shownOutside = picks.map((artwork) => artwork.id);
      refreshPinnedQuietly();
      await library.recordShown(
        picks.map((artwork, index) => {
          const monitor = monitors[index];
          return monitor === undefined
            ? { artwork }
            : { artwork, monitor: { id: monitor.id, width: monitor.width, height: monitor.height } };
        }),
      );
      return composed;
    },
    async close() {
      stopFollowingSettings();
      await rotation.stop();
      // stop() returns at once when the rotation was never started (the CLI's one-shot commands).
      await rotation.whenIdle();
      await cache.close();
    },
  };
}
