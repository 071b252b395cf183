import type { Artwork } from '../artwork';
import type { HistoryEntry, LibraryData } from '../library';

/**
 * How recently each artwork was shown: its position in the history (newest first), 0 for the last one shown.
 * Positions, not times: sets shown within the same millisecond still have an order.
 */
export function recencyRanks(history: readonly HistoryEntry[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const [index, entry] of history.entries()) {
    if (!ranks.has(entry.artwork.id)) ranks.set(entry.artwork.id, index);
  }
  return ranks;
}

/**
 * The less recently shown half (at least 3) of a finite set of artworks, never-shown first: picking the
 * best fit from it rotates through favorites or the offline set without showing the same ones over and over.
 */
export function leastRecentlyShown(
  artworks: readonly Artwork[],
  ranks: ReadonlyMap<string, number>,
): Artwork[] {
  const ranked = artworks
    .map((artwork, index) => ({ artwork, index, rank: ranks.get(artwork.id) ?? Infinity }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map((item) => item.artwork);
  return ranked.slice(0, Math.max(3, Math.ceil(ranked.length / 2)));
}

/** Every artwork the library knows (favorites, then the history), once each: what offline rotation shows. */
export function libraryArtworks(data: Readonly<LibraryData>): Artwork[] {
  const seen = new Set<string>();
  const out: Artwork[] = [];
  for (const artwork of [...data.favorites, ...data.history].map((entry) => entry.artwork)) {
    if (seen.has(artwork.id)) continue;
    seen.add(artwork.id);
    out.push(artwork);
  }
  return out;
}
