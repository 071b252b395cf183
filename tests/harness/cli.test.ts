import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { makeHome, makeRendererDir, rawRequest, sessionCookie } from './support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('npm run web (harness/server.ts)', () => {
  it('prints exactly one line with its address and serves there', async () => {
    const home = await makeHome();
    cleanups.push(home.remove);
    const child = spawn(process.execPath, ['--import', 'tsx', 'harness/server.ts', '--port', '0'], {
      env: { ...process.env, NEKODESK_HOME: home.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });

    let stdout = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout);
      });
      child.once('exit', (code) => {
        reject(new Error(`The harness exited (${String(code)}) before printing its address.`));
      });
    });
    expect(line).toMatch(/^Nekodesk web harness: http:\/\/127\.0\.0\.1:\d+\/\n$/);

    const url = line.slice('Nekodesk web harness: '.length).trim();
    const info = await rawRequest(`${url}__nekodesk/call/app:info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'nekodesk_token=wrong' },
      body: '{}',
    });
    expect(info.status).toBe(401);
  }, 30_000);
});

describe('startup notices', () => {
  it('tells the first page that a broken settings file was repaired', async () => {
    const home = await makeHome();
    const renderer = await makeRendererDir();
    cleanups.push(home.remove, renderer.remove);
    await writeFile(path.join(home.dir, 'settings.json'), '{ not json');
    const harness: Harness = await startHarness({
      env: { NEKODESK_HOME: home.dir },
      rendererDir: renderer.dir,
      log: () => undefined,
    });
    cleanups.push(() => harness.close());

    const cookie = sessionCookie(await rawRequest(harness.url));
    const controller = new AbortController();
    const response = await fetch(`${harness.url}__nekodesk/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: app:notice')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += chunk.value;
    }
    controller.abort();
    expect(text).toContain('event: app:notice');
    expect(text).toContain('could not be read');
  });

  it('refuses to start with an invalid service URL override', async () => {
    const home = await makeHome();
    cleanups.push(home.remove);
    await expect(
      startHarness({
        env: { NEKODESK_HOME: home.dir, NEKODESK_NEKOS_BEST_URL: 'not a url' },
        log: () => undefined,
      }),
    ).rejects.toThrow(/NEKODESK_NEKOS_BEST_URL/);
  });
});
