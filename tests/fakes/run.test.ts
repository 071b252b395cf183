import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('run.ts', () => {
  it('prints the three env lines, serves, and stops on SIGTERM', async () => {
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(tsx, [fileURLToPath(new URL('./run.ts', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    while ((out.match(/\n/g) ?? []).length < 3) {
      const [chunk] = (await once(child.stdout, 'data')) as [string];
      out += chunk;
    }
    const env = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string]),
    );
    expect(Object.keys(env)).toEqual([
      'NEKODESK_NEKOS_BEST_URL',
      'NEKODESK_NEKOSIA_URL',
      'NEKODESK_WHATANIME_URL',
    ]);
    expect(env.NEKODESK_NEKOS_BEST_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(env.NEKODESK_NEKOSIA_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(env.NEKODESK_WHATANIME_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${env.NEKODESK_NEKOS_BEST_URL!}/endpoints`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
