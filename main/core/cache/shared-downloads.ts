import { abortReason } from '../http/abort';
import type { CacheEntry, ProgressListener } from './cache-entry';

interface Download {
  artworkId: string;
  promise: Promise<CacheEntry>;
  controller: AbortController;
  sharers: number;
  listeners: Set<ProgressListener>;
  /** The latest figures reported, for callers who join late. */
  progress: { last: readonly [number, number | null] | null };
}

export interface JoinOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export type StartDownload = (signal: AbortSignal, report: ProgressListener) => Promise<CacheEntry>;

/** Calls a progress listener; its failure is the caller's problem, never the download's. */
export function notifySafely(listener: ProgressListener, received: number, total: number | null): void {
  try {
    listener(received, total);
  } catch {
    // ignored on purpose
  }
}

/**
 * One download per cache key, shared by every caller that asks while it runs. Each caller gets progress (a late
 * joiner first hears the latest figures) and may leave with its own signal (its promise rejects at once);
 * the download itself is aborted only when every caller has left, or when `cancel` is called.
 */
export class SharedDownloads {
  readonly #downloads = new Map<string, Download>();

  get size(): number {
    return this.#downloads.size;
  }

  run(key: string, artworkId: string, start: StartDownload, options: JoinOptions = {}): Promise<CacheEntry> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const download = this.#downloads.get(key) ?? this.#start(key, artworkId, start);
    download.sharers += 1;
    if (onProgress) {
      download.listeners.add(onProgress);
      if (download.progress.last) notifySafely(onProgress, ...download.progress.last);
    }
    return new Promise<CacheEntry>((resolve, reject) => {
      let attached = true;
      const leave = (): void => {
        attached = false;
        signal?.removeEventListener('abort', onAbort);
        if (onProgress) download.listeners.delete(onProgress);
      };
      const onAbort = (): void => {
        if (!attached) return;
        leave();
        download.sharers -= 1;
        if (download.sharers === 0) {
          this.#forget(key, download);
          download.controller.abort(signal?.reason);
        }
        reject(abortReason(signal ?? download.controller.signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      download.promise.then(
        (entry) => {
          if (!attached) return;
          leave();
          resolve(entry);
        },
        (error: unknown) => {
          if (!attached) return;
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Aborts every running download of one artwork (it is being removed); its callers reject with `reason`. */
  cancel(artworkId: string, reason: Error): void {
    for (const [key, download] of this.#downloads) {
      if (download.artworkId !== artworkId) continue;
      this.#forget(key, download);
      download.controller.abort(reason);
    }
  }

  cancelAll(reason: Error): void {
    for (const [key, download] of this.#downloads) {
      this.#forget(key, download);
      download.controller.abort(reason);
    }
  }

  #start(key: string, artworkId: string, start: StartDownload): Download {
    const controller = new AbortController();
    const listeners = new Set<ProgressListener>();
    const progress: Download['progress'] = { last: null };
    const report: ProgressListener = (received, total) => {
      const last = progress.last;
      if (last?.[0] === received && last[1] === total) return; // the end of the body, then the end of the download
      progress.last = [received, total];
      for (const listener of listeners) notifySafely(listener, received, total);
    };
    const promise = start(controller.signal, report);
    const download: Download = { artworkId, promise, controller, sharers: 0, listeners, progress };
    this.#downloads.set(key, download);
    const forget = (): void => {
      this.#forget(key, download);
    };
    promise.then(forget, forget);
    return download;
  }

  #forget(key: string, download: Download): void {
    if (this.#downloads.get(key) === download) this.#downloads.delete(key);
  }
}
