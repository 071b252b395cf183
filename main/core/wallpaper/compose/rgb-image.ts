import type { Sharp } from 'sharp';
import type { Size } from './fit-geometry';

/**
 * Decoded 8-bit sRGB pixels, three channels, no alpha, rows top to bottom. Monitors and the span are
 * assembled in these by copying whole rows (one `Buffer.copy` per row), which is many times faster than
 * sharp's general-purpose `composite` for opaque rectangles.
 */
export interface RgbImage extends Size {
  data: Buffer;
}

const CHANNELS = 3;

export function rawInfo(image: Size): { width: number; height: number; channels: 3 } {
  return { width: image.width, height: image.height, channels: CHANNELS };
}

/** A black image. */
export function blankRgb(size: Size): RgbImage {
  return { data: Buffer.alloc(size.width * size.height * CHANNELS), width: size.width, height: size.height };
}

/** Copies `source` into `target` with its top-left corner at (`left`, `top`); whatever falls outside is clipped. */
export function blit(target: RgbImage, source: RgbImage, left: number, top: number): void {
  const fromX = Math.max(0, -left);
  const toX = Math.min(source.width, target.width - left);
  if (toX <= fromX) return;
  const rowBytes = (toX - fromX) * CHANNELS;
  for (let y = Math.max(0, -top); y < source.height && y + top < target.height; y += 1) {
    const sourceStart = (y * source.width + fromX) * CHANNELS;
    source.data.copy(
      target.data,
      ((y + top) * target.width + left + fromX) * CHANNELS,
      sourceStart,
      sourceStart + rowBytes,
    );
  }
}

/** Runs a pipeline to 3-channel sRGB pixels. */
export async function toRgb(pipeline: Sharp): Promise<RgbImage> {
  const { data, info } = await pipeline
    .toColorspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== CHANNELS)
    throw new Error(`Expected 3 channels after conversion, got ${info.channels}.`);
  return { data, width: info.width, height: info.height };
}
