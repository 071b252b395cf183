import { randomUUID } from 'node:crypto';
import type { Artwork } from '../artwork';
import { exportFavoriteFiles, type CachedFileLookup, type FavoritesExport } from './export-favorites';
import { LibraryFile, type LibraryFileOptions } from './library-file';
import type { BanEntry, FavoriteEntry, HistoryEntry, LibraryData, ShownMonitor } from './library-schema';
import { MemoryLibraryStorage, type LibraryStorage } from './library-storage';

export const DEFAULT_HISTORY_LIMIT = 500;

export interface LibraryOptions {
  /** Default `Date.now`. */
  now?: () => number;
  /** How many history entries to keep (the `wallpaper.historyLimit` setting). Default 500. */
  historyLimit?: () => number;
}

/** One artwork of a set being recorded in the history. */
export interface ShownArtwork {
  artwork: Artwork;
  monitor?: ShownMonitor;
}

/**
 * History (bounded, newest first), favorites (never evicted) and banned artwork ids. Tag bans are the
 * `wallpaper.blacklist` setting, not kept here. Every method reads the latest state (another process may have
 * changed it) and every change is saved before it resolves.
 */
export class Library {
  readonly #storage: LibraryStorage;
  readonly #now: () => number;
  readonly #historyLimit: () => number;

  constructor(storage: LibraryStorage, options: LibraryOptions = {}) {
    this.#storage = storage;
    this.#now = options.now ?? Date.now;
    this.#historyLimit = options.historyLimit ?? (() => DEFAULT_HISTORY_LIMIT);
  }

  /** `library.json` in `dataDir` (repaired if needed: see `notices`). */
  static async open(dataDir: string, options: LibraryOptions & LibraryFileOptions = {}): Promise<Library> {
    return new Library(await LibraryFile.open(dataDir, options), options);
  }

  /** A library kept in memory only (tests, the bench). */
  static inMemory(options: LibraryOptions = {}, initial?: LibraryData): Library {
    return new Library(new MemoryLibraryStorage(initial), options);
  }

  /** What was repaired when the file was read, for the person. */
  get notices(): readonly string[] {
    return this.#storage.notices;
  }

  /** Everything at once, as it is now; treat it as read-only. */
  snapshot(): Promise<Readonly<LibraryData>> {
    return this.#storage.read();
  }

  async history(): Promise<HistoryEntry[]> {
    return [...(await this.#storage.read()).history];
  }

  /** Records a set of artworks shown together (one entry each, sharing `setId` and `shownAt`). */
  async recordShown(shown: readonly ShownArtwork[], setId: string = randomUUID()): Promise<HistoryEntry[]> {
    const shownAt = this.#now();
    const entries: HistoryEntry[] = shown.map(({ artwork, monitor }) =>
      monitor === undefined ? { artwork, shownAt, setId } : { artwork, shownAt, setId, monitor },
    );
    const limit = Math.max(1, Math.floor(this.#historyLimit()));
    await this.#storage.update((data) => ({
      ...data,
      history: [...entries, ...data.history].slice(0, Math.max(limit, entries.length)),
    }));
    return entries;
  }

  async clearHistory(): Promise<void> {
    await this.#storage.update((data) => ({ ...data, history: [] }));
  }

  async favorites(): Promise<FavoriteEntry[]> {
    return [...(await this.#storage.read()).favorites];
  }

  async isFavorite(id: string): Promise<boolean> {
    return (await this.#storage.read()).favorites.some((entry) => entry.artwork.id === id);
  }

  /** Adds (or keeps) a favorite; returns false when it already was one. */
  async addFavorite(artwork: Artwork): Promise<boolean> {
    let added = false;
    await this.#storage.update((data) => {
      added = !data.favorites.some((entry) => entry.artwork.id === artwork.id);
      return added ? { ...data, favorites: [{ artwork, addedAt: this.#now() }, ...data.favorites] } : data;
    });
    return added;
  }

  /** Returns false when it was not a favorite. */
  async removeFavorite(id: string): Promise<boolean> {
    let removed = false;
    await this.#storage.update((data) => {
      const favorites = data.favorites.filter((entry) => entry.artwork.id !== id);
      removed = favorites.length !== data.favorites.length;
      return removed ? { ...data, favorites } : data;
    });
    return removed;
  }

  async bans(): Promise<BanEntry[]> {
    return [...(await this.#storage.read()).bans];
  }

  async isBanned(id: string): Promise<boolean> {
    return (await this.#storage.read()).bans.some((entry) => entry.id === id);
  }

  /** Never shows these artworks again. Returns the ids that were not banned before. */
  async ban(ids: readonly string[]): Promise<string[]> {
    let added: string[] = [];
    await this.#storage.update((data) => {
      const known = new Set(data.bans.map((entry) => entry.id));
      added = [...new Set(ids)].filter((id) => id !== '' && !known.has(id));
      if (added.length === 0) return data;
      const bannedAt = this.#now();
      return { ...data, bans: [...added.map((id) => ({ id, bannedAt })), ...data.bans] };
    });
    return added;
  }

  /** Returns false when it was not banned. */
  async unban(id: string): Promise<boolean> {
    let removed = false;
    await this.#storage.update((data) => {
      const bans = data.bans.filter((entry) => entry.id !== id);
      removed = bans.length !== data.bans.length;
      return removed ? { ...data, bans } : data;
    });
    return removed;
  }

  /**
   * Copies each favorite's cached file (`fileFor`, usually the download cache's lookup) into `folder` under
   * a readable, safe name; reports the favorites that could not be exported.
   */
  async exportFavorites(folder: string, fileFor: CachedFileLookup): Promise<FavoritesExport> {
    return exportFavoriteFiles(await this.favorites(), folder, fileFor);
  }
}
