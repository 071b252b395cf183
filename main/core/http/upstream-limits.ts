import type { RateLimitRules } from './rate-limiter';

/**
 * The documented limits of the services Nekodesk calls, one entry per limiter name (`RequestOptions.limiter`).
 * Each limiter keeps a sliding window plus a small safety margin, which is stricter than the services' own
 * fixed windows.
 *
 * - `nekos.best:category` — 200 per minute on `/:category` (and `/endpoints`). Captured headers show nekos.best
 *   counting per path in fixed one-minute windows; one 200/min budget across all paths is the safe reading.
 * - `nekos.best:search` — 7 per 5 s on `/search` (its 200/min counter is then never the binding one).
 * - `nekos.best:asset` — the image/GIF files under `/:category/:file`; undocumented, given the category limit.
 * - `nekosia` — 300 per 5 minutes for the whole API.
 * - `whatanime` — undocumented for the public endpoints: 30 per minute, a conservative guess (the similar
 *   trace.moe allows 100 per minute).
 * - `whatanime:search` — documented as 100 per hour for signed-in users; we also space searches 2 s apart
 *   (1 per 2 s), since each one costs a credit and a burst is never what a person meant.
 * - `whatanime:search:guest` — the same rules for searches without a key or session. Kept apart because a guest
 *   who used up the day's searches gets a Retry-After until midnight, which pauses its limiter that long: signing
 *   in must not inherit that pause.
 * - `whatanime:media` — candidates' preview stills and clips and ranking covers (static files; one search can
 *   bring ten): undocumented, 120 per minute, so they never starve the API calls' budget.
 */
const WHATANIME_SEARCH_RULES = [
  { limit: 1, windowMs: 2_000 },
  { limit: 100, windowMs: 60 * 60_000 },
] as const satisfies RateLimitRules;

export const UPSTREAM_RATE_LIMITS = {
  'nekos.best:category': { limit: 200, windowMs: 60_000 },
  'nekos.best:search': { limit: 7, windowMs: 5_000 },
  'nekos.best:asset': { limit: 200, windowMs: 60_000 },
  nekosia: { limit: 300, windowMs: 5 * 60_000 },
  whatanime: { limit: 30, windowMs: 60_000 },
  'whatanime:search': WHATANIME_SEARCH_RULES,
  'whatanime:search:guest': WHATANIME_SEARCH_RULES,
  'whatanime:media': { limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitRules>;

export type UpstreamLimiterName = keyof typeof UPSTREAM_RATE_LIMITS;

/** An explicit "no client-side limit" for a limiter name (tests, benchmarks' baselines). */
export const NO_RATE_LIMIT: RateLimitRules = [];

/** Human names for messages, keyed by the limiter name's prefix (the part before `:`). */
export const UPSTREAM_SERVICE_NAMES: Readonly<Record<string, string>> = {
  'nekos.best': 'nekos.best',
  nekosia: 'Nekosia',
  whatanime: 'whatanimeisthis.com',
};

/** The name a person knows the service by: from the limiter name, else the URL's host. */
export function serviceNameFor(
  limiter: string,
  url: string,
  names: Readonly<Record<string, string>> = UPSTREAM_SERVICE_NAMES,
): string {
  const prefix = limiter.split(':')[0] ?? limiter;
  const known = Object.hasOwn(names, prefix) ? names[prefix] : undefined;
  if (known !== undefined) return known;
  try {
    return new URL(url).host;
  } catch {
    return prefix;
  }
}
