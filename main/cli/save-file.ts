import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { NekodeskError } from '../core/errors';

/**
 * Where `-o` points: a folder (existing, or written with a trailing slash) gets `defaultName` inside it.
 * Refuses a missing parent folder and, unless `overwrite`, an existing file, before anything is downloaded.
 */
export async function resolveTarget(
  output: string | undefined,
  defaultName: string,
  cwd: string,
  overwrite: boolean,
): Promise<string> {
  let target = path.resolve(cwd, output ?? defaultName);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory() === true || (output !== undefined && /[\\/]$/.test(output)))
    target = path.join(target, defaultName);
  const parent = await stat(path.dirname(target)).catch(() => null);
  if (parent?.isDirectory() !== true) {
    throw new NekodeskError('invalid_input', `The folder ${path.dirname(target)} does not exist.`);
  }
  if (!overwrite && existsSync(target)) {
    throw new NekodeskError('invalid_input', `${target} already exists; use --force to overwrite it.`);
  }
  return target;
}

/**
 * Writes the whole file next to the target, flushes it, then moves it into place in one step: the target is
 * either absent, the old file, or the complete new one — never half written. Without `overwrite`, an existing
 * target is never replaced, even one created meanwhile.
 */
export async function saveAtomically(target: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`,
  );
  const handle = await open(temporary, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temporary, target);
    else await placeWithoutOverwriting(temporary, target);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function placeWithoutOverwriting(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target); // fails if the target exists: no window for a race
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new NekodeskError('invalid_input', `${target} already exists; use --force to overwrite it.`);
    }
    // File systems without hard links: check, then rename (a tiny window, but still never a partial file).
    if (existsSync(target)) {
      throw new NekodeskError('invalid_input', `${target} already exists; use --force to overwrite it.`);
    }
    await rename(temporary, target);
  }
}
