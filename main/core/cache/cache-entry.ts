/** The two files kept per artwork: the full-size asset, and the smaller one that lists and thumbnails show. */
export const CACHE_VARIANTS = ['original', 'preview'] as const;

export type CacheVariant = (typeof CACHE_VARIANTS)[number];

/** One cached file, as `DownloadCache` hands it out (a snapshot: later uses do not change it). */
export interface CacheEntry {
  /** Opaque, 64 lower-case hex digits: what `cacheUrl(key)` puts in a `nekodesk://cache/` URL. */
  readonly key: string;
  readonly artworkId: string;
  readonly variant: CacheVariant;
  /** Absolute path of the data file, always inside the cache root. */
  readonly path: string;
  readonly size: number;
  /** Hex sha256 of the file's bytes. */
  readonly sha256: string;
  /** From the bytes' magic numbers: `image/png`, `image/jpeg`, `image/gif` or `image/webp`. */
  readonly contentType: string;
  /** Epoch milliseconds (the cache's clock). */
  readonly storedAt: number;
  readonly lastUsedAt: number;
}

/** `onProgress(receivedBytes, totalBytes)`; `totalBytes` is null while the size is not known yet. */
export type ProgressListener = (receivedBytes: number, totalBytes: number | null) => void;

export function isCacheVariant(value: unknown): value is CacheVariant {
  return value === 'original' || value === 'preview';
}
