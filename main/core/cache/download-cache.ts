import path from 'node:path';
import type { Artwork } from '../artwork';
import { systemClock, type Clock } from '../clock';
import { NekodeskError } from '../errors';
import { abortReason, throwIfAborted } from '../http/abort';
import type { HttpTransport } from '../http/types';
import { assetRequestFor, storedVariant, type AssetRequest } from './asset-request';
import { isCacheVariant, type CacheEntry, type CacheVariant, type ProgressListener } from './cache-entry';
import { nodeCacheFs, type CacheFs } from './cache-fs';
import {
  checkLimit,
  DEFAULT_CACHE_LIMIT_BYTES,
  DEFAULT_DOWNLOAD_TIMEOUT_MS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_TOUCH_FLUSH_MS,
  positiveOption,
  type CacheStats,
  type DownloadCacheOptions,
  type EnsureOptions,
} from './download-cache-options';
import { cacheKeyOf, checkArtworkId, isCacheKey } from './cache-key';
import { removeEntryFiles, writeEntryFiles, writeFileAtomic } from './entry-files';
import { planEviction } from './eviction-plan';
import { compareWithSidecar } from './file-check';
import { hashFile, sha256Hex } from './file-hash';
import { sniffImageType, type ImageType } from '../image-type';
import { KeyedQueue } from './keyed-queue';
import { entryPaths, type EntryPaths } from './layout';
import { isProcessAlive } from './process-alive';
import { scanCache } from './scan-index';
import { notifySafely, SharedDownloads } from './shared-downloads';
import { serializeSidecar, type Sidecar } from './sidecar';
import { describeArtwork, writeError } from './write-errors';

interface IndexedEntry {
  sidecar: Sidecar;
  paths: EntryPaths;
}

/**
 * Downloaded artwork on disk, content-addressed, crash-safe and size-capped.
 *
 * ```ts
 * const cache = await DownloadCache.open({ root: path.join(paths.cache, 'artwork'), http, pinned: () => ids });
 * const entry = await cache.ensure(artwork, 'original', { onProgress, signal }); // download once, then disk
 * cache.get(artwork.id, 'preview');         // CacheEntry | null, no network
 * cache.resolve(parseCacheUrl(url) ?? ''); // the renderer protocol: entry.path + entry.contentType
 * await cache.setLimit(500 * 1024 * 1024); // evicts down to it
 * await cache.close();                     // on quit: flushes last-use times
 * ```
 *
 * - **Layout**: one entry per (artwork id, variant), keyed by `sha256("<id>\n<variant>")`; files are
 *   `<root>/<key[0:2]>/<key>.<png|jpg|gif|webp>` plus a JSON sidecar `<key>.json` (size, sha256, content type,
 *   data-file mtime, stored and last-used times). No path is built from upstream text; the type comes from the
 *   bytes' magic numbers.
 * - **Crash safety**: data is written to a temp file in the same folder, fsynced and renamed; the sidecar is
 *   written the same way afterwards. `open` rebuilds the index from the sidecars and deletes temp files of dead
 *   processes, data files without a sidecar, and entries whose file size differs or whose file was modified
 *   (mtime) and no longer hashes right. `get`/`resolve` check size and mtime before serving; `verify` hashes.
 * - **Sharing**: concurrent `ensure`s of one entry share one download; each caller may leave with its signal.
 * - **Eviction**: least recently used first, down to the limit, never an entry of a pinned artwork. It runs after
 *   every download (never evicting the file just stored), on `setLimit` and on `evict`; not at `open`, since the
 *   pinned set may not be known yet then. Last-use times live in memory and reach the sidecars `touchFlushMs`
 *   later (best-effort: after a crash, eviction order falls back to the last flushed times).
 * - **Errors**: `NekodeskError`s — `invalid_input` (bad id, URL or limit), the HTTP layer's codes,
 *   `invalid_response` (not an image), `internal` (disk full, no permission); a caller's abort rejects with its
 *   signal's reason. A failed store leaves no file behind.
 * - **Progress**: `(0, null)` at the start, then after every chunk of the body (the total when the server
 *   sent a content length), and `(size, size)` at the end.
 *
 * One process should own a root at a time; another process's temp files are spared while it runs.
 */
