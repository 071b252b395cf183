/** The two image types whatanimeisthis.com accepts. */
export type SearchImageType = 'image/jpeg' | 'image/png';

/** 25 MB: larger files are refused before any request. */
export const MAX_SEARCH_IMAGE_BYTES = 25 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image type by its first bytes (never by its name): JPEG, PNG, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): SearchImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    return 'image/png';
  }
  return null;
}
