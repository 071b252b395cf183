// Rate-limit windows driven by an injectable clock.

export interface LimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (fixed) or the oldest hit expires (sliding), epoch ms. */
  resetAt: number;
  /** Whole seconds until a request would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface Limiter {
  /** The state a request would see, without counting it. */
  peek(key: string): LimitState;
  /** Counts the request when allowed; a refused request is not counted. */
  take(key: string): LimitState;
}

/** Windows aligned to multiples of `windowMs` since the epoch (nekos.best resets on the minute). */
export class FixedWindow implements Limiter {
  private readonly counts = new Map<string, { start: number; count: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  peek(key: string): LimitState {
    const t = this.now();
    const start = Math.floor(t / this.windowMs) * this.windowMs;
    const entry = this.counts.get(key);
    const count = entry?.start === start ? entry.count : 0;
    return this.state(count, start + this.windowMs, t);
  }

  take(key: string): LimitState {
    const before = this.peek(key);
    if (!before.allowed) return before;
    const t = this.now();
    const start = Math.floor(t / this.windowMs) * this.windowMs;
    const entry = this.counts.get(key);
    const count = (entry?.start === start ? entry.count : 0) + 1;
    this.counts.set(key, { start, count });
    return this.state(count, start + this.windowMs, t, true);
  }

  private state(count: number, resetAt: number, t: number, counted = false): LimitState {
    const allowed = counted || count < this.limit;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      resetAt,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - t) / 1000)),
    };
  }
}

/** A log of hit times: at most `limit` hits in any `windowMs`. */
export class SlidingWindow implements Limiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  peek(key: string): LimitState {
    const t = this.now();
    const log = (this.hits.get(key) ?? []).filter((h) => h > t - this.windowMs);
    this.hits.set(key, log);
    const allowed = log.length < this.limit;
    const resetAt = (log[0] ?? t) + this.windowMs;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - log.length),
      resetAt,
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - t) / 1000)),
    };
  }

  take(key: string): LimitState {
    const state = this.peek(key);
    if (!state.allowed) return state;
    const t = this.now();
    const log = this.hits.get(key) ?? [];
    log.push(t);
    this.hits.set(key, log);
    return { ...state, remaining: state.remaining - 1, resetAt: (log[0] ?? t) + this.windowMs };
  }
}

/** 2026-05-08T09:09:00.0000000Z: .NET-style ISO time with 7 fraction digits, as nekos.best sends it. */
export function isoWith7Digits(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** Seconds from `ms` until the next midnight UTC, and that midnight. */
export function nextUtcMidnight(ms: number): { at: number; seconds: number } {
  const d = new Date(ms);
  const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  return { at, seconds: Math.max(1, Math.ceil((at - ms) / 1000)) };
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
