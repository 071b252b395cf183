/** The image formats Nekodesk stores, told apart by their first bytes (never by upstream headers or URLs). */
export const IMAGE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;

export type ImageExtension = keyof typeof IMAGE_TYPES;
export type ImageContentType = (typeof IMAGE_TYPES)[ImageExtension];

export interface ImageType {
  extension: ImageExtension;
  contentType: ImageContentType;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.byteLength < offset + prefix.length) return false;
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return Array.from(Buffer.from(text, 'latin1'));
}

function typeOf(extension: ImageExtension): ImageType {
  return { extension, contentType: IMAGE_TYPES[extension] };
}

/** PNG, JPEG, GIF (87a/89a) or WebP from the magic numbers; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG)) return typeOf('png');
  if (startsWith(bytes, JPEG)) return typeOf('jpg');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return typeOf('gif');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return typeOf('webp');
  return null;
}

const EXTENSION_OF: Record<ImageContentType, ImageExtension> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** The extension the cache gives a file of this content type. */
export function extensionOf(contentType: ImageContentType): ImageExtension {
  return EXTENSION_OF[contentType];
}
