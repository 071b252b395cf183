import type { Clock } from '../clock';
import type { PickerChange, PreviewFiles, WarmResult } from './picker-ports';

/** What the keeper needs of `PickerService`. */
export interface WarmablePicker {
  warm(): Promise<WarmResult>;
  warmCategories(): Promise<string[]>;
  preview(artworkId: string): Promise<PreviewFiles>;
  onChange(listener: (change: PickerChange) => void): () => void;
}

export interface WarmPoolKeeperOptions {
  /** Quiet time after the last change before the pool is warmed again. Default 3 s. */
  debounceMs?: number;
  /** A background download or warm failed (the app logs it); the next change tries again. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_REWARM_DEBOUNCE_MS = 3000;

/**
 * Keeps the picker's warm pool in step with how it is used, not only at start-up:
 * - a GIF just favorited is downloaded (with its preview) at once, so it works offline right after the click
 *   (the service pins it the moment it is a favorite; unfavoriting unpins it the same way);
 * - the pool is warmed again, once things settle (`debounceMs` on the clock, restarted by every change), when
 *   the favorites change (retrying one that could not be downloaded) or a copy changes the most used categories.
 * Warms run one at a time. Only the app needs this: the CLI and the bench use `PickerService` alone, with no
 * background work left behind.
 */
export class WarmPoolKeeper {
  readonly #picker: WarmablePicker;
  readonly #clock: Clock;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #stop: () => void;
  readonly #jobs = new Set<Promise<unknown>>();
  /** The categories of the last warm; null before the first. */
  #warmed: string[] | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: AbortController | null = null;
  #disposed = false;

  constructor(picker: WarmablePicker, clock: Clock, options: WarmPoolKeeperOptions = {}) {
    this.#picker = picker;
    this.#clock = clock;
    this.#debounceMs = options.debounceMs ?? DEFAULT_REWARM_DEBOUNCE_MS;
    this.#onError = options.onError ?? (() => undefined);
    this.#stop = picker.onChange((change) => {
      this.#changed(change);
    });
  }

  /** Warms the pool now (after any warm under way). */
  warm(): Promise<WarmResult> {
    const run = this.#queue.then(async () => {
      const result = await this.#picker.warm();
      this.#warmed = result.categories;
      return result;
    });
    this.#queue = run.catch(() => undefined);
    this.#track(run);
    return run;
  }

  /** A re-warm is waiting for things to settle. */
  get scheduled(): boolean {
    return this.#timer !== null;
  }

  /**
   * Resolves once no download or warm is under way. A re-warm still waiting for its quiet time is not waited
   * for (see `scheduled`): that time passes on the clock.
   */
  async idle(): Promise<void> {
    while (this.#jobs.size > 0) await Promise.allSettled([...this.#jobs]);
  }

  /** Stops following changes and drops a scheduled re-warm (at quit). Work under way finishes. */
  dispose(): void {
    this.#disposed = true;
    this.#stop();
    this.#timer?.abort();
    this.#timer = null;
  }

  #changed(change: PickerChange): void {
    if (change.kind === 'favorite') {
      if (change.favorite) this.#background(this.#picker.preview(change.artwork.id));
      this.#schedule();
      return;
    }
    this.#background(
      this.#picker.warmCategories().then((categories) => {
        if (!sameList(categories, this.#warmed)) this.#schedule();
      }),
    );
  }

  #schedule(): void {
    if (this.#disposed) return;
    this.#timer?.abort();
    const timer = new AbortController();
    this.#timer = timer;
    this.#clock.sleep(this.#debounceMs, timer.signal).then(
      () => {
        if (this.#timer !== timer) return;
        this.#timer = null;
        this.#background(this.warm());
      },
      () => undefined, // a newer change restarted the wait, or the keeper was disposed
    );
  }

  #background(work: Promise<unknown>): void {
    this.#track(work);
    work.catch((error: unknown) => {
      this.#onError(error);
    });
  }

  #track(work: Promise<unknown>): void {
    this.#jobs.add(work);
    const done = (): void => {
      this.#jobs.delete(work);
    };
    work.then(done, done);
  }
}

function sameList(a: readonly string[], b: readonly string[] | null): boolean {
  return b !== null && a.length === b.length && a.every((item, index) => item === b[index]);
}
