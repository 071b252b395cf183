import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { NekodeskError } from '../errors';

export interface FileLockOptions {
  /** Give up after this long. Default 5 s. */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its owner seems alive. Default 15 s (a write takes ms). */
  staleMs?: number;
  /** Between attempts. Default 25 ms. */
  retryMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

/**
 * Runs `work` while holding `lockFile` (created exclusively), so the app and the CLI never write the
 * library at the same time. A lock left by a process that died (same machine, pid gone) or one older than
 * `staleMs` is removed and taken.
 */
export async function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const staleMs = options.staleMs ?? 15_000;
  const retryMs = options.retryMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryCreate(lockFile)) break;
    if (await isStale(lockFile, staleMs)) {
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new NekodeskError(
        'internal',
        `The library is in use by another Nekodesk process (${lockFile}); try again in a moment.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    try {
      const owner: LockOwner = { pid: process.pid, host: hostname(), at: Date.now() };
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isStale(lockFile: string, staleMs: number): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const owner = parseOwner(text);
    return owner !== null && owner.host === hostname() && !isAlive(owner.pid);
  } catch (error) {
    // Gone between our attempts: not stale, just free; try again.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, host, at } = value as Record<string, unknown>;
    return typeof pid === 'number' && typeof host === 'string' && typeof at === 'number'
      ? { pid, host, at }
      : null;
  } catch {
    // Being written right now, or damaged: only age decides.
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
