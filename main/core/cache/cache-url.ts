import { CACHE_KEY_PATTERN } from './cache-key';

/** The custom protocol the app (and the browser harness) serves cached files through. */
export const CACHE_URL_PREFIX = 'nekodesk://cache/';

const CACHE_URL_PATTERN = /^nekodesk:\/\/cache\/([0-9a-f]{64})$/;

/** `nekodesk://cache/<key>`: how the renderer names a cached file. Throws for anything that is not a key. */
export function cacheUrl(key: string): string {
  if (!CACHE_KEY_PATTERN.test(key)) throw new TypeError('Not a cache key.');
  return `${CACHE_URL_PREFIX}${key}`;
}

/**
 * The key in a `nekodesk://cache/<key>` URL, or null for anything else: another scheme or host, upper-case or
 * short keys, extra path segments, a query, a fragment, encoded characters. Strict, since the URL comes from
 * the renderer.
 */
export function parseCacheUrl(url: string): string | null {
  const match = CACHE_URL_PATTERN.exec(url);
  return match?.[1] ?? null;
}
