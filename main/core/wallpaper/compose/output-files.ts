import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { JpegOptions, Sharp } from 'sharp';

/** Every composed file is `wallpaper-<UTC timestamp>-<8 hex>-<what>.jpg`; nothing else in the folder is ours. */
const OUTPUT_NAME = /^wallpaper-\d{8}T\d{9}Z-[0-9a-f]{8}-[A-Za-z0-9_-]+\.jpg$/;
const TEMP_NAME = /^\.wallpaper-.*\.tmp$/;
/** A temporary file older than this is left over from a crash, not a composition still being written. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** 4:2:0 chroma, like nearly every wallpaper: 4:4:4 encodes three times slower for a difference few can see. */
export const JPEG_OPTIONS: JpegOptions = { quality: 90 };

/**
 * The shared start of one composition's file names: a sortable UTC timestamp and a random short hash, so every
 * composition gets new names (desktops that cache by path see a new picture).
 */
export function outputStem(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `wallpaper-${stamp}-${randomBytes(4).toString('hex')}`;
}

/** A name part from a monitor id (`DP-1`, `HDMI-A-0`, anything from settings), safe in a file name. */
export function safeNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'monitor';
}

/** Encodes the pipeline as JPEG next to `file`, then renames it into place: readers never see half a file. */
export async function writeJpegAtomically(pipeline: Sharp, file: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline.jpeg(JPEG_OPTIONS).toFile(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Removes composed wallpapers in `outDir` except those in `keep` (paths or names), and temporary files left
 * by a crash. Other files are never touched. Returns the paths removed.
 */
export async function pruneOutputs(
  outDir: string,
  keep: readonly string[],
  options: { now?: number } = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const kept = new Set(keep.map((entry) => path.basename(entry)));
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(outDir, name);
    if (OUTPUT_NAME.test(name)) {
      if (kept.has(name)) continue;
    } else if (TEMP_NAME.test(name)) {
      const info = await stat(file).catch(() => null);
      if (!info || now - info.mtimeMs < STALE_TEMP_MS) continue;
    } else {
      continue;
    }
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
