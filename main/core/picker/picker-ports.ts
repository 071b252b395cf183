import type { Artwork } from '../artwork';
import type { DownloadCache } from '../cache';
import type { ClipboardPayload, ClipboardWriter } from '../clipboard';
import type { Clock } from '../clock';
import type { CopyMode, PickerSettings } from '../settings/settings-schema';
import type { NekosBestClient } from '../sources/nekos-best/client';
import type { PickerStore } from './picker-store';

/** Builds what goes on the clipboard; default `payloadFor` of `main/core/clipboard/`. */
export type PayloadBuilder = (mode: CopyMode, artwork: Artwork, file: string) => Promise<ClipboardPayload>;

export type PickerNekosBest = Pick<NekosBestClient, 'categoriesFull' | 'random' | 'search'>;

export interface PickerPorts {
  /** Asked at every use, so a change of the service URL takes effect without rebuilding the picker. */
  nekosBest: () => PickerNekosBest;
  cache: Pick<DownloadCache, 'ensure' | 'get' | 'root'>;
  clipboard: Pick<ClipboardWriter, 'write'>;
  /** Default `payloadFor` of `main/core/clipboard/`. */
  payloadFor?: PayloadBuilder;
  store: PickerStore;
  clock: Clock;
  settings: () => PickerSettings;
}

export interface PickerOptions {
  /** Folder of the preview files. Default `<cache.root>/../picker-previews` (beside the download cache). */
  previewDir?: string;
  /** Width of the previews in pixels. Default 160. */
  previewWidth?: number;
  /** Quiet time before a remote search is sent. Default 250 ms. */
  searchDebounceMs?: number;
  /** Results asked of nekos.best per remote search (1–20). Default 20. */
  searchAmount?: number;
  /** Warm pool: how many of the most used categories, and GIFs of each. Default 3 × 4. */
  warmCategories?: number;
  warmPerCategory?: number;
}

/** One chip of the picker's top row. `id` is what `browse` takes: `recent`, `favorites` or the category name. */
export interface PickerChip {
  id: string;
  kind: 'recent' | 'favorites' | 'category';
  label: string;
  /** For category chips. */
  category: string | null;
  /** For category chips: what the category holds. */
  format: 'gif' | 'image' | null;
}

export interface BrowseOptions {
  offset?: number;
  limit?: number;
  signal?: AbortSignal;
}

export interface BrowsePage {
  artworks: Artwork[];
  /** True when no further page can be had right now (the pool is exhausted, or offline). */
  done: boolean;
  /** True when nekos.best could not be reached and only cached GIFs are shown. */
  offline: boolean;
}

export interface SearchOptions {
  category?: string;
}

export interface RemoteAnswer {
  seq: number;
  /** True when a newer search replaced this one (then `artworks` is empty and should not be shown). */
  superseded: boolean;
  artworks: Artwork[];
}

export interface PickerSearch {
  /** Increases with every `search` call; the renderer may keep only the highest it has seen. */
  seq: number;
  /** Instant: matches among everything the picker has seen. */
  local: Artwork[];
  /**
   * nekos.best's answer after the debounce; `null` when this search was superseded by a newer one (before it
   * was sent or before its answer came), so an older answer never replaces a newer one. `[]` for a blank query.
   */
  remote: Promise<Artwork[] | null>;
}

export interface PreviewFiles {
  /** A small animated WebP (for a still image: a one-frame WebP). */
  animated: string;
  /** The first frame, still (WebP). */
  poster: string;
}

export interface CopyOptions {
  /** With no explicit mode: use the settings' `alternateCopyMode` (Shift+Enter) instead of `copyMode`. */
  alternate?: boolean;
  onProgress?: (received: number, total: number | null) => void;
  signal?: AbortSignal;
}

export interface CopyResult {
  artwork: Artwork;
  mode: CopyMode;
  /** The cached original that was put on the clipboard (or linked). */
  file: string;
  payload: ClipboardPayload;
}

export interface WarmResult {
  /** Artworks now kept ready (originals + previews cached). */
  ready: string[];
  /** Artworks that could not be made ready (offline, upstream errors). */
  failed: string[];
  /** The categories warmed: the most copied ones, else the first GIF categories. */
  categories: string[];
}

/** What changed in the picker's own data, for whoever keeps the warm pool in step (`WarmPoolKeeper`). */
export type PickerChange =
  { kind: 'favorite'; artwork: Artwork; favorite: boolean } | { kind: 'copied'; artwork: Artwork };
