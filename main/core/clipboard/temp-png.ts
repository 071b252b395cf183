import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `png` to a fresh file in `dir`, runs `work` with its path, and always removes it. */
export async function withTempPng<T>(
  dir: string,
  png: Uint8Array,
  work: (file: string) => Promise<T>,
): Promise<T> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `nekodesk-clipboard-${randomUUID()}.png`);
  await writeFile(file, png);
  try {
    return await work(file);
  } finally {
    await rm(file, { force: true });
  }
}
