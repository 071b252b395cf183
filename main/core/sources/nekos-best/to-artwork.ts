import type { Artwork } from '../../artwork';
import { cleanText, httpUrlOrNull, positiveIntOrNull } from '../shared/sanitize';
import { parseAssetPath } from './asset-url';
import { dimensionsSchema, type NekosResultItem } from './schemas';

/**
 * A nekos.best result item as an Artwork (pure and deterministic). The category comes from the URL,
 * because search results mix categories. Null when the item's own URL is not a usable asset URL.
 */
export function nekosBestItemToArtwork(item: NekosResultItem): Artwork | null {
  const url = httpUrlOrNull(item.url);
  if (url === null) return null;
  const asset = parseAssetPath(new URL(url).pathname);
  if (asset === null) return null;

  const dimensions = dimensionsSchema.safeParse(item.dimensions);
  const width = dimensions.success ? positiveIntOrNull(dimensions.data.width) : null;
  const height = dimensions.success ? positiveIntOrNull(dimensions.data.height) : null;
  const artistName = cleanText(item.artist_name);
  const artistUrl = httpUrlOrNull(item.artist_href);

  return {
    id: `nekos.best:${asset.fileId}`,
    source: 'nekos.best',
    kind: asset.format === 'gif' ? 'gif' : 'image',
    category: asset.category,
    url,
    previewUrl: url,
    width: width !== null && height !== null ? width : null,
    height: width !== null && height !== null ? height : null,
    rating: 'safe',
    tags: [],
    anime: cleanText(item.anime_name),
    character: null,
    artist: artistName === null && artistUrl === null ? null : { name: artistName, url: artistUrl },
    sourceUrl: httpUrlOrNull(item.source_url),
    colors: null,
  };
}
