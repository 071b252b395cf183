import { createHash } from 'node:crypto';
import type { CacheFs } from './cache-fs';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Size and sha256 of a file, read as a stream; null when it cannot be read. */
export async function hashFile(fs: CacheFs, file: string): Promise<{ size: number; sha256: string } | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of fs.readStream(file)) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
  } catch {
    return null;
  }
  return { size, sha256: hash.digest('hex') };
}
