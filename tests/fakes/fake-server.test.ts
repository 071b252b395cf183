import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNekosBest, startFakeNekosia, startFakeWhatAnime, type FakeServer } from './index';

describe('shared plumbing: recording and faults', () => {
  let fake: FakeServer;
  beforeEach(async () => {
    fake = await startFakeNekosBest();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('listens on loopback with the API base and records every request', async () => {
    expect(fake.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.baseUrl).toBe(`${fake.origin}/api/v2`);
    await fetch(`${fake.baseUrl}/neko?amount=2`, {
      headers: { 'user-agent': 'Nekodesk/0.1.0 (+https://x)' },
    });
    await fetch(`${fake.baseUrl}/search?query=a&type=1`, { method: 'POST', body: 'hello' });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/neko' });
    expect(fake.requests[0]!.query.get('amount')).toBe('2');
    expect(fake.requests[0]!.headers['user-agent']).toBe('Nekodesk/0.1.0 (+https://x)');
    expect(fake.requests[1]!.body.toString()).toBe('hello');
  });

  it('slow: delays the answer, then answers normally', async () => {
    fake.addFault({ fault: { kind: 'slow', ms: 300 }, times: 1 });
    const started = Date.now();
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(200);
    const again = Date.now();
    await fetch(`${fake.baseUrl}/neko`);
    expect(Date.now() - again).toBeLessThan(250);
  });

  it('slow: a client timeout aborts the request', async () => {
    fake.addFault({ fault: { kind: 'slow', ms: 2000 } });
    await expect(fetch(`${fake.baseUrl}/neko`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('reset: the socket is destroyed without an answer', async () => {
    fake.addFault({ fault: { kind: 'reset' }, times: 1 });
    await expect(fetch(`${fake.baseUrl}/neko`)).rejects.toThrow(/fetch failed/);
    expect((await fetch(`${fake.baseUrl}/neko`)).status).toBe(200);
  });

  it('truncated: headers promise more bytes than arrive', async () => {
    fake.addFault({ fault: { kind: 'truncated' } });
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1024);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('truncated: an asset path gets image headers and a cut body', async () => {
    fake.addFault({ fault: { kind: 'truncated' }, path: /\.png$/ });
    const res = await fetch(`${fake.baseUrl}/neko/00000000-0000-4000-a000-000000000000.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('invalid-json: 200 application/json that does not parse', async () => {
    fake.addFault({ fault: { kind: 'invalid-json' } });
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('wrong-content-type: 200 text/html (a Cloudflare page)', async () => {
    fake.addFault({ fault: { kind: 'wrong-content-type' } });
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<html');
  });

  it('server-error: 500 JSON by default, 502/503 as HTML', async () => {
    fake.addFault({ fault: { kind: 'server-error' }, times: 1 });
    fake.addFault({ fault: { kind: 'server-error', status: 502 }, times: 1 });
    fake.addFault({ fault: { kind: 'server-error', status: 503 }, times: 1 });
    const first = await fetch(`${fake.baseUrl}/neko`);
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ message: 'Internal Server Error' });
    const second = await fetch(`${fake.baseUrl}/neko`);
    expect(second.status).toBe(502);
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
    const third = await fetch(`${fake.baseUrl}/neko`);
    expect(third.status).toBe(503);
    expect((await fetch(`${fake.baseUrl}/neko`)).status).toBe(200);
  });

  it('rate-limited: 429 with Retry-After as each service sends it', async () => {
    fake.addFault({ fault: { kind: 'rate-limited', retryAfterSeconds: 7 } });
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await res.json()).toHaveProperty('message');

    const nekosia = await startFakeNekosia();
    const whatAnime = await startFakeWhatAnime();
    try {
      nekosia.addFault({ fault: { kind: 'rate-limited' } });
      whatAnime.addFault({ fault: { kind: 'rate-limited', retryAfterSeconds: 3 } });
      const a = await fetch(`${nekosia.baseUrl}/images/catgirl`);
      expect(a.status).toBe(429);
      expect(a.headers.get('retry-after')).toBe('1');
      expect(await a.json()).toMatchObject({ success: false, status: 429 });
      const b = await fetch(`${whatAnime.baseUrl}/api/anime/rankings`);
      expect(b.status).toBe(429);
      expect(b.headers.get('retry-after')).toBe('3');
      expect(await b.json()).toHaveProperty('error');
    } finally {
      await nekosia.close();
      await whatAnime.close();
    }
  });

  it('applies faults only to matching paths, counts `times` down, and clears', async () => {
    fake.addFault({ fault: { kind: 'server-error' }, path: /\/search$/g, times: 2 });
    expect((await fetch(`${fake.baseUrl}/neko`)).status).toBe(200);
    expect((await fetch(`${fake.baseUrl}/search?query=a&type=1`)).status).toBe(500);
    expect((await fetch(`${fake.baseUrl}/search?query=a&type=1`)).status).toBe(500);
    expect((await fetch(`${fake.baseUrl}/search?query=a&type=1`)).status).toBe(200);
    fake.addFault({ fault: { kind: 'server-error' } });
    expect((await fetch(`${fake.baseUrl}/neko`)).status).toBe(500);
    fake.clearFaults();
    expect((await fetch(`${fake.baseUrl}/neko`)).status).toBe(200);
  });

  it('latencyMs delays every answer', async () => {
    const slow = await startFakeNekosBest({ latencyMs: 150 });
    try {
      const started = Date.now();
      await fetch(`${slow.baseUrl}/endpoints`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });

  it('close() ends even with a slow request in flight', async () => {
    const other = await startFakeNekosBest();
    other.addFault({ fault: { kind: 'slow', ms: 60_000 } });
    const pending = fetch(`${other.baseUrl}/neko`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
