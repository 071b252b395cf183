import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Artwork } from '../artwork';
import { sniffImageExtension } from './image-type';
import type { FavoriteEntry } from './library-schema';
import { artworkFileName } from './safe-file-name';

/** Where an artwork's downloaded file is; null when it is not (or no longer) in the cache. */
export type CachedFileLookup = (artwork: Artwork) => Promise<string | null>;

export interface FavoritesExport {
  folder: string;
  exported: { id: string; file: string }[];
  /** Favorites that could not be exported, each with the reason, for the person. */
  failed: { id: string; reason: string }[];
}

/**
 * Copies each favorite's cached file into `folder` under a readable, safe name (see `artworkFileName`),
 * one at a time. A favorite that is not cached or cannot be copied is reported, never fatal.
 */
export async function exportFavoriteFiles(
  favorites: readonly FavoriteEntry[],
  folder: string,
  fileFor: CachedFileLookup,
): Promise<FavoritesExport> {
  const target = path.resolve(folder);
  await mkdir(target, { recursive: true });
  const result: FavoritesExport = { folder: target, exported: [], failed: [] };
  const used = new Set<string>();
  for (const { artwork } of favorites) {
    try {
      const source = await fileFor(artwork);
      if (source === null) {
        result.failed.push({ id: artwork.id, reason: 'not downloaded (it is not in the cache)' });
        continue;
      }
      const extension = (await sniffImageExtension(source)) ?? (artwork.kind === 'gif' ? 'gif' : null);
      if (extension === null) {
        result.failed.push({ id: artwork.id, reason: 'the cached file is not an image' });
        continue;
      }
      const name = uniqueName(artworkFileName(artwork, extension), used);
      const file = path.join(target, name);
      await copyFile(source, file);
      result.exported.push({ id: artwork.id, file });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'could not be copied';
      result.failed.push({ id: artwork.id, reason });
    }
  }
  return result;
}

function uniqueName(name: string, used: Set<string>): string {
  const dot = name.lastIndexOf('.');
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    candidate = `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}
