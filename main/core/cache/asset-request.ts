import type { Artwork, ArtworkSource } from '../artwork';
import { NekodeskError } from '../errors';
import type { UpstreamLimiterName } from '../http/upstream-limits';
import type { CacheVariant } from './cache-entry';
import { describeArtwork } from './write-errors';

/** What to fetch for one variant of an artwork, and which rate limit it draws from. */
export interface AssetRequest {
  url: string;
  limiter: UpstreamLimiterName;
  service: string;
}

/** nekos.best assets have their own bucket; Nekosia's files count toward its one API-wide limit. */
const LIMITER_OF_SOURCE: Record<ArtworkSource, { limiter: UpstreamLimiterName; service: string }> = {
  'nekos.best': { limiter: 'nekos.best:asset', service: 'nekos.best' },
  nekosia: { limiter: 'nekosia', service: 'Nekosia' },
};

/**
 * The variant actually stored: a preview whose URL is the original's (every nekos.best item) is the original,
 * so it is downloaded and stored once.
 */
export function storedVariant(artwork: Artwork, variant: CacheVariant): CacheVariant {
  return variant === 'preview' && artwork.previewUrl === artwork.url ? 'original' : variant;
}

/** `original` → `artwork.url`, `preview` → `artwork.previewUrl`; only plain http(s) URLs are fetched. */
export function assetRequestFor(artwork: Artwork, variant: CacheVariant): AssetRequest {
  const raw = variant === 'original' ? artwork.url : artwork.previewUrl;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (
    url === null ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new NekodeskError(
      'invalid_input',
      `The ${variant} image of ${describeArtwork(artwork.id)} has no web address Nekodesk can download.`,
    );
  }
  const { limiter, service } = LIMITER_OF_SOURCE[artwork.source];
  return { url: url.href, limiter, service };
}
