import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import { Library } from '../../../main/core/library';
import { withFileLock } from '../../../main/core/library/file-lock';
import { useTempDir } from '../../support/temp-dir';

/** A pid that is not running (the highest pids are practically never in use). */
const DEAD_PID = 2 ** 22 - 3;

describe('the library lock file', () => {
  const tempDir = useTempDir('nekodesk-lock-');

  it('runs one holder at a time', async () => {
    const lock = path.join(tempDir(), 'x.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withFileLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'library.json.lock'),
      JSON.stringify({ pid: DEAD_PID, host: hostname(), at: Date.now() }),
    );
    const library = await Library.open(dir, { lock: { timeoutMs: 500 } });
    await library.ban(['nekosia:a']);
    expect(await library.isBanned('nekosia:a')).toBe(true);
    expect(existsSync(path.join(dir, 'library.json.lock'))).toBe(false);
  });

  it('takes over a lock older than staleMs even if its owner seems alive', async () => {
    const lock = path.join(tempDir(), 'x.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), at: 0 }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await expect(withFileLock(lock, () => Promise.resolve('done'), { staleMs: 10_000 })).resolves.toBe(
      'done',
    );
  });

  it('gives up with a clear error while a live process holds it', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'library.json.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }),
    );
    const library = await Library.open(dir, { lock: { timeoutMs: 150 } });
    const error: unknown = await library.ban(['nekosia:a']).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NekodeskError);
    expect((error as NekodeskError).code).toBe('internal');
    expect((error as NekodeskError).message).toMatch(/in use by another Nekodesk process/);
  });
});
