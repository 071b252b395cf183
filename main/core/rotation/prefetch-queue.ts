import type { Monitor } from '../wallpaper/types';
import type { ArtworkFile } from './rotation-ports';
import { sourceCooldownMs } from './source-health';

/** An upcoming wallpaper: picked and downloaded, composed when possible. */
export interface PreparedSet<TComposed> {
  setId: string;
  /** The monitor layout it was made for (`layoutKey`). */
  layout: string;
  /** The sources it was drawn from (`sourcesKeyOf`). */
  sourcesKey: string;
  monitors: Monitor[];
  /** One per monitor, in the monitors' order. */
  picks: ArtworkFile[];
  composed: TComposed | null;
  /** Drawn from the downloaded history or favorites because the sources failed. */
  offline: boolean;
}

export interface PrefetchQueueOptions<T> {
  /** How many sets to keep ready. */
  depth: number;
  now: () => number;
  /** Makes one set; null when it is no longer wanted (the settings changed meanwhile). */
  produce: (signal: AbortSignal) => Promise<T | null>;
  /** A set became ready, or prefetching stopped. */
  onChange: () => void;
  onError: (error: unknown) => void;
}

/**
 * Upcoming wallpaper sets, refilled in the background one at a time. After a failure it waits before trying
 * again (5 s, 10 s … 10 min), so a broken source or no network never turns into a busy loop.
 */
export class PrefetchQueue<T extends { picks: ArtworkFile[] }> {
  readonly #options: PrefetchQueueOptions<T>;
  #sets: T[] = [];
  #waiters: (() => void)[] = [];
  #running: Promise<void> | null = null;
  #failures = 0;
  #retryAt = 0;

  constructor(options: PrefetchQueueOptions<T>) {
    this.#options = options;
  }

  get size(): number {
    return this.#sets.length;
  }

  /** A set is being prepared. */
  get busy(): boolean {
    return this.#running !== null;
  }

  /** When a failed prefetch may be tried again (epoch ms); 0 when nothing failed. */
  get retryAt(): number {
    return this.#retryAt;
  }

  /** The sets ready now. */
  sets(): readonly T[] {
    return this.#sets;
  }

  /** Starts preparing sets until `depth` are ready (unless already doing so, or waiting after a failure). */
  fill(signal: AbortSignal): void {
    if (this.#running !== null || signal.aborted || this.#sets.length >= this.#options.depth) return;
    if (this.#options.now() < this.#retryAt) return;
    this.#running = this.#run(signal).finally(() => {
      this.#running = null;
      this.#notify();
    });
  }

  /**
   * The first ready set that `usable` accepts (the others are dropped). When none is ready but one is being
   * prepared, waits for it: it will be ready sooner than a new one. Null when there is none.
   */
  async take(usable: (set: T) => boolean): Promise<T | null> {
    for (;;) {
      for (let set = this.#sets.shift(); set !== undefined; set = this.#sets.shift()) {
        if (usable(set)) return set;
      }
      if (this.#running === null) return null;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Drops the ready sets that `unwanted` picks (a banned artwork, changed sources). */
  drop(unwanted: (set: T) => boolean): void {
    this.#sets = this.#sets.filter((set) => !unwanted(set));
  }

  /** Try again at the next chance (after a resume from sleep, or new settings). */
  resetBackoff(): void {
    this.#failures = 0;
    this.#retryAt = 0;
  }

  /** Resolves when the preparation under way (if any) has finished. */
  async settled(): Promise<void> {
    await this.#running;
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.#sets.length < this.#options.depth) {
      try {
        const set = await this.#options.produce(signal);
        if (set === null || isAborted(signal)) return;
        this.#sets.push(set);
        this.#failures = 0;
        this.#retryAt = 0;
        this.#notify();
      } catch (error) {
        if (isAborted(signal)) return;
        this.#failures += 1;
        this.#retryAt = this.#options.now() + sourceCooldownMs(this.#failures);
        this.#options.onError(error);
        return;
      }
    }
  }

  #notify(): void {
    for (const resolve of this.#waiters.splice(0)) resolve();
    this.#options.onChange();
  }
}

/** Read through a call: an `await` may have aborted the signal since it was last checked. */
export function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}
