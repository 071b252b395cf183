import { abortReason } from './abort';

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  sharers: number;
}

/**
 * Identical in-flight work shared by every caller that asks for it while it runs. Each caller may leave with its
 * own signal (its promise rejects at once); the work itself is aborted only when every sharer has left.
 * The entry is removed as soon as the work settles, so later callers start afresh.
 */
export class InFlightRequests<T> {
  readonly #entries = new Map<string, Entry<T>>();

  /** Keys with work running now. */
  get size(): number {
    return this.#entries.size;
  }

  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const entry = this.#entries.get(key) ?? this.#start(key, start);
    entry.sharers += 1;
    return new Promise<T>((resolve, reject) => {
      let attached = true;
      const leave = (): void => {
        if (!attached) return;
        attached = false;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        if (!attached) return;
        leave();
        entry.sharers -= 1;
        if (entry.sharers === 0) {
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
          entry.controller.abort(signal?.reason);
        }
        reject(abortReason(signal ?? entry.controller.signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          if (!attached) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (!attached) return;
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  #start(key: string, start: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = { promise: start(controller.signal), controller, sharers: 0 };
    this.#entries.set(key, entry);
    const forget = (): void => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    entry.promise.then(forget, forget);
    return entry;
  }
}