export class DownloadCache {
  readonly root: string;
  readonly #http: Pick<HttpTransport, 'bytes'>;
  readonly #fs: CacheFs;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #pinned: () => ReadonlySet<string>;
  readonly #maxFileBytes: number;
  readonly #timeoutMs: number;
  readonly #touchFlushMs: number;
  readonly #index = new Map<string, IndexedEntry>();
  readonly #queue = new KeyedQueue();
  readonly #downloads = new SharedDownloads();
  readonly #dirty = new Set<string>();
  #limitBytes: number;
  #bytes = 0;
  #flushTimer: NodeJS.Timeout | null = null;
  #evicting: Promise<unknown> = Promise.resolve();

  private constructor(root: string, options: DownloadCacheOptions) {
    this.root = root;
    this.#http = options.http;
    this.#fs = options.fs ?? nodeCacheFs;
    this.#clock = options.clock ?? systemClock;
    this.#pinned = options.pinned ?? (() => new Set());
    this.#maxFileBytes = positiveOption(options.maxFileBytes, DEFAULT_MAX_FILE_BYTES, 'maxFileBytes');
    this.#timeoutMs = positiveOption(options.timeoutMs, DEFAULT_DOWNLOAD_TIMEOUT_MS, 'timeoutMs');
    this.#touchFlushMs = options.touchFlushMs ?? DEFAULT_TOUCH_FLUSH_MS;
    this.#limitBytes = checkLimit(options.limitBytes ?? DEFAULT_CACHE_LIMIT_BYTES);
  }

