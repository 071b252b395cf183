import type { Clock } from '../clock';
import { isAborted } from './prefetch-queue';

/**
 * Calls `tick` again and again, sleeping `waitMs()` in between, until the signal aborts. Due times are
 * wall-clock times checked by `tick`, so a sleep that ends late (the computer slept) or a clock that jumped
 * is noticed at the next tick; `wake()` makes that tick happen now.
 */
export class WallClockTimer {
  readonly #clock: Clock;
  readonly #tick: () => Promise<void>;
  readonly #waitMs: () => number;
  readonly #onError: (error: unknown) => void;
  #wake: AbortController | null = null;
  #loop: Promise<void> = Promise.resolve();

  constructor(
    clock: Clock,
    tick: () => Promise<void>,
    waitMs: () => number,
    onError: (error: unknown) => void,
  ) {
    this.#clock = clock;
    this.#tick = tick;
    this.#waitMs = waitMs;
    this.#onError = onError;
  }

  start(signal: AbortSignal): void {
    const onAbort = (): void => {
      this.wake();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    this.#loop = this.#run(signal).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  }

  /** Looks at the clock now instead of at the end of the current sleep. */
  wake(): void {
    this.#wake?.abort();
  }

  /** Resolves once the loop has ended (after the signal aborted). */
  async stopped(): Promise<void> {
    await this.#loop;
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.#tick();
      } catch (error) {
        // A tick reports its own failures; this is the last line of defence, so the timer keeps going.
        this.#onError(error);
      }
      if (isAborted(signal)) return;
      const wake = new AbortController();
      this.#wake = wake;
      try {
        await this.#clock.sleep(Math.max(1, this.#waitMs()), wake.signal);
      } catch {
        // Woken early (resume, new settings, stop): look at the clock again.
      }
    }
  }
}
