/**
 * Rate-limit hints from response headers, parsed defensively: a value we cannot read is dropped, never thrown.
 *
 * Seen in the wild:
 * - nekos.best: `x-rate-limit-limit: 1m` (a window, not a count), `x-rate-limit-remaining: 199`,
 *   `x-rate-limit-reset: 2026-05-08T09:09:00.0000000Z` (ISO with 7 fraction digits; fixed one-minute windows);
 * - trace.moe-style: `ratelimit-remaining`, `ratelimit-reset` (seconds from now), `ratelimit-policy: 100;w=60`,
 *   `x-ratelimit-remaining`, `x-ratelimit-reset` (unix seconds);
 * - anyone: `Retry-After` (seconds or an HTTP date).
 */

/** Everything is optional; times are epoch milliseconds on the local clock. */
export interface RateLimitHints {
  /** Requests left in the current window. */
  remaining?: number;
  /** When the current window resets (never in the past). */
  resetAt?: number;
  /** From `Retry-After`: how long to wait before the next request. */
  retryAfterMs?: number;
  /** Requests allowed per window, when a header gives a count. */
  limit?: number;
  /** The window length, when a header gives one (`x-rate-limit-limit: 1m`, `ratelimit-policy: 100;w=60`). */
  windowMs?: number;
}

/** Hints further away than this are treated as garbage rather than obeyed. */
export const MAX_HINT_MS = 24 * 60 * 60 * 1000;

const NUMBER = /^\d+(?:\.\d+)?$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;
const HTTP_DATE = /^[a-z]{3},\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/i;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A plain non-negative decimal number, or undefined. */
function parseNumber(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (text === undefined || !NUMBER.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** An ISO 8601 timestamp (any number of fraction digits) or an HTTP date, as epoch ms. */
export function parseTimestamp(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = ISO_TIMESTAMP.exec(text);
  if (iso) {
    const [, base = '', fraction = '', zone = ''] = iso;
    const millis = fraction.padEnd(3, '0').slice(0, 3);
    const parsed = Date.parse(`${base}.${millis}${zone.toUpperCase()}`);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  if (HTTP_DATE.test(text)) {
    const parsed = Date.parse(text);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** `Retry-After`: delta seconds or an HTTP date → milliseconds to wait (0 when the date has passed). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const seconds = parseNumber(value);
  const ms = seconds !== undefined ? Math.ceil(seconds * 1000) : waitUntil(parseTimestamp(value), now);
  return ms !== undefined && ms <= MAX_HINT_MS ? ms : undefined;
}

function waitUntil(at: number | undefined, now: number): number | undefined {
  return at === undefined ? undefined : Math.max(0, at - now);
}

/** A count of requests: a non-negative integer. */
export function parseCount(value: string | null | undefined): number | undefined {
  const number = parseNumber(value);
  return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

/** `1m`, `30s`, `500ms`, `1h`, `1d` → milliseconds. */
export function parseDuration(value: string | null | undefined): number | undefined {
  const match = DURATION.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const ms = Number(amount) * (UNIT_MS[unit.toLowerCase()] ?? Number.NaN);
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_HINT_MS ? ms : undefined;
}

/**
 * A reset time in any of the forms services use: a timestamp, unix milliseconds, unix seconds, or seconds from
 * now (`deltaOnly` forces the last reading, as the IETF `ratelimit-reset` header means). Past or absurdly
 * distant resets give undefined.
 */
export function parseResetAt(
  value: string | null | undefined,
  now: number,
  deltaOnly = false,
): number | undefined {
  const number = parseNumber(value);
  let at: number | undefined;
  if (number === undefined) at = parseTimestamp(value);
  else if (deltaOnly || number < 1e9) at = now + number * 1000;
  else if (number < 1e12) at = number * 1000;
  else at = number;
  if (at === undefined || at <= now || at - now > MAX_HINT_MS) return undefined;
  return Math.ceil(at);
}

/** `ratelimit-policy: 100;w=60` → the window of its first policy. */
function parsePolicyWindow(value: string | null): number | undefined {
  const match = /(?:^|;)\s*w\s*=\s*(\d+)\s*(?:;|,|$)/i.exec(value ?? '');
  const seconds = parseCount(match?.[1]);
  return seconds !== undefined && seconds > 0 ? Math.min(seconds * 1000, MAX_HINT_MS) : undefined;
}

function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

/** Every hint a response carries. Never throws. */
export function parseRateLimitHeaders(headers: Headers, now: number): RateLimitHints {
  const get = (name: string): string | null => headers.get(name);
  const nekosLimit = get('x-rate-limit-limit');
  return {
    remaining: firstDefined(
      parseCount(get('x-rate-limit-remaining')),
      parseCount(get('ratelimit-remaining')),
      parseCount(get('x-ratelimit-remaining')),
    ),
    resetAt: firstDefined(
      parseResetAt(get('x-rate-limit-reset'), now),
      parseResetAt(get('ratelimit-reset'), now, true),
      parseResetAt(get('x-ratelimit-reset'), now),
    ),
    retryAfterMs: parseRetryAfter(get('retry-after'), now),
    limit: firstDefined(
      parseCount(nekosLimit),
      parseCount(get('ratelimit-limit')),
      parseCount(get('x-ratelimit-limit')),
    ),
    windowMs: firstDefined(parseDuration(nekosLimit), parsePolicyWindow(get('ratelimit-policy'))),
  };
}
