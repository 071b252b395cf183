import sharp from 'sharp';
import { NekodeskError } from '../errors';
import { MAX_INPUT_PIXELS } from './clean-image';
import { checkImageInput } from './image-input';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Crops a PNG/JPEG to a region (the capture overlay's answer, in the screenshot's pixels) — for the shell's
 * region capture. The region is clipped to the image; one wholly outside it is refused. Answers a lossless PNG:
 * the cleaning that follows re-encodes once, so the capture loses quality only there.
 */
export async function cropImage(image: Uint8Array, region: Region): Promise<Uint8Array> {
  checkImageInput(image, 'The screen capture');
  const source = sharp(image, { pages: 1, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  let width: number;
  let height: number;
  try {
    ({ width, height } = (await source.metadata()).autoOrient);
  } catch (cause) {
    throw new NekodeskError('invalid_input', 'The screen capture could not be read as an image.', { cause });
  }
  const left = Math.max(0, Math.floor(region.x));
  const top = Math.max(0, Math.floor(region.y));
  const right = Math.min(width, Math.floor(region.x + region.width));
  const bottom = Math.min(height, Math.floor(region.y + region.height));
  if (right - left < 1 || bottom - top < 1) {
    throw new NekodeskError(
      'invalid_input',
      `The selected region (${region.width}×${region.height} at ${region.x},${region.y}) is outside the ${width}×${height} screenshot; select again.`,
    );
  }
  const png = await source
    .extract({ left, top, width: right - left, height: bottom - top })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
