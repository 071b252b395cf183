import { MAX_IDENTIFY_BYTES } from '../../../preload/contract';
import { NekodeskError } from '../errors';
import { formatBytes } from '../http/human-text';

/** The raster formats a screenshot comes in. SVG, PDF and the like are refused: not screenshots, more code run. */
export type InputFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'heif' | 'avif';

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.byteLength < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The format by its first bytes, never by a name or a content type; null for anything we do not read. */
export function sniffInputFormat(bytes: Uint8Array): InputFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'tiff';
  // ISO base media (HEIF/AVIF): a `ftyp` box whose major brand names an image, not a video.
  if (ascii(bytes, 4, 'ftyp')) {
    if (ascii(bytes, 8, 'avif') || ascii(bytes, 8, 'avis')) return 'avif';
    if (['heic', 'heix', 'mif1', 'msf1'].some((brand) => ascii(bytes, 8, brand))) return 'heif';
  }
  return null;
}

/**
 * Refuses, before any request, what cannot be a screenshot we can clean: empty, over 25 MB, or not one of the
 * raster formats by its bytes. `label` names the input in the message (a file name, "The clipboard image").
 */
export function checkImageInput(bytes: Uint8Array, label: string): InputFormat {
  if (bytes.byteLength === 0) throw new NekodeskError('invalid_input', `${label} is empty.`);
  if (bytes.byteLength > MAX_IDENTIFY_BYTES) {
    throw new NekodeskError(
      'invalid_input',
      `${label} is ${formatBytes(bytes.byteLength)}; screenshots up to ${formatBytes(MAX_IDENTIFY_BYTES)} can be identified.`,
    );
  }
  const format = sniffInputFormat(bytes);
  if (format === null) {
    throw new NekodeskError(
      'invalid_input',
      `${label} is not an image (JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF); take a screenshot and try again.`,
    );
  }
  return format;
}
