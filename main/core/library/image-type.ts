import { open } from 'node:fs/promises';

export type ImageExtension = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

/** The image type from a file's first bytes (not its name, which the cache chose): null when unknown. */
export async function sniffImageExtension(file: string): Promise<ImageExtension | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return extensionOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function extensionOf(head: Uint8Array): ImageExtension | null {
  const bytes = Buffer.from(head);
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'webp';
  }
  if (bytes.subarray(4, 12).toString('latin1') === 'ftypavif') return 'avif';
  return null;
}
