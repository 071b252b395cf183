import path from 'node:path';
import type { Artwork } from '../artwork';
import type { EnsureOptions } from '../cache';
import { isNekodeskError, NekodeskError, type ErrorCode } from '../errors';
import { payloadFor } from '../clipboard';
import { NEKOS_MAX_AMOUNT } from '../sources/nekos-best/client';
import type { CopyMode } from '../settings/settings-schema';
import { CategoryPool } from './category-pool';
import type {
  BrowseOptions,
  BrowsePage,
  CopyOptions,
  CopyResult,
  PickerChange,
  PickerChip,
  PickerOptions,
  PayloadBuilder,
  PickerPorts,
  PickerSearch,
  RemoteAnswer,
  PreviewFiles,
  SearchOptions,
  WarmResult,
} from './picker-ports';
import { DEFAULT_RECENT_LIMIT, type PickerCategory, type PickerData } from './picker-store';
import { PreviewMaker } from './preview-maker';
import { RemoteSearch } from './remote-search';
import { PickerSearchIndex } from './search-index';

/** Where previews live: a folder of their own inside the cache folder (the cache's index ignores it). */
export function pickerPreviewDir(cacheRoot: string): string {
  return path.join(cacheRoot, 'picker-previews');
}

export const RECENT_CHIP = 'recent';
export const FAVORITES_CHIP = 'favorites';
const BATCH = NEKOS_MAX_AMOUNT;
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
const WARM_CONCURRENCY = 4;
/** Errors after which browsing falls back to what is cached. */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set([
  'offline',
  'timeout',
  'upstream_error',
  'rate_limited',
  'invalid_response',
]);

/** A category chip's id is the category's name. */
export function categoryChipId(category: string): string {
  return category;
}

/**
 * The reaction picker's core: chips, paged browsing from per-category pools, instant local search plus a
 * debounced, rate-limited remote one, small animated previews, copy to the clipboard (download on demand),
 * Recent and Favorites in `picker.json`, and a warm pool that keeps the most used GIFs on disk.
 */
export class PickerService {
  readonly #ports: PickerPorts;
  readonly #payloadFor: PayloadBuilder;
  readonly #index = new PickerSearchIndex();
  readonly #pools = new Map<string, CategoryPool>();
  readonly #previews: PreviewMaker;
  readonly #previewJobs = new Map<string, Promise<PreviewFiles>>();
  readonly #remote: RemoteSearch;
  readonly #warmCategories: number;
  readonly #warmPerCategory: number;
  #data: PickerData | null = null;
  #latestRemote: { seq: number; result: Promise<Artwork[] | null> } | null = null;
  #loading: Promise<PickerData> | null = null;
  readonly #listeners = new Set<(change: PickerChange) => void>();

