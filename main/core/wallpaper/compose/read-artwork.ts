import { stat } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { NekodeskError } from '../../errors';
import type { Size } from './fit-geometry';

/**
 * Bigger than any artwork the sources serve (~12k × 12k), small enough that a hostile file cannot make
 * libvips decode gigabytes. sharp's own default is 268 megapixels.
 */
export const MAX_INPUT_PIXELS = 150_000_000;

/** Raster formats artwork comes in. SVG, PDF and the like are refused: they are not artwork and run more code. */
const READABLE_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/** An artwork file known to be a readable image, with its size after EXIF orientation. */
export interface ArtworkFile extends Size {
  file: string;
}

/** A fresh sharp pipeline over the artwork: EXIF-oriented, size-limited, failing on corrupt pixel data. */
export function artworkPipeline(file: string): Sharp {
  return sharp(file, { autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
}

export function unreadableImage(file: string, cause: unknown): NekodeskError {
  const reason = cause instanceof Error ? ` (${cause.message.split('\n')[0] ?? ''})` : '';
  return new NekodeskError('invalid_input', `${file} is not an image Nekodesk can read${reason}.`, { cause });
}

/** Checks that `file` exists and is a raster image within the limits; reads only its header. */
export async function openArtwork(file: string): Promise<ArtworkFile> {
  try {
    await stat(file);
  } catch (error) {
    throw new NekodeskError('not_found', `${file} does not exist.`, { cause: error });
  }
  let metadata: Metadata;
  try {
    metadata = await artworkPipeline(file).metadata();
  } catch (error) {
    throw unreadableImage(file, error);
  }
  const { width, height } = metadata.autoOrient;
  if (!READABLE_FORMATS.has(metadata.format) || !(width > 0) || !(height > 0)) {
    throw unreadableImage(file, new Error(`unsupported format ${metadata.format}`));
  }
  if (width * height > MAX_INPUT_PIXELS) {
    throw unreadableImage(file, new Error(`${width}x${height} is larger than Nekodesk reads`));
  }
  return { file, width, height };
}
