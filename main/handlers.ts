/**
 * What each call of the contract does, in terms of the core. No Electron import: the Electron shell
 * and the browser harness both build their handlers here, passing what differs (opening a link).
 */
import type { AppInfo, CategoryInfo, LibraryItem, NekosiaTagList, WallpaperState } from '../preload/contract';
import { APP_NAME, APP_VERSION } from './core/app-info';
import type { Artwork } from './core/artwork';
import type { DownloadCache } from './core/cache';
import type { Core } from './core/create-core';
import { NekodeskError } from './core/errors';
import type { Result } from './core/result';
import type { RotationState } from './core/rotation';
import type { SettingsService } from './core/settings/settings-service';
import type { WallpaperService } from './core/wallpaper/wallpaper-service';
import type { Handlers } from './ipc-dispatch';

/** How the renderer names a cached file: `nekodesk://cache/<key>` in the app, a loopback path in the harness. */
export type ImageUrlBuilder = (cacheKey: string) => string;

export interface HandlerDeps {
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
  };
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
