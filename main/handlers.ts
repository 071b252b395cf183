/**
 * What each call of the contract does, in terms of the core. No Electron import: the Electron shell
 * and the browser harness both build their handlers here, passing what differs (opening a link).
 */
import path from 'node:path';
import type {
  AppInfo,
  CategoryInfo,
  LibraryItem,
  NekosiaTagList,
  PickerChip,
  PickerItem,
  PickerPreview,
  WallpaperState,
} from '../preload/contract';
import { APP_NAME, APP_VERSION } from './core/app-info';
import type { Artwork } from './core/artwork';
import type { DownloadCache } from './core/cache';
import type { Core } from './core/create-core';
import { NekodeskError } from './core/errors';
import type { Result } from './core/result';
import type { RotationState } from './core/rotation';
import type { CopyMode } from './core/settings/settings-schema';
import type { SettingsService } from './core/settings/settings-service';
import type { WallpaperService } from './core/wallpaper/wallpaper-service';
import { createIdentifyHandlers, type IdentifyHandlerDeps } from './identify-handlers';
import type { Handlers } from './ipc-dispatch';

/** How the renderer names a cached file: `nekodesk://cache/<key>` in the app, a loopback path in the harness. */
export type ImageUrlBuilder = (cacheKey: string) => string;

export interface HandlerDeps extends IdentifyHandlerDeps {
  settings: SettingsService;
  /** The wallpaper service, once it is open (it opens after start-up; calls wait for it). */
  wallpaper(): Promise<WallpaperService>;
  imageUrl: ImageUrlBuilder;
  /** Nekosia's tags, anime and characters, for autocomplete. */
  nekosiaTags(): Promise<NekosiaTagList>;
  /** Wraps a change the UI asked for (the app keeps its failure out of the notices). Default: runs it. */
  answered?<T>(work: () => Promise<T>): Promise<T>;
  /** nekos.best categories, alphabetised. */
  listCategories(): Promise<CategoryInfo[]>;
  /** Opens an http(s) URL in the person's browser. */
  openLink(url: string): Promise<void>;
  platform: string;
  /**
   * The reaction picker's core (`PickerService` of main/core/picker fits), once it is open. Optional so a shell
   * without a picker still builds; the picker calls then answer `internal` ("not available").
   */
  picker?(): Promise<PickerPort>;
  /** How a preview file is named to the renderer. Default: `imageUrl(pickerPreviewKey(file))`, null if that refuses. */
  previewUrl?(file: string): string | null;
  /** Hides the picker window (the Electron shell's `hidePicker`). */
  hidePicker?(): void | Promise<void>;
  /** Starts dragging an artwork's file out of the picker (the shell's `startDragOut`, on the picker's contents). */
  startDrag?(artworkId: string): void | Promise<void>;
}

/** What the picker calls need of the core: a structural subset of `PickerService`. */
export interface PickerPort {
  chips(): Promise<PickerChip[]>;
  browse(
    chipId: string,
    options: { offset: number; limit: number },
  ): Promise<{ artworks: Artwork[]; done: boolean; offline: boolean }>;
  search(
    query: string,
    options: { category?: string },
  ): { seq: number; local: Artwork[]; remote: Promise<Artwork[] | null> };
  preview(artworkId: string): Promise<{ animated: string; poster: string }>;
  copy(artworkId: string, mode?: CopyMode): Promise<{ artwork: Artwork; mode: CopyMode }>;
  toggleFavorite(artworkId: string): Promise<boolean>;
  isFavorite(artworkId: string): Promise<boolean>;
  /** Drops a pending remote search (the picker was hidden). */
  cancelSearch?(): void;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const info: AppInfo = { name: APP_NAME, version: APP_VERSION, platform: deps.platform };
  return {
    'app:info': () => info,
    'nekos:categories': () => deps.listCategories(),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'shell:open-link': async ({ url }) => {
      await deps.openLink(assertWebUrl(url));
      return null;
    },
    ...createWallpaperHandlers(deps),
    ...createPickerHandlers(deps),
    ...createIdentifyHandlers(deps),
  };
}

type PickerHandlers = Pick<
  Handlers,
  | 'picker:chips'
  | 'picker:browse'
  | 'picker:search'
  | 'picker:search-remote'
  | 'picker:previews'
  | 'picker:copy'
  | 'picker:toggle-favorite'
  | 'picker:hide'
  | 'picker:start-drag'
>;

/** Remote searches kept for `picker:search-remote`; older ones resolve to null in the core anyway. */
const SEARCHES_KEPT = 8;
/** Preview URLs remembered, so a tile listed again comes with its pictures. */
const PREVIEWS_KEPT = 2000;
const PREVIEW_CONCURRENCY = 4;

