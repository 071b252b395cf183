import type { Clock } from '../../main/core/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export interface FakeClockOptions {
  /** Virtual epoch milliseconds at the start; default 2026-05-08T09:08:00Z. */
  start?: number;
  /**
   * Virtual time moves by itself: whenever a sleep is pending and nothing holds the clock (see `hold`), it jumps
   * straight to the next timer. With no holds a sleep therefore resolves at once, its time added to `now()`.
   * Real I/O (a request on loopback) should hold the clock so that time cannot pass while it is in flight.
   */
  autoAdvance?: boolean;
}

/** Lets pending promise chains and I/O callbacks run. */
export function flushAsync(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A `Clock` whose time moves only when told (`advance`) or, with `autoAdvance`, whenever the code under test is
 * idle. Sleeps fire in time order, ties in the order they were requested; an aborted sleep rejects with the
 * signal's reason, as the real clock does.
 */
export class FakeClock implements Clock {
  #now: number;
  #seq = 0;
  #holds = 0;
  #scheduled = false;
  readonly #timers: Timer[] = [];
  readonly #auto: boolean;
  /** Every sleep requested, in milliseconds, in order (for checking backoff and Retry-After). */
  readonly sleeps: number[] = [];

  constructor(options: FakeClockOptions = {}) {
    this.#now = options.start ?? Date.UTC(2026, 4, 8, 9, 8, 0);
    this.#auto = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  /** Sleeps not yet fired. */
  get pending(): number {
    return this.#timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(reasonOf(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#timers.indexOf(timer);
        if (index >= 0) this.#timers.splice(index, 1);
        reject(reasonOf(signal));
      };
      const timer: Timer = {
        at: this.#now + ms,
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
      this.#schedule();
    });
  }

  /** Moves time forward by `ms`, firing due sleeps in order and letting their continuations run between. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      await flushAsync();
      const next = this.#earliest();
      if (!next || next.at > target) break;
      this.#fire(next);
    }
    this.#now = target;
    await flushAsync();
  }

  /** Advances to the next pending sleep (if any) and fires it. Returns false when nothing was pending. */
  async advanceToNext(): Promise<boolean> {
    await flushAsync();
    const next = this.#earliest();
    if (!next) return false;
    await this.advance(next.at - this.#now);
    return true;
  }

  /** With `autoAdvance`: time stands still until the returned release is called. */
  hold(): () => void {
    this.#holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds -= 1;
      this.#schedule();
    };
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.#timers) {
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    return best;
  }

  #fire(timer: Timer): void {
    this.#timers.splice(this.#timers.indexOf(timer), 1);
    this.#now = Math.max(this.#now, timer.at);
    timer.resolve();
  }

  #schedule(): void {
    if (!this.#auto || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#holds > 0) return;
      const next = this.#earliest();
      if (!next) return;
      this.#fire(next);
      this.#schedule();
    });
  }
}

function reasonOf(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}
