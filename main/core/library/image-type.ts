import { open } from 'node:fs/promises';
import { sniffImageType, type ImageExtension } from '../image-type';

/** The image type from a file's first bytes (not its name, which the cache chose): null when unknown. */
export async function sniffImageExtension(file: string): Promise<ImageExtension | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffImageType(head.subarray(0, bytesRead))?.extension ?? null;
  } finally {
    await handle.close();
  }
}
