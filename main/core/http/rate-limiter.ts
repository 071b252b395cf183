import type { Clock } from '../clock';
import { NekodeskError } from '../errors';
import { abortReason } from './abort';
import { formatWait, formatWindow, toRetryAfterSeconds } from './human-text';
import type { RateLimitRule } from './types';

/** One rule, or several that must all hold (e.g. 1 per 2 s and 100 per hour). An empty list means no limit. */
export type RateLimitRules = RateLimitRule | readonly RateLimitRule[];

export interface SlidingWindowLimiterOptions {
  /** Names the service in messages, e.g. `nekos.best`. */
  service: string;
  /** A caller whose turn is further away than this (because of our own window) fails with `rate_limited`. */
  maxWindowWaitMs: number;
  /** A caller held longer than this by a server's pause (Retry-After, remaining 0) fails with `rate_limited`. */
  maxPauseWaitMs: number;
}

/** 2% of the window, at most 1 s: 1 s for a minute (efficiency 60/61 ≈ 98%), 100 ms for 5 s. */
export function defaultSafetyMarginMs(windowMs: number): number {
  return Math.min(1000, Math.round(windowMs * 0.02));
}

interface ResolvedRule {
  limit: number;
  windowMs: number;
  spanMs: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  /** Stops listening to the caller's signal. */
  detach: () => void;
}

function resolveRules(rules: RateLimitRules): ResolvedRule[] {
  const list: readonly RateLimitRule[] = Array.isArray(rules) ? rules : [rules as RateLimitRule];
  return list.map((rule) => {
    if (!Number.isSafeInteger(rule.limit) || rule.limit < 1 || !(rule.windowMs > 0)) {
      throw new NekodeskError('internal', `Invalid rate limit: ${rule.limit} per ${rule.windowMs} ms.`);
    }
    const margin = rule.safetyMarginMs ?? defaultSafetyMarginMs(rule.windowMs);
    return { limit: rule.limit, windowMs: rule.windowMs, spanMs: rule.windowMs + Math.max(0, margin) };
  });
}

/**
 * A sliding-window limiter: never more than `limit` starts in any `windowMs + safetyMargin`, for every rule.
 * Callers are served strictly first come, first served; every wait goes through `clock.sleep`, so a fake
 * clock drives it. A server's hints can pause it (`pauseUntil`).
 */
export class SlidingWindowLimiter {
  readonly #clock: Clock;
  readonly #rules: ResolvedRule[];
  readonly #options: SlidingWindowLimiterOptions;
  /** Start times, oldest first; only as many as the largest limit needs. */
  readonly #starts: number[] = [];
  readonly #keep: number;
  readonly #queue: Waiter[] = [];
  #pausedUntil = 0;
  #pumping = false;
  #wake: AbortController | undefined;

  constructor(rules: RateLimitRules, clock: Clock, options: SlidingWindowLimiterOptions) {
    this.#clock = clock;
    this.#rules = resolveRules(rules);
    this.#options = options;
    this.#keep = Math.max(0, ...this.#rules.map((rule) => rule.limit));
  }

  /** Callers waiting for their turn. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Resolves when the caller may start a request (the start is counted then); rejects on abort. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = this.#clock.now();
    if (this.#queue.length === 0 && this.#windowWait(now) <= 0 && this.#pausedUntil <= now) {
      this.#record(now);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, detach: () => undefined };
      if (signal) {
        const onAbort = (): void => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) this.#queue.splice(index, 1);
          if (this.#queue.length === 0) this.#wake?.abort();
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.detach = () => {
          signal.removeEventListener('abort', onAbort);
        };
      }
      this.#queue.push(waiter);
      void this.#pump();
    });
  }

  /** Holds every caller until `epochMs` (a server said the window is used up or asked us to back off). */
  pauseUntil(epochMs: number): void {
    if (epochMs <= this.#pausedUntil) return;
    // A sleeping pump re-reads the pause when it wakes; nothing else to do now.
    this.#pausedUntil = epochMs;
  }

  #record(now: number): void {
    if (this.#keep === 0) return;
    this.#starts.push(now);
    if (this.#starts.length > this.#keep) this.#starts.splice(0, this.#starts.length - this.#keep);
  }

  /** Milliseconds until our own window allows another start, and the rule that decides it. */
  #windowWait(now: number): number {
    return Math.max(0, ...this.#rules.map((rule) => this.#ruleWait(rule, now)));
  }

  #ruleWait(rule: ResolvedRule, now: number): number {
    const oldestCounted = this.#starts[this.#starts.length - rule.limit];
    return oldestCounted === undefined ? 0 : oldestCounted + rule.spanMs - now;
  }

  #tooLong(now: number): NekodeskError | undefined {
    const { service, maxPauseWaitMs, maxWindowWaitMs } = this.#options;
    const pauseWait = this.#pausedUntil - now;
    if (pauseWait > maxPauseWaitMs) {
      return new NekodeskError(
        'rate_limited',
        `${service} asked us to slow down; try again in ${formatWait(pauseWait / 1000)}.`,
        { retryAfter: toRetryAfterSeconds(pauseWait) },
      );
    }
    const slowest = this.#rules
      .map((rule) => ({ rule, wait: this.#ruleWait(rule, now) }))
      .find(({ wait }) => wait > maxWindowWaitMs);
    if (!slowest) return undefined;
    const { rule, wait } = slowest;
    return new NekodeskError(
      'rate_limited',
      `${service} allows ${rule.limit} requests per ${formatWindow(rule.windowMs)} and they are used up; ` +
        `try again in ${formatWait(wait / 1000)}.`,
      { retryAfter: toRetryAfterSeconds(wait) },
    );
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const now = this.#clock.now();
        const wait = Math.max(this.#windowWait(now), this.#pausedUntil - now);
        if (wait <= 0) {
          this.#settleHead((waiter) => {
            this.#record(now);
            waiter.resolve();
          });
          continue;
        }
        const error = this.#tooLong(now);
        if (error) {
          this.#settleHead((waiter) => {
            waiter.reject(error);
          });
          continue;
        }
        const wake = new AbortController();
        this.#wake = wake;
        try {
          await this.#clock.sleep(wait, wake.signal);
        } catch {
          // Woken early: every waiter left. The loop re-checks the queue.
        } finally {
          this.#wake = undefined;
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  #settleHead(settle: (waiter: Waiter) => void): void {
    const waiter = this.#queue.shift();
    if (!waiter) return;
    waiter.detach();
    settle(waiter);
  }
}
