/** The real runner and PATH lookup, against real processes (node itself and the shell's tools). */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommandExists } from '../../../../main/core/wallpaper/setters/command-exists';
import { CommandError, createCommandRunner } from '../../../../main/core/wallpaper/setters/command-runner';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { useTempDir } from '../../../support/temp-dir';
import { HOSTILE_FILE, singleMonitor } from './fakes';

const node = process.execPath;
const posix = process.platform !== 'win32';

async function rejection(promise: Promise<unknown>): Promise<CommandError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

describe('createCommandRunner', () => {
  const run = createCommandRunner({ timeoutMs: 5_000 });
  const tempDir = useTempDir('nekodesk-runner-');

  it('passes arguments as they are and returns stdout and stderr', async () => {
    const result = await run(node, [
      '-e',
      'process.stdout.write(JSON.stringify(process.argv.slice(1))); console.error("note")',
      'a b',
      '$(x);',
      "'q'",
    ]);
    expect(JSON.parse(result.stdout)).toEqual(['a b', '$(x);', "'q'"]);
    expect(result.stderr).toBe('note\n');
  });

  it('rejects with the exit code and stderr', async () => {
    const error = await rejection(run(node, ['-e', 'console.error("first line\\nsecond"); process.exit(3)']));
    expect([error.failure, error.exitCode, error.stderr]).toEqual(['exit', 3, 'first line\nsecond\n']);
    expect(error.message).toBe(`${node} exited with code 3: first line`);
  });

  it('says when the command does not exist', async () => {
    const error = await rejection(run('nekodesk-no-such-tool', []));
    expect(error.failure).toBe('not-found');
  });

  it('kills a command that runs too long', async () => {
    const quick = createCommandRunner({ timeoutMs: 200 });
    const error = await rejection(quick(node, ['-e', 'setTimeout(() => {}, 10_000)']));
    expect(error.failure).toBe('timeout');
    expect(error.message).toBe(`${node} did not finish within 200 ms`);
  });

  it('runs in exactly the environment given, looking the command up in its PATH', async () => {
    const env = { PATH: path.dirname(node), ONLY: 'this' };
    const { stdout } = await run(
      'node',
      ['-e', 'process.stdout.write(JSON.stringify([process.env.ONLY, process.env.HOME ?? null]))'],
      { env },
    );
    expect(JSON.parse(stdout)).toEqual(['this', null]);
    const error = await rejection(run('node', ['-e', '0'], { env: { PATH: tempDir() } }));
    expect(error.failure).toBe('not-found');
  });

  it.runIf(posix)(
    'hands a hostile file name to a custom command as one argument, through no shell',
    async () => {
      const dir = path.join(tempDir(), 'has space');
      mkdirSync(dir);
      const file = path.join(dir, path.basename(HOSTILE_FILE).replace(/\//g, '_'));
      const wallpaper = createWallpaperSetter({
        platform: 'linux',
        env: { ...process.env, DISPLAY: ':0' },
        run,
        commandExists: createCommandExists(process.env),
        customCommand: 'touch -- {file}',
      });
      await wallpaper.set(singleMonitor(file));
      expect(existsSync(file)).toBe(true);
      expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
      expect(existsSync('pwned')).toBe(false);
    },
  );
});

describe.runIf(posix)('createCommandExists', () => {
  const tempDir = useTempDir('nekodesk-path-');

  it('finds executables on PATH, not plain files or folders', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tool'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'tool'), 0o755);
    writeFileSync(path.join(dir, 'data'), 'not executable');
    mkdirSync(path.join(dir, 'folder'));
    const exists = createCommandExists({ PATH: `/nonexistent:${dir}` }, 'linux');
    expect(['tool', 'data', 'folder', 'missing'].map(exists)).toEqual([true, false, false, false]);
    expect(exists(path.join(dir, 'tool'))).toBe(true);
    expect(createCommandExists({}, 'linux')('tool')).toBe(false);
  });
});
