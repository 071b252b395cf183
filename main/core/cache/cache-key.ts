import { createHash } from 'node:crypto';
import { NekodeskError } from '../errors';
import type { CacheVariant } from './cache-entry';

/** A cache key: the hex sha256 of `${artworkId}\n${variant}`. Nothing else names a file in the cache. */
export const CACHE_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Artwork ids are short (`nekos.best:<uuid>`); anything longer than this is refused rather than stored. */
export const MAX_ARTWORK_ID_LENGTH = 4096;

export function isCacheKey(value: string): boolean {
  return CACHE_KEY_PATTERN.test(value);
}

/**
 * The key of one variant of one artwork. The variant is the last line and never contains a newline, so two
 * different (id, variant) pairs never share a key, whatever characters the id holds.
 */
export function cacheKeyOf(artworkId: string, variant: CacheVariant): string {
  return createHash('sha256').update(`${artworkId}\n${variant}`, 'utf8').digest('hex');
}

/** Throws `invalid_input` for an id the cache will not store (empty, or absurdly long). */
export function checkArtworkId(artworkId: string): void {
  if (artworkId.length === 0) throw new NekodeskError('invalid_input', 'The artwork has no id.');
  if (artworkId.length > MAX_ARTWORK_ID_LENGTH) {
    throw new NekodeskError(
      'invalid_input',
      `The artwork id is too long to cache (at most ${MAX_ARTWORK_ID_LENGTH} characters).`,
    );
  }
}
