import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artworkSchema } from '../../main/core/artwork';
import pkg from '../../package.json';
import { encodePng, WHATANIME_DEFAULT_USER } from '../fakes';
import { useFakes, useHome, type CliResult } from './helpers';

const BIN = path.resolve(import.meta.dirname, '../../bin/nekodesk.js');

/** `node bin/nekodesk.js …` as a real process: what `npx nekodesk` runs in a fresh clone (no build step). */
function spawnCli(argv: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...argv],
      { env: { PATH: process.env.PATH, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`could not run ${BIN}: ${error.message}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

describe('bin/nekodesk.js (subprocess)', { timeout: 30_000 }, () => {
  const { home, cwd } = useHome();
  const fakes = useFakes();
  const env = (): Record<string, string> => ({ ...fakes().env, NEKODESK_HOME: home() });

  it('prints the version', async () => {
    expect(await spawnCli(['--version'], env())).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('lists categories and prints Artwork JSON against the fakes', async () => {
    const categories = await spawnCli(['nekos', 'categories'], env());
    expect(categories.code).toBe(0);
    expect(categories.stdout.split('\n')).toContain('neko');
    const image = await spawnCli(['--json', 'nekos', 'image', 'neko', '--amount', '2'], env());
    expect(z.array(artworkSchema).parse(JSON.parse(image.stdout))).toHaveLength(2);
  });

  it('fails with one line and exit code 2 on invalid input, 1 on upstream trouble', async () => {
    const invalid = await spawnCli(['nekos', 'image', 'neko', '--amount', '99'], env());
    expect(invalid).toEqual({
      code: 2,
      stdout: '',
      stderr: 'nekodesk: amount must be a whole number from 1 to 20 (got 99).\n',
    });
    fakes().nekosia.addFault({ fault: { kind: 'server-error', status: 502 } });
    const upstream = await spawnCli(['nekosia', 'tags'], env());
    expect(upstream.code).toBe(1);
    expect(upstream.stderr).toMatch(/^nekodesk: Nekosia is having trouble \(HTTP 502\)[^\n]*\n$/);
  });

  it('signs in with a piped password and identifies a screenshot', async () => {
    const login = await spawnCli(
      ['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email],
      env(),
      `${WHATANIME_DEFAULT_USER.password}\n`,
    );
    expect(login).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(home(), 'cli-secrets.json'), 'utf8')).toMatch(/session_token/);
    const shot = path.join(cwd(), 'shot.png');
    writeFileSync(shot, encodePng(48, 27, [200, 30, 90]));
    const identified = await spawnCli(['identify', shot], env());
    expect(identified.code).toBe(0);
    expect(identified.stdout).toMatch(/^1\. .+\n {3}(?:episode \S+ )?at \d{2}:\d{2} · \d+\.\d% similar\n/);
    expect(
      fakes().whatanime.requests.find((request) => request.path === '/api/anime/search')?.headers.cookie,
    ).toMatch(/session_token/);
  });
});