function createPickerHandlers(deps: HandlerDeps): PickerHandlers {
  const picker = async (): Promise<PickerPort> => {
    if (!deps.picker) throw new NekodeskError('internal', 'The reaction picker is not available here.');
    return deps.picker();
  };
  const toUrl = (file: string): string | null => {
    if (deps.previewUrl) return deps.previewUrl(file);
    try {
      return deps.imageUrl(pickerPreviewKey(file));
    } catch {
      return null;
    }
  };
  // Bookkeeping only: insertion order makes the oldest entry the first to go.
  const previews = new Map<string, Omit<PickerPreview, 'artworkId'>>();
  const remember = (artworkId: string, preview: Omit<PickerPreview, 'artworkId'>): void => {
    previews.delete(artworkId);
    previews.set(artworkId, preview);
    if (previews.size > PREVIEWS_KEPT) previews.delete(previews.keys().next().value ?? '');
  };
  const items = (port: PickerPort, artworks: readonly Artwork[]): Promise<PickerItem[]> =>
    Promise.all(
      artworks.map(async (artwork) => ({
        artwork,
        previewUrl: previews.get(artwork.id)?.previewUrl ?? null,
        posterUrl: previews.get(artwork.id)?.posterUrl ?? null,
        favorite: await port.isFavorite(artwork.id),
      })),
    );
  const searches = new Map<number, { query: string; remote: Promise<Artwork[] | null> }>();

  return {
    'picker:chips': async () => (await picker()).chips(),
    'picker:browse': async ({ chip, offset, limit }) => {
      const port = await picker();
      const page = await port.browse(chip, { offset, limit });
      return { items: await items(port, page.artworks), done: page.done, offline: page.offline };
    },
    'picker:search': async ({ query, category }) => {
      const port = await picker();
      const search = port.search(query, category === undefined ? {} : { category });
      // Nobody may wait on a superseded search; the core resolves it to null, so its failure is not unhandled.
      search.remote.catch(() => undefined);
      searches.set(search.seq, { query, remote: search.remote });
      for (const seq of searches.keys()) if (seq <= search.seq - SEARCHES_KEPT) searches.delete(seq);
      return { query, seq: search.seq, items: await items(port, search.local) };
    },
    'picker:search-remote': async ({ seq }) => {
      const port = await picker();
      const search = searches.get(seq);
      if (!search) return { query: '', seq, items: [], superseded: true };
      searches.delete(seq);
      const artworks = await search.remote;
      if (artworks === null) return { query: search.query, seq, items: [], superseded: true };
      return { query: search.query, seq, items: await items(port, artworks), superseded: false };
    },
    'picker:previews': async ({ artworkIds }) => {
      const port = await picker();
      const queue = [...new Set(artworkIds)];
      const answers: PickerPreview[] = [];
      const worker = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          let preview: Omit<PickerPreview, 'artworkId'> = { previewUrl: null, posterUrl: null };
          try {
            const files = await port.preview(id);
            preview = { previewUrl: toUrl(files.animated), posterUrl: toUrl(files.poster) };
            remember(id, preview);
          } catch {
            // Offline, gone, or not an image sharp can read: the tile shows its fallback.
          }
          answers.push({ artworkId: id, ...preview });
        }
      };
      await Promise.all(Array.from({ length: PREVIEW_CONCURRENCY }, worker));
      return answers;
    },
    'picker:copy': async ({ artworkId, mode, alternate }) => {
      const port = await picker();
      const chosen = mode ?? (alternate === true ? deps.settings.get().picker.alternateCopyMode : undefined);
      const copied = await port.copy(artworkId, chosen);
      return { artworkId: copied.artwork.id, mode: copied.mode };
    },
    'picker:toggle-favorite': async ({ artworkId }) => ({
      artworkId,
      favorite: await (await picker()).toggleFavorite(artworkId),
    }),
    'picker:hide': async () => {
      if (!deps.hidePicker) throw new NekodeskError('internal', 'Hiding the picker is not available here.');
      if (deps.picker) (await deps.picker()).cancelSearch?.();
      await deps.hidePicker();
      return null;
    },
    'picker:start-drag': async ({ artworkId }) => {
      if (!deps.startDrag)
        throw new NekodeskError('internal', 'Dragging out of the picker is not available here.');
      await deps.startDrag(artworkId);
      return null;
    },
  };
}

/**
 * The URL key of a picker preview file: `p/<file name without .webp>`. Previews are named by the core's
 * PreviewMaker as `<sha256>-<width>[-poster].webp` in `<dir>/<sha256[0:2]>/`; `pickerPreviewFile` maps back.
 */
export function pickerPreviewKey(file: string): string {
  return `${PREVIEW_KEY_PREFIX}${path.basename(file, '.webp')}`;
}

export const PREVIEW_KEY_PREFIX = 'p/';
const PREVIEW_NAME = /^p\/([0-9a-f]{64})-(\d{1,4})(-poster)?$/;

/** The preview file a key names inside `dir`, or null for anything that is not such a key. */
export function pickerPreviewFile(dir: string, key: string): string | null {
  const match = PREVIEW_NAME.exec(key);
  if (!match?.[1]) return null;
  return path.join(dir, match[1].slice(0, 2), `${key.slice(PREVIEW_KEY_PREFIX.length)}.webp`);
}