  /** Opens (creating if needed) the cache at `root` and rebuilds its index from disk, repairing after a crash. */
  static async open(options: DownloadCacheOptions): Promise<DownloadCache> {
    const cache = new DownloadCache(path.resolve(options.root), options);
    const fs = cache.#fs;
    try {
      await fs.mkdir(cache.root);
      const scanned = await scanCache(fs, cache.root, {
        verifyHashes: options.verifyHashesOnOpen ?? false,
        isProcessAlive,
      });
      for (const { sidecar, paths, refreshed } of scanned.entries) {
        cache.#index.set(sidecar.key, { sidecar, paths });
        cache.#bytes += sidecar.size;
        if (refreshed) cache.#scheduleFlush(sidecar.key); // record the file's new mtime
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NekodeskError('internal', `Could not open the download cache at ${cache.root}: ${reason}`, {
        cause: error,
      });
    }
    return cache;
  }

  /**
   * The cached file of one variant, or null. A `preview` falls back to the cached `original` (then the entry says
   * `variant: 'original'`). Checks the file's size and mtime first; a damaged file is dropped, never served.
   */
  get(artworkId: string, variant: CacheVariant): CacheEntry | null {
    if (artworkId === '' || !isCacheVariant(variant)) return null;
    const entry = this.#serve(cacheKeyOf(artworkId, variant));
    if (entry !== null || variant === 'original') return entry;
    return this.#serve(cacheKeyOf(artworkId, 'original'));
  }

  /** The entry of an opaque key (from a `nekodesk://cache/<key>` URL); null for unknown or malformed keys. */
  resolve(key: string): CacheEntry | null {
    return isCacheKey(key) ? this.#serve(key) : null;
  }

  /** Like `get`, after hashing the whole file: a file whose bytes changed is removed and null returned. */
  async verify(artworkId: string, variant: CacheVariant): Promise<CacheEntry | null> {
    const entry = this.get(artworkId, variant);
    if (entry === null) return null;
    const hashed = await hashFile(this.#fs, entry.path);
    if (hashed?.sha256 === entry.sha256 && hashed.size === entry.size) return entry;
    this.#drop(entry.key);
    return null;
  }

  /** The cached file, downloading it first when it is not cached (see `EnsureOptions`). */
  async ensure(artwork: Artwork, variant: CacheVariant, options: EnsureOptions = {}): Promise<CacheEntry> {
    checkArtworkId(artwork.id);
    if (!isCacheVariant(variant)) {
      throw new NekodeskError('invalid_input', 'The variant must be "original" or "preview".');
    }
    throwIfAborted(options.signal);
    const stored = storedVariant(artwork, variant);
    const key = cacheKeyOf(artwork.id, stored);
    const hit = this.#serve(key);
    if (hit !== null) {
      if (options.onProgress) notifySafely(options.onProgress, hit.size, hit.size);
      return hit;
    }
    const request = assetRequestFor(artwork, stored);
    return this.#downloads.run(
      key,
      artwork.id,
      (signal, report) => this.#download(artwork.id, stored, key, request, signal, report),
      options,
    );
  }

  /** Removes both variants of an artwork (even pinned), stopping their downloads; resolves to entries removed. */
  async remove(artworkId: string): Promise<number> {
    const reason = new DOMException('The artwork was removed from the cache.', 'AbortError');
    this.#downloads.cancel(artworkId, reason);
    const removed = await Promise.all(
      (['original', 'preview'] as const).map((variant) => this.#removeKey(cacheKeyOf(artworkId, variant))),
    );
    return removed.filter(Boolean).length;
  }

  stats(): CacheStats {
    return { entries: this.#index.size, bytes: this.#bytes, limitBytes: this.#limitBytes };
  }

  /** Changes the size cap and evicts down to it. Resolves to the number of entries evicted. */
  async setLimit(bytes: number): Promise<number> {
    this.#limitBytes = checkLimit(bytes);
    return this.evict();
  }

  /** Evicts least recently used, unpinned entries until the cache fits its limit. Resolves to entries evicted. */
  evict(): Promise<number> {
    return this.#evictExcept(new Set());
  }

  /** Writes pending last-use times to the sidecars now (errors are ignored: they are best-effort). */
  async flush(): Promise<void> {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    const keys = [...this.#dirty];
    this.#dirty.clear();
    await Promise.all(
      keys.map((key) =>
        this.#queue
          .run(key, async () => {
            const indexed = this.#index.get(key);
            if (indexed)
              await writeFileAtomic(this.#fs, indexed.paths.sidecar, serializeSidecar(indexed.sidecar));
          })
          .catch(() => undefined),
      ),
    );
  }

  /** Stops running downloads, flushes last-use times and waits for pending file changes. */
  async close(): Promise<void> {
    this.#downloads.cancelAll(new DOMException('The download cache was closed.', 'AbortError'));
    await this.flush();
    await this.#queue.idle();
  }

  #serve(key: string): CacheEntry | null {
    const indexed = this.#index.get(key);
    if (!indexed) return null;
    let stat;
    try {
      stat = this.#fs.statSync(indexed.paths.data);
    } catch {
      stat = null;
    }
    if (compareWithSidecar(stat, indexed.sidecar) !== 'same') {
      this.#drop(key);
      return null;
    }
    this.#markUsed(key);
    return toEntry(indexed);
  }

  #markUsed(key: string): void {
    const indexed = this.#index.get(key);
    if (!indexed) return;
    indexed.sidecar = {
      ...indexed.sidecar,
      lastUsedAt: Math.max(indexed.sidecar.lastUsedAt, this.#clock.now()),
    };
    this.#scheduleFlush(key);
  }

  /** The entry's sidecar is rewritten at the next flush (`touchFlushMs` from the first pending change). */
  #scheduleFlush(key: string): void {
    this.#dirty.add(key);
    if (this.#flushTimer !== null) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null;
      void this.flush();
    }, this.#touchFlushMs);
    this.#flushTimer.unref();
  }

  /** Forgets a damaged entry at once (it is never served again) and deletes its files in the background. */
  #drop(key: string): void {
    const indexed = this.#index.get(key);
    if (!indexed) return;
    this.#forget(key, indexed);
    void this.#queue.run(key, () => removeEntryFiles(this.#fs, indexed.paths)).catch(() => undefined);
  }

  #forget(key: string, indexed: IndexedEntry): void {
    this.#index.delete(key);
    this.#dirty.delete(key);
    this.#bytes -= indexed.sidecar.size;
  }

  /** Removes an entry once its sidecar is gone (a failure keeps it indexed and its files whole). */
  #removeKey(key: string): Promise<boolean> {
    return this.#queue.run(key, async () => {
      const indexed = this.#index.get(key);
      if (!indexed) return false;
      try {
        await this.#fs.unlink(indexed.paths.sidecar);
      } catch {
        return false;
      }
      this.#forget(key, indexed);
      await this.#fs.unlink(indexed.paths.data).catch(() => undefined);
      return true;
    });
  }

  async #download(
    artworkId: string,
    variant: CacheVariant,
    key: string,
    request: AssetRequest,
    signal: AbortSignal,
    report: ProgressListener,
  ): Promise<CacheEntry> {
    report(0, null);
    const response = await this.#http.bytes(request.url, {
      limiter: request.limiter,
      signal,
      maxBytes: this.#maxFileBytes,
      timeoutMs: this.#timeoutMs,
      onProgress: report,
    });
    const bytes = response.data;
    report(bytes.byteLength, bytes.byteLength);
    const type = sniffImageType(bytes);
    if (type === null) {
      throw new NekodeskError(
        'invalid_response',
        `${request.service} sent a file that is not a PNG, JPEG, GIF or WebP image for ${describeArtwork(artworkId)}; it was not saved.`,
      );
    }
    const entry = await this.#queue.run(key, () => this.#store(artworkId, variant, key, type, bytes, signal));
    await this.#evictExcept(new Set([key])).catch(() => undefined);
    return entry;
  }

  async #store(
    artworkId: string,
    variant: CacheVariant,
    key: string,
    type: ImageType,
    bytes: Uint8Array,
    signal: AbortSignal,
  ): Promise<CacheEntry> {
    throwIfAborted(signal);
    const paths = entryPaths(this.root, key, type.contentType);
    const now = this.#clock.now();
    const base = {
      version: 1 as const,
      key,
      artworkId,
      variant,
      contentType: type.contentType,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      storedAt: now,
      lastUsedAt: now,
    };
    let sidecar: Sidecar;
    try {
      sidecar = await writeEntryFiles(
        this.#fs,
        paths,
        bytes,
        (stat) => ({ ...base, mtimeMs: stat.mtimeMs }),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw writeError(error, artworkId, bytes.byteLength);
    }
    const previous = this.#index.get(key); // none: a stale entry is dropped before its key is downloaded again
    if (previous) this.#forget(key, previous);
    const indexed: IndexedEntry = { sidecar, paths };
    this.#index.set(key, indexed);
    this.#bytes += sidecar.size;
    return toEntry(indexed);
  }

  /** Eviction runs one at a time; `keep` holds keys that must stay (the file a caller is about to get). */
  #evictExcept(keep: ReadonlySet<string>): Promise<number> {
    const run = this.#evicting.then(async () => {
      const candidates = [...this.#index.values()].map(({ sidecar }) => sidecar);
      const plan = planEviction(candidates, this.#limitBytes, this.#pinned(), keep);
      let evicted = 0;
      for (const key of plan) if (await this.#removeKey(key)) evicted += 1;
      return evicted;
    });
    this.#evicting = run.catch(() => undefined);
    return run;
  }
}

function toEntry({ sidecar, paths }: IndexedEntry): CacheEntry {
  return Object.freeze({
    key: sidecar.key,
    artworkId: sidecar.artworkId,
    variant: sidecar.variant,
    path: paths.data,
    size: sidecar.size,
    sha256: sidecar.sha256,
    contentType: sidecar.contentType,
    storedAt: sidecar.storedAt,
    lastUsedAt: sidecar.lastUsedAt,
  });
}