  constructor(ports: PickerPorts, options: PickerOptions = {}) {
    this.#ports = ports;
    this.#payloadFor = ports.payloadFor ?? ((mode, artwork, file) => payloadFor(mode, artwork, file));
    const previewDir = options.previewDir ?? pickerPreviewDir(ports.cache.root);
    this.#previews = new PreviewMaker(previewDir, options.previewWidth ?? 160);
    this.#warmCategories = options.warmCategories ?? 3;
    this.#warmPerCategory = options.warmPerCategory ?? 4;
    const amount = options.searchAmount ?? BATCH;
    this.#remote = new RemoteSearch({
      clock: ports.clock,
      debounceMs: options.searchDebounceMs ?? 250,
      send: async ({ query, category }) => {
        const format = category === undefined ? 'gif' : await this.#formatOf(category);
        return ports.nekosBest().search({
          query,
          type: format === 'image' ? 'image' : 'gif',
          amount,
          ...(category === undefined ? {} : { category }),
        });
      },
      onResults: (artworks) => {
        this.#index.add(artworks);
      },
    });
  }

  /** Remote searches actually sent to nekos.best (after debounce). */
  get remoteSearchesSent(): number {
    return this.#remote.sent;
  }

  /** Recent, Favorites, then every GIF category (and the image ones when `showImageCategories`). */
  async chips(): Promise<PickerChip[]> {
    const categories = await this.#categories();
    const showImages = this.#ports.settings().showImageCategories;
    const shown = categories.filter((category) => category.format === 'gif' || showImages);
    shown.sort((a, b) =>
      a.format === b.format ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.format === 'gif' ? -1 : 1,
    );
    return [
      { id: RECENT_CHIP, kind: 'recent', label: 'Recent', category: null, format: null },
      { id: FAVORITES_CHIP, kind: 'favorites', label: 'Favorites', category: null, format: null },
      ...shown.map((category): PickerChip => ({
        id: categoryChipId(category.name),
        kind: 'category',
        label: category.name.charAt(0).toUpperCase() + category.name.slice(1),
        category: category.name,
        format: category.format,
      })),
    ];
  }

  /** One page of a chip. Categories come from their pool, fetched 20 at a time only when a page needs more. */
  async browse(chipId: string, options: BrowseOptions = {}): Promise<BrowsePage> {
    const offset = checkInt('offset', options.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = checkInt('limit', options.limit ?? DEFAULT_PAGE, 1, MAX_PAGE);
    const data = await this.#load();
    if (chipId === RECENT_CHIP || chipId === FAVORITES_CHIP) {
      const all = chipId === RECENT_CHIP ? data.recent : data.favorites;
      const artworks = all.slice(offset, offset + limit).map((entry) => entry.artwork);
      return { artworks, done: offset + limit >= all.length, offline: false };
    }
    const category = chipId.trim().toLowerCase();
    if (!/^[a-z0-9_-]{1,64}$/.test(category)) {
      throw new NekodeskError('invalid_input', `Unknown picker chip "${chipId}".`);
    }
    const pool = this.#poolOf(category, data);
    const need = offset + limit;
    try {
      await pool.serially(async () => {
        while (pool.items.length < need && !pool.exhausted) {
          const batch = await this.#ports.nekosBest().random(category, BATCH, withSignal(options.signal));
          this.#index.add(batch);
          if (pool.add(batch) === 0) pool.exhausted = true;
        }
      });
    } catch (error) {
      if (!isNekodeskError(error) || !UNREACHABLE.has(error.code)) throw error;
      const cached = this.#cachedOf(category, pool.items, data);
      return { artworks: cached.slice(offset, need), done: true, offline: true };
    }
    return {
      artworks: pool.items.slice(offset, need),
      done: pool.exhausted && need >= pool.items.length,
      offline: false,
    };
  }

  /**
   * `local` at once from everything seen; `remote` from nekos.best's `/search` after the debounce (null when a
   * newer search superseded this one). A blank query sends nothing.
   */
  search(query: string, options: SearchOptions = {}): PickerSearch {
    const category = options.category?.trim() === '' ? undefined : options.category?.trim().toLowerCase();
    const local = this.#index.search(query, category === undefined ? {} : { category });
    const { seq, result } = this.#remote.start({
      query: query.trim(),
      ...(category === undefined ? {} : { category }),
    });
    this.#latestRemote = { seq, result };
    result.catch(() => undefined); // the caller of `remote`/`search` sees the error; never unhandled here
    return { seq, local, remote: result };
  }

  /**
   * The remote answer of search `seq` (the `picker:search-remote` call). Only the latest search has one; an older
   * `seq` answers `superseded` at once, and so does the latest if a newer search starts before its answer comes.
   */
  async remote(seq: number): Promise<RemoteAnswer> {
    const latest = this.#latestRemote;
    if (latest === null || latest.seq !== seq) return { seq, superseded: true, artworks: [] };
    const artworks = await latest.result;
    return artworks === null ? { seq, superseded: true, artworks: [] } : { seq, superseded: false, artworks };
  }

  /** Drops a pending remote search (the picker closed). */
  cancelSearch(): void {
    this.#remote.cancel();
  }

  /** The preview files when they were already made (no download, no work); for listing tiles. */
  previewIfReady(artworkId: string): Promise<PreviewFiles | null> {
    return this.#previews.existing(artworkId);
  }

  /** The small animated WebP and still poster of an artwork, made once from its cached original. */
  async preview(artworkId: string, options: CopyOptions = {}): Promise<PreviewFiles> {
    const ready = await this.#previews.existing(artworkId);
    if (ready) return ready;
    const artwork = await this.#known(artworkId);
    const running = this.#previewJobs.get(artworkId);
    if (running) return running;
    const job = (async () => {
      const entry = await this.#ports.cache.ensure(artwork, 'original', ensureOptions(options));
      return this.#previews.make(artworkId, entry.path);
    })().finally(() => {
      this.#previewJobs.delete(artworkId);
    });
    this.#previewJobs.set(artworkId, job);
    return job;
  }

  /** Downloads the original if needed, puts it on the clipboard in `mode` (default the setting), adds it to Recent. */
  async copy(artworkId: string, mode?: CopyMode, options: CopyOptions = {}): Promise<CopyResult> {
    const artwork = await this.#known(artworkId);
    const settings = this.#ports.settings();
    const chosen = mode ?? (options.alternate === true ? settings.alternateCopyMode : settings.copyMode);
    const entry = await this.#ports.cache.ensure(artwork, 'original', ensureOptions(options));
    const payload = await this.#payloadFor(chosen, artwork, entry.path);
    await this.#ports.clipboard.write(payload);
    const now = this.#ports.clock.now();
    await this.#update((data) => {
      const previous = data.recent.find((item) => item.artwork.id === artwork.id);
      const recent = [
        { artwork, mode: chosen, count: (previous?.count ?? 0) + 1, copiedAt: now },
        ...data.recent.filter((item) => item.artwork.id !== artwork.id),
      ].slice(0, DEFAULT_RECENT_LIMIT);
      return { ...data, recent };
    });
    this.#emit({ kind: 'copied', artwork });
    return { artwork, mode: chosen, file: entry.path, payload };
  }

  /** Adds or removes a favorite; resolves to whether it is a favorite now. */
  async toggleFavorite(artworkId: string): Promise<boolean> {
    const artwork = await this.#known(artworkId);
    const now = this.#ports.clock.now();
    let favorite = false;
    await this.#update((data) => {
      const has = data.favorites.some((item) => item.artwork.id === artworkId);
      favorite = !has;
      const favorites = has
        ? data.favorites.filter((item) => item.artwork.id !== artworkId)
        : [{ artwork, addedAt: now }, ...data.favorites];
      return { ...data, favorites };
    });
    // Pinned from now on (see `pinnedIds`); `WarmPoolKeeper` downloads it.
    this.#emit({ kind: 'favorite', artwork, favorite });
    return favorite;
  }

  /** Calls `listener` after each favorite added or removed and each copy; returns the function that stops it. */
  onChange(listener: (change: PickerChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The cached original of a known artwork, downloaded if needed (dragging it out of the picker). */
  async fileFor(artworkId: string, options: CopyOptions = {}): Promise<string> {
    const artwork = await this.#known(artworkId);
    return (await this.#ports.cache.ensure(artwork, 'original', ensureOptions(options))).path;
  }

  /** Ids of the favorites (empty until the store was first read by any call). */
  favoriteIds(): ReadonlySet<string> {
    return new Set((this.#data?.favorites ?? []).map((item) => item.artwork.id));
  }

  async isFavorite(artworkId: string): Promise<boolean> {
    const data = await this.#load();
    return data.favorites.some((item) => item.artwork.id === artworkId);
  }

  /** Artworks the download cache should never evict: the warm pool and the favorites. */
  pinnedIds(): ReadonlySet<string> {
    const data = this.#data;
    if (data === null) return new Set();
    return new Set(
      [...data.warm, ...data.favorites.map((item) => item.artwork)].map((artwork) => artwork.id),
    );
  }

  /**
   * Keeps the picker ready offline: a few GIFs of the most copied categories (by Recent counts; the first GIF
   * categories for a new user) and every favorite, originals and previews on disk. Remembered in `picker.json`.
   */
  async warm(options: { signal?: AbortSignal } = {}): Promise<WarmResult> {
    const data = await this.#load();
    // Remembers the category list too, so the chips show offline.
    const known = await this.#categories().catch((): PickerCategory[] => []);
    const categories = this.#topCategories(data, known);
    const wanted = new Map<string, Artwork>();
    const warmOnly = new Set<string>();
    for (const category of categories) {
      let page: BrowsePage;
      try {
        page = await this.browse(categoryChipId(category), { limit: this.#warmPerCategory, ...options });
      } catch {
        continue;
      }
      for (const artwork of page.artworks) {
        wanted.set(artwork.id, artwork);
        warmOnly.add(artwork.id);
      }
    }
    for (const { artwork } of data.favorites) wanted.set(artwork.id, artwork);
    const ready: string[] = [];
    const failed: string[] = [];
    const queue = [...wanted.values()];
    const worker = async (): Promise<void> => {
      for (let artwork = queue.shift(); artwork !== undefined; artwork = queue.shift()) {
        try {
          await this.preview(artwork.id, withSignal(options.signal));
          ready.push(artwork.id);
        } catch {
          failed.push(artwork.id);
        }
      }
    };
    await Promise.all(Array.from({ length: WARM_CONCURRENCY }, worker));
    const readySet = new Set(ready);
    const warm = [...wanted.values()].filter(
      (artwork) => warmOnly.has(artwork.id) && readySet.has(artwork.id),
    );
    await this.#update((current) => ({ ...current, warm }));
    return { ready, failed, categories };
  }

  /** The categories `warm` would choose now, from what is remembered (no request): to tell when they change. */
  async warmCategories(): Promise<string[]> {
    const data = await this.#load();
    return this.#topCategories(data, data.categories);
  }

  #topCategories(data: PickerData, known: readonly PickerCategory[]): string[] {
    const counts = new Map<string, number>();
    for (const { artwork, count } of data.recent) {
      counts.set(artwork.category, (counts.get(artwork.category) ?? 0) + count);
    }
    const ranked = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([category]) => category);
    if (ranked.length >= this.#warmCategories) return ranked.slice(0, this.#warmCategories);
    const fallback = known
      .filter((category) => category.format === 'gif')
      .map((category) => category.name)
      .sort();
    return [...new Set([...ranked, ...fallback])].slice(0, this.#warmCategories);
  }

  /** Categories from nekos.best (remembered in picker.json), or the remembered ones when it cannot be reached. */
  async #categories(): Promise<PickerCategory[]> {
    const data = await this.#load();
    let fresh: PickerCategory[];
    try {
      const full = await this.#ports.nekosBest().categoriesFull();
      fresh = Object.entries(full).map(([name, { format }]) => ({
        name,
        format: format === 'gif' ? 'gif' : 'image',
      }));
    } catch (error) {
      if (data.categories.length > 0 && isNekodeskError(error) && UNREACHABLE.has(error.code)) {
        return data.categories;
      }
      throw error;
    }
    if (JSON.stringify(fresh) !== JSON.stringify(data.categories)) {
      await this.#update((current) => ({ ...current, categories: fresh }));
    }
    return fresh;
  }

  async #formatOf(category: string): Promise<'gif' | 'image' | undefined> {
    const data = await this.#load();
    return data.categories.find((item) => item.name === category)?.format;
  }

  #poolOf(category: string, data: PickerData): CategoryPool {
    let pool = this.#pools.get(category);
    if (!pool) {
      pool = new CategoryPool();
      // The warm pool's GIFs are on disk: the chip opens with pictures before any request.
      pool.add(data.warm.filter((artwork) => artwork.category === category));
      this.#pools.set(category, pool);
    }
    return pool;
  }

  /** Everything known of a category whose original is cached (what browsing offline can show). */
  #cachedOf(category: string, pooled: readonly Artwork[], data: PickerData): Artwork[] {
    const candidates = [
      ...pooled,
      ...data.warm,
      ...data.favorites.map((item) => item.artwork),
      ...data.recent.map((item) => item.artwork),
    ];
    const seen = new Set<string>();
    return candidates.filter((artwork) => {
      if (artwork.category !== category || seen.has(artwork.id)) return false;
      seen.add(artwork.id);
      return this.#ports.cache.get(artwork.id, 'original') !== null;
    });
  }

  async #known(artworkId: string): Promise<Artwork> {
    await this.#load();
    const artwork = this.#index.get(artworkId);
    if (artwork === undefined) {
      throw new NekodeskError(
        'not_found',
        'That GIF is no longer in the picker; search or browse for it again.',
      );
    }
    return artwork;
  }

  #load(): Promise<PickerData> {
    if (this.#data !== null) return Promise.resolve(this.#data);
    this.#loading ??= this.#ports.store.read().then(
      (data) => {
        this.#remember(data);
        return data;
      },
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  async #update(change: (data: PickerData) => PickerData): Promise<PickerData> {
    await this.#load();
    const next = await this.#ports.store.update(change);
    this.#remember(next);
    return next;
  }

  #emit(change: PickerChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own (the keeper reports through its `onError`); the change stands.
      }
    }
  }

  #remember(data: PickerData): void {
    this.#data = data;
    this.#index.add(data.warm);
    this.#index.add(data.favorites.map((item) => item.artwork));
    this.#index.add(data.recent.map((item) => item.artwork));
  }
}

function ensureOptions(options: CopyOptions): EnsureOptions {
  return {
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new NekodeskError('invalid_input', `The ${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
