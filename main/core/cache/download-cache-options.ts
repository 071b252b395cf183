import type { Clock } from '../clock';
import { NekodeskError } from '../errors';
import type { HttpTransport } from '../http/types';
import type { ProgressListener } from './cache-entry';
import type { CacheFs } from './cache-fs';

export const DEFAULT_CACHE_LIMIT_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 120_000;
export const DEFAULT_TOUCH_FLUSH_MS = 30_000;

export interface DownloadCacheOptions {
  /** The folder the cache owns (the app passes a folder under `paths.cache`). Created if missing. */
  root: string;
  http: Pick<HttpTransport, 'bytes'>;
  /** Size cap in bytes; default 1 GiB. */
  limitBytes?: number;
  /** Artwork ids that are never evicted (current wallpapers, favorites); asked at every eviction. */
  pinned?: () => ReadonlySet<string>;
  clock?: Pick<Clock, 'now'>;
  /** Largest file accepted; default 50 MiB. */
  maxFileBytes?: number;
  /** Per download attempt; default 2 min (a wallpaper can be large on a slow link). */
  timeoutMs?: number;
  /** How long last-use times wait in memory before their sidecars are rewritten; default 30 s. */
  touchFlushMs?: number;
  /** At open, hash every file instead of only those whose size or mtime changed. Default false. */
  verifyHashesOnOpen?: boolean;
  /** The file-system seam; default `nodeCacheFs`. */
  fs?: CacheFs;
}

export interface EnsureOptions {
  /** `(0, null)` when the download starts, `(n, n)` when its n bytes arrived; `(size, size)` at once on a hit. */
  onProgress?: ProgressListener;
  /** Leaves the download; it stops (and nothing is stored) when every caller sharing it has left. */
  signal?: AbortSignal;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  limitBytes: number;
}

/** Throws `invalid_input` unless `bytes` is a whole number of bytes, 0 or more. */
export function checkLimit(bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new NekodeskError('invalid_input', 'The cache limit must be a whole number of bytes, 0 or more.');
  }
  return bytes;
}

export function positiveOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0)) throw new NekodeskError('internal', `${name} must be positive, got ${value}.`);
  return value;
}
