import type { Artwork } from '../../artwork';
import { cleanList, cleanText, hexColorOrNull, httpUrlOrNull, positiveIntOrNull } from '../shared/sanitize';
import {
  animeSchema,
  attributionSchema,
  colorsSchema,
  NEKOSIA_RATINGS,
  sizeSchema,
  sourceSchema,
  type NekosiaImageItem,
  type NekosiaRating,
} from './schemas';

/** Nekosia ids are MongoDB ObjectIds today; anything outside this pattern is refused. */
export const NEKOSIA_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface NekosiaMappingContext {
  /** The rating asked for: assumed when an image does not say (old responses had `rating: null`). */
  rating: NekosiaRating;
  /** The category asked for: used when an image does not say. */
  category: string;
}

/**
 * A Nekosia image as an Artwork (pure, deterministic). Null when the id or the original URL is unusable,
 * or when the image claims a rating Nekodesk does not know (never shown by accident).
 */
export function nekosiaImageToArtwork(
  item: NekosiaImageItem,
  context: NekosiaMappingContext,
): Artwork | null {
  if (!NEKOSIA_ID_PATTERN.test(item.id)) return null;
  const url = httpUrlOrNull(item.image.original.url);
  if (url === null) return null;
  const rating = ratingOf(item.rating, context.rating);
  if (rating === null) return null;

  const size = sizeSchema.safeParse(item.metadata);
  const width = size.success ? positiveIntOrNull(size.data.original.width) : null;
  const height = size.success ? positiveIntOrNull(size.data.original.height) : null;
  const anime = animeSchema.safeParse(item.anime);
  const source = sourceSchema.safeParse(item.source);
  const artist = attributionSchema.safeParse(item.attribution).data?.artist;
  const artistName = cleanText(artist?.username);
  const artistUrl = httpUrlOrNull(artist?.profile);
  const extension = cleanText(item.image.original.extension)?.toLowerCase() ?? new URL(url).pathname;

  return {
    id: `nekosia:${item.id}`,
    source: 'nekosia',
    kind: extension.endsWith('gif') ? 'gif' : 'image',
    category: cleanText(item.category, 64) ?? context.category,
    url,
    previewUrl: httpUrlOrNull(item.image.compressed?.url) ?? url,
    width: width !== null && height !== null ? width : null,
    height: width !== null && height !== null ? height : null,
    rating,
    tags: cleanList(item.tags),
    anime: anime.success ? cleanText(anime.data.title) : null,
    character: anime.success ? cleanText(anime.data.character) : null,
    artist: artistName === null && artistUrl === null ? null : { name: artistName, url: artistUrl },
    sourceUrl: source.success ? httpUrlOrNull(source.data.url) : null,
    colors: colorsOf(item.colors),
  };
}

function ratingOf(value: unknown, assumed: NekosiaRating): NekosiaRating | null {
  if (value === undefined || value === null) return assumed;
  return NEKOSIA_RATINGS.find((rating) => rating === value) ?? null;
}

function colorsOf(value: unknown): Artwork['colors'] {
  // Older responses had `colors` as a plain list.
  if (Array.isArray(value)) {
    const palette = value.map(hexColorOrNull).filter((color) => color !== null);
    const main = palette[0];
    return main === undefined ? null : { main, palette };
  }
  const colors = colorsSchema.safeParse(value);
  if (!colors.success) return null;
  const main = hexColorOrNull(colors.data.main);
  if (main === null) return null;
  const palette = Array.isArray(colors.data.palette)
    ? colors.data.palette
        .map(hexColorOrNull)
        .filter((color) => color !== null)
        .slice(0, 32)
    : [];
  return { main, palette };
}
