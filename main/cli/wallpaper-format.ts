import type { Artwork } from '../core/artwork';
import type { ShownWallpaper } from '../core/rotation';

/** What an artwork shows: its anime and character when known, else its category. */
export function artworkTitle(artwork: Artwork): string {
  const named = [artwork.anime, artwork.character].filter((part): part is string => part !== null);
  return named.length > 0 ? `${named.join(' — ')} (${artwork.category})` : artwork.category;
}

/** A few lines per artwork: what it is, who made it, where it comes from, and its id. */
export function formatShownArtwork(artwork: Artwork, label: string | null): string[] {
  const lines = [label === null ? artworkTitle(artwork) : `${label}: ${artworkTitle(artwork)}`];
  if (artwork.artist !== null) {
    const { name, url } = artwork.artist;
    lines.push(`  Artist: ${name}${url === null ? '' : ` <${url}>`}`);
  }
  lines.push(`  Source: ${artwork.source}${artwork.sourceUrl === null ? '' : ` · ${artwork.sourceUrl}`}`);
  lines.push(`  Id:     ${artwork.id}`);
  return lines;
}

/** One block per monitor (or a single block when every monitor shows the same artwork). */
export function formatShown(shown: readonly ShownWallpaper[]): string[] {
  if (shown.length === 0) return ['No wallpaper has been shown yet.'];
  const distinct = new Set(shown.map((item) => item.artwork.id));
  if (distinct.size === 1 && shown.length > 1) {
    const [first] = shown;
    return first === undefined ? [] : formatShownArtwork(first.artwork, 'Every monitor');
  }
  return shown.flatMap((item, index) => {
    const label = item.monitorId ?? (shown.length > 1 ? `Monitor ${index + 1}` : null);
    const block = formatShownArtwork(item.artwork, label);
    return index === 0 ? block : ['', ...block];
  });
}

/** One line for `rotate`'s log: the time and each monitor's artwork. */
export function formatChangeLine(at: number, shown: readonly ShownWallpaper[]): string {
  const time = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts = shown.map((item) => {
    const { artwork } = item;
    const artist = artwork.artist === null ? '' : ` by ${artwork.artist.name}`;
    const where = item.monitorId === null ? '' : `${item.monitorId}: `;
    return `${where}${artworkTitle(artwork)}${artist} [${artwork.id}]`;
  });
  return `${time} ${parts.join('; ')}`;
}
