import sharp, { type Metadata, type Sharp } from 'sharp';
import type { IdentifyUpload } from '../../../preload/contract';
import { NekodeskError } from '../errors';
import { checkImageInput, type InputFormat } from './image-input';
import { findPictureBox } from './letterbox';

/** The long edge of what is uploaded: the service matches on far smaller frames, so more only costs time. */
export const MAX_UPLOAD_EDGE = 1280;
/**
 * JPEG quality of the upload. The service compares the frame at a small size, where the artefacts of
 * quality 85 and above are averaged away; quality 90 keeps fine lines (outlines, subtitles) clean enough that
 * nothing near the matching threshold changes, at about 60% of the bytes of quality 95 (see the bench).
 */
export const UPLOAD_JPEG_QUALITY = 90;
/** Bigger than any screen (8K is 33 megapixels), small enough that a hostile file cannot make libvips decode gigabytes. */
export const MAX_INPUT_PIXELS = 100_000_000;
/**
 * The image is decoded once, to at most this size (JPEG shrink-on-load makes that fast), and both the border
 * detection and the upload work on that copy: twice the upload's edge, so the final resize still downsamples.
 */
const WORK_EDGE = 2 * MAX_UPLOAD_EDGE;

export interface CleanedImage {
  /** The JPEG to upload: auto-rotated, borders cropped, ≤ MAX_UPLOAD_EDGE, no metadata at all. */
  jpeg: Uint8Array;
  upload: IdentifyUpload;
}

/** A pipeline over the first frame/page only, EXIF-rotated, size-limited, transparency flattened onto black. */
function pipeline(bytes: Uint8Array): Sharp {
  return sharp(bytes, { pages: 1, page: 0, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .autoOrient()
    .flatten({ background: '#000000' });
}

function unreadable(label: string, format: InputFormat, cause: unknown): NekodeskError {
  const detail = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : '';
  let reason = 'it may be damaged or cut short';
  if (/pixel limit/i.test(detail))
    reason = `it is larger than ${Math.round(MAX_INPUT_PIXELS / 1_000_000)} megapixels`;
  // sharp's own libvips reads AVIF but not HEVC-coded HEIF (an iPhone's HEIC): say what to do about it.
  else if (format === 'heif')
    reason = 'HEIC photos cannot be read here; save it as PNG or JPEG and try again';
  return new NekodeskError('invalid_input', `${label} could not be read as an image: ${reason}.`, { cause });
}

/** ITU-R BT.601 luma of every pixel of an RGB copy (integer weights summing to 256). */
function luma(data: Buffer, pixels: number, channels: number): Uint8Array {
  const grey = new Uint8Array(pixels);
  for (let i = 0, at = 0; i < pixels; i++, at += channels) {
    grey[i] = (77 * (data[at] ?? 0) + 150 * (data[at + 1] ?? 0) + 29 * (data[at + 2] ?? 0)) >> 8;
  }
  return grey;
}

/**
 * Cleans a screenshot before it is uploaded: the first frame of an animation, rotated as its EXIF orientation
 * says, black letterbox/pillarbox bars cropped, at most 1280 px on the long edge, re-encoded as JPEG with no
 * metadata (EXIF, GPS, XMP, ICC: sharp writes none unless asked, and converts to sRGB). Refuses non-images and
 * files over 25 MB with `invalid_input` before anything is sent.
 */
export async function cleanImage(bytes: Uint8Array, label = 'The image'): Promise<CleanedImage> {
  const format = checkImageInput(bytes, label);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { pages: 1, limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    throw unreadable(label, format, error);
  }
  if (!(metadata.autoOrient.width > 0 && metadata.autoOrient.height > 0)) {
    throw unreadable(label, format, new Error('no size'));
  }
  try {
    const { data: work, info: size } = await pipeline(bytes)
      .resize({ width: WORK_EDGE, height: WORK_EDGE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const box = findPictureBox(luma(work, size.width * size.height, size.channels), size.width, size.height);
    let image = sharp(work, { raw: { width: size.width, height: size.height, channels: size.channels } });
    if (box !== null) image = image.extract(box);
    const { data, info } = await image
      .resize({ width: MAX_UPLOAD_EDGE, height: MAX_UPLOAD_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: UPLOAD_JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      upload: {
        originalBytes: bytes.byteLength,
        bytes: data.byteLength,
        width: info.width,
        height: info.height,
        cropped: box !== null,
      },
    };
  } catch (error) {
    throw unreadable(label, format, error);
  }
}
