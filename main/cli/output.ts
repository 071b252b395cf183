import type { Artwork } from '../core/artwork';
import { formatBytes } from '../core/http/human-text';

/** `83.4` → `1:23`; `754` → `12:34`; `4000` → `1:06:40`. */
export function formatTimestamp(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** 0.9621 → `96.2%`. */
export function formatPercent(fraction: number): string {
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

export { formatBytes };

/** Left-aligned columns with a header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** A few lines per artwork: its URL first (easy to copy), then what is known about it. */
export function formatArtwork(artwork: Artwork): string[] {
  const size =
    artwork.width !== null && artwork.height !== null ? ` · ${artwork.width}×${artwork.height}` : '';
  const lines = [
    artwork.url,
    `  ${artwork.category} · ${artwork.kind}${size} · ${artwork.rating} · ${artwork.id}`,
  ];
  if (artwork.anime !== null || artwork.character !== null) {
    lines.push(`  Anime: ${[artwork.anime, artwork.character].filter((part) => part !== null).join(' — ')}`);
  }
  if (artwork.artist !== null) {
    const { name, url } = artwork.artist;
    lines.push(
      `  Artist: ${[name, url === null ? null : `<${url}>`].filter((part) => part !== null).join(' ')}`,
    );
  }
  if (artwork.sourceUrl !== null) lines.push(`  Source: ${artwork.sourceUrl}`);
  if (artwork.tags.length > 0) lines.push(`  Tags: ${artwork.tags.join(', ')}`);
  return lines;
}

export function formatArtworks(artworks: readonly Artwork[]): string[] {
  return artworks.flatMap((artwork, index) =>
    index === 0 ? formatArtwork(artwork) : ['', ...formatArtwork(artwork)],
  );
}
