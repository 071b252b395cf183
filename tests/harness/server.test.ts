import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import { CONTENT_SECURITY_POLICY } from '../../harness/security';
import pkg from '../../package.json';
import { startFakeNekosBest, type FakeServer } from '../fakes';
import { rawRequest, startTestHarness, type RawResponse, type TestHarness } from './support';

let fake: FakeServer;
let test: TestHarness;
let harness: Harness;
let home: { dir: string };
let cookie: string;
const logged: string[] = [];

beforeAll(async () => {
  fake = await startFakeNekosBest();
  test = await startTestHarness(
    { NEKODESK_NEKOS_BEST_URL: fake.baseUrl },
    { log: (line) => logged.push(line) },
  );
  ({ harness, cookie } = test);
  home = { dir: test.home };
}, 60_000);

afterAll(async () => {
  await test.close();
  await fake.close();
});

function call(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return test.post(channel, body, headers);
}

describe('pages', () => {
  it('prints its address as 127.0.0.1 with the chosen port', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/`);
  });

  it('serves the main window with the bridge before the app, a session cookie and the CSP', async () => {
    const response = await rawRequest(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.indexOf('src="/__nekodesk/bridge.js"')).toBeGreaterThan(0);
    expect(response.body.indexOf('src="/__nekodesk/bridge.js"')).toBeLessThan(
      response.body.indexOf('assets/index.js'),
    );
    expect(response.headers['set-cookie']?.[0]).toMatch(
      /^nekodesk_token=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the picker at /picker', async () => {
    const response = await rawRequest(`${harness.url}picker`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>picker</title>');
  });

  it('sends the same CSP as the pages declare', async () => {
    for (const page of ['index.html', 'picker.html', 'capture.html']) {
      const html = await readFile(path.resolve('renderer', page), 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(meta, page).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves assets with their content types, and nothing outside the renderer', async () => {
    const script = await rawRequest(`${harness.url}assets/index.js`);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const style = await rawRequest(`${harness.url}assets/style.css`);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawRequest(`${harness.url}assets/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await rawRequest(`${harness.url}missing.js`)).status).toBe(404);
  });

  it('serves the bridge as a script', async () => {
    const bridge = await rawRequest(`${harness.url}__nekodesk/bridge.js`);
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bridge.body).toContain('nekodesk');
  });
});

describe('guards', () => {
  it('refuses calls without the session cookie', async () => {
    const response = await call('app:info', {}, { cookie: '' });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses calls with a wrong token', async () => {
    const wrong = `nekodesk_token=${'x'.repeat(43)}`;
    expect((await call('app:info', {}, { cookie: wrong })).status).toBe(401);
  });

  it('refuses the event stream without the session cookie', async () => {
    expect((await rawRequest(`${harness.url}__nekodesk/events`)).status).toBe(401);
  });

  it('refuses a wrong Host (DNS rebinding), even with the cookie', async () => {
    expect((await call('app:info', {}, { host: `evil.example:${harness.port}` })).status).toBe(403);
    expect((await call('app:info', {}, { host: `localhost:${harness.port}` })).status).toBe(403);
    expect((await rawRequest(harness.url, { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses other origins and cross-site requests', async () => {
    expect((await call('app:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('app:info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('app:info', {}, { origin: harness.url.slice(0, -1) })).status).toBe(200);
  });

  it('takes calls only as POST with JSON', async () => {
    expect((await rawRequest(`${harness.url}__nekodesk/call/app:info`, { headers: { cookie } })).status).toBe(
      405,
    );
    expect((await call('app:info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
  });
});

describe('calls', () => {
  it('round-trips a call through dispatchCall', async () => {
    const response = await call('app:info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      data: { name: 'Nekodesk', version: pkg.version, platform: process.platform },
    });
  });

  it('says why a browser has no global hotkeys, so Settings can explain it', async () => {
    const response = await call('app:hotkeys', {});
    const answer = JSON.parse(response.body) as { ok: boolean; data: Record<string, unknown> };
    expect(answer.ok).toBe(true);
    // The picker's default hotkey is set (unsupported here); the identify hotkey is off by default.
    expect(answer.data.picker).toMatchObject({
      state: 'unsupported',
      message: expect.stringContaining('cannot register global hotkeys') as unknown,
    });
    expect(answer.data.identify).toEqual({ state: 'off', accelerator: null, message: '' });
  });

  it('lists the categories from nekos.best through the real core', async () => {
    const result = JSON.parse((await call('nekos:categories', {})).body) as {
      ok: true;
      data: { name: string; format: string }[];
    };
    expect(result.ok).toBe(true);
    expect(result.data).toContainEqual({ name: 'neko', format: 'png' });
    expect(result.data).toContainEqual({ name: 'hug', format: 'gif' });
    expect(fake.requests.some((request) => request.path === '/api/v2/endpoints')).toBe(true);
  });

  it('answers an invalid payload with invalid_input', async () => {
    const response = await call('settings:update', { request: { services: { nekosBestUrl: 'ftp://x' } } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const extra = await call('app:info', { request: { unexpected: true } });
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers malformed bodies and unknown calls with invalid_input', async () => {
    const malformed = await call('app:info', '{not json');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await call('app:info', '[]')).body)).toMatchObject({
      error: { code: 'invalid_input' },
    });
    const unknown = await call('app:shutdown', {});
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown call.' },
    });
  });

  it('saves settings in NEKODESK_HOME and tells connected pages', async () => {
    const events = await openEvents();
    const response = await call('settings:update', { request: { launchAtLogin: true } });
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, data: { launchAtLogin: true } });

    const stored = JSON.parse(await readFile(path.join(home.dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored.launchAtLogin).toBe(true);
    expect(await events.next('settings:changed')).toMatchObject({ launchAtLogin: true });
    events.close();
  });

  it('records links instead of opening them, and refuses non-web links', async () => {
    const opened = await call('shell:open-link', { request: { url: 'https://nekos.best/' } });
    expect(JSON.parse(opened.body)).toEqual({ ok: true, data: null });
    expect(harness.openedUrls).toEqual(['https://nekos.best/']);
    expect(logged.some((line) => line.includes('https://nekos.best/'))).toBe(true);

    const refused = await call('shell:open-link', { request: { url: 'file:///etc/passwd' } });
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(harness.openedUrls).toHaveLength(1);
  });

  it('streams events emitted by the harness', async () => {
    const events = await openEvents();
    harness.emit('app:notice', { level: 'info', message: 'Hello from main.' });
    expect(await events.next('app:notice')).toEqual({ level: 'info', message: 'Hello from main.' });
    events.close();
  });
});

/** Reads the server-sent event stream the way EventSource would. */
async function openEvents(): Promise<{ next(event: string): Promise<unknown>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${harness.url}__nekodesk/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(event) {
      for (;;) {
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        for (const frame of frames) {
          const lines = frame.split('\n');
          if (lines.includes(`event: ${event}`)) {
            const data = lines.find((line) => line.startsWith('data: '));
            return JSON.parse(data!.slice('data: '.length)) as unknown;
          }
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`The stream ended before ${event}.`);
        buffer += chunk.value;
      }
    },
    close: () => {
      controller.abort();
    },
  };
}