type WallpaperHandlers = Pick<
  Handlers,
  | 'wallpaper:state'
  | 'wallpaper:next'
  | 'wallpaper:previous'
  | 'wallpaper:favorite-current'
  | 'wallpaper:ban-current'
  | 'wallpaper:set-paused'
  | 'library:history'
  | 'library:favorites'
  | 'library:remove-favorite'
  | 'nekosia:tags'
>;

const TAGS_KEPT_MS = 60 * 60 * 1000;

function createWallpaperHandlers(deps: HandlerDeps): WallpaperHandlers {
  const state = async (): Promise<WallpaperState> => {
    const service = await deps.wallpaper();
    return wallpaperState(service.rotation.state(), service.cache, deps.settings, deps.imageUrl);
  };
  /** Runs a rotation step; its failure becomes the call's error, its success the new state. */
  const change = async (step: (service: WallpaperService) => Promise<Result<unknown>>) => {
    const service = await deps.wallpaper();
    const result = await (deps.answered ? deps.answered(() => step(service)) : step(service));
    if (!result.ok) throw new NekodeskError(result.error.code, result.error.message, retryOf(result.error));
    return state();
  };
  const favorites = async (): Promise<LibraryItem[]> => {
    const service = await deps.wallpaper();
    return (await service.library.favorites()).map((entry) =>
      libraryItem(entry.artwork, entry.addedAt, service.cache, deps.imageUrl),
    );
  };
  let tags: { at: number; list: NekosiaTagList } | null = null;

  return {
    'wallpaper:state': state,
    'wallpaper:next': () => change((service) => service.rotation.next()),
    'wallpaper:previous': () => change((service) => service.rotation.previous()),
    'wallpaper:favorite-current': (request) =>
      change((service) => service.rotation.favoriteCurrent(request?.monitorId)),
    'wallpaper:ban-current': (request) =>
      change((service) => service.rotation.banCurrent(request?.monitorId)),
    'wallpaper:set-paused': async ({ paused }) => {
      await deps.wallpaper();
      // The service follows the setting (rotation.settingsChanged pauses or resumes it).
      deps.settings.update({ wallpaper: { paused } });
      return state();
    },
    'library:history': async ({ offset, limit }) => {
      const service = await deps.wallpaper();
      const history = await service.library.history();
      return {
        items: history
          .slice(offset, offset + limit)
          .map((entry) => libraryItem(entry.artwork, entry.shownAt, service.cache, deps.imageUrl)),
        total: history.length,
      };
    },
    'library:favorites': favorites,
    'library:remove-favorite': async ({ id }) => {
      await (await deps.wallpaper()).library.removeFavorite(id);
      return favorites();
    },
    'nekosia:tags': async () => {
      if (tags !== null && Date.now() - tags.at < TAGS_KEPT_MS) return tags.list;
      const list = await deps.nekosiaTags();
      tags = { at: Date.now(), list };
      return list;
    },
  };
}

function retryOf(error: { retryAfter?: number }): { retryAfter?: number } {
  return error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter };
}

/** The rotation's state as the renderer sees it: each artwork with the URL of its cached file. */
export function wallpaperState(
  rotation: RotationState,
  cache: Pick<DownloadCache, 'get'>,
  settings: Pick<SettingsService, 'get'>,
  imageUrl: ImageUrlBuilder,
): WallpaperState {
  return {
    status: rotation.status,
    paused: settings.get().wallpaper.paused,
    current: rotation.current.map(({ monitorId, artwork }) => ({
      monitorId,
      artwork,
      imageUrl: cachedImageUrl(artwork, cache, imageUrl, ['original']),
    })),
    nextDueAt: rotation.nextDueAt,
    busy: rotation.busy,
    offline: rotation.offline,
    lastError: rotation.lastError,
  };
}

function libraryItem(
  artwork: Artwork,
  at: number,
  cache: Pick<DownloadCache, 'get'>,
  imageUrl: ImageUrlBuilder,
): LibraryItem {
  // Thumbnails: the smaller preview when it is cached, else the original.
  return { artwork, at, imageUrl: cachedImageUrl(artwork, cache, imageUrl, ['preview', 'original']) };
}

function cachedImageUrl(
  artwork: Artwork,
  cache: Pick<DownloadCache, 'get'>,
  imageUrl: ImageUrlBuilder,
  variants: readonly ('original' | 'preview')[],
): string | null {
  for (const variant of variants) {
    const entry = cache.get(artwork.id, variant);
    if (entry !== null) return imageUrl(entry.key);
  }
  return null;
}

/** Nekosia's tag lists, as `nekosia:tags` answers. */
export function nekosiaTags(core: Core): Promise<NekosiaTagList> {
  return core.nekosia.tags();
}

/** Links leave the app only as http(s): no file:, javascript:, or custom schemes. */
export function assertWebUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new NekodeskError('invalid_input', 'Only http(s) links can be opened.');
  }
  return parsed.href;
}

/** nekos.best's categories with their formats, alphabetised, as `nekos:categories` answers. */
export async function listCategories(core: Core): Promise<CategoryInfo[]> {
  const categories = await core.nekosBest.categoriesFull();
  return Object.entries(categories)
    .map(([name, { format }]) => ({ name, format }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
