import { describe, expect, it } from 'vitest';
import { itemsSchema, makeClient, rejectionOf, SAMPLE } from './client-fixture';
import { sendJson, useLoopbackServer } from './loopback-server';

const serve = useLoopbackServer();

const category = { limiter: 'nekos.best:category' } as const;

describe('retries', () => {
  it('retries a 503 and returns the later success, after a jittered backoff', async () => {
    const upstream = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 503, { error: 'maintenance' });
      else sendJson(res, 200, SAMPLE);
    });
    const { client, clock } = makeClient();
    const start = clock.now();
    const response = await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    expect(response.data).toEqual(SAMPLE);
    expect(upstream.requests).toHaveLength(2);
    expect(clock.now() - start).toBe(250); // full jitter: 0.5 × the first ceiling of 500 ms
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    const upstream = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '7' });
      else sendJson(res, 200, SAMPLE);
    });
    const { client, clock } = makeClient();
    const start = clock.now();
    await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    expect(upstream.requests).toHaveLength(2);
    expect(clock.now() - start).toBe(7000);
  });

  it('fails fast with rate_limited and retryAfter when Retry-After is beyond the cap, and holds later calls', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 429, { message: 'Too many requests' }, { 'retry-after': '120' });
    });
    const { client, clock } = makeClient();
    const start = clock.now();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: 120 });
    expect(error.message).toBe('nekos.best is rate limiting us; try again in 2 min.');
    expect(clock.now()).toBe(start);

    const next = await rejectionOf(client.json(`${upstream.origin}/api/v2/waifu`, itemsSchema, category));
    expect(next).toMatchObject({ code: 'rate_limited', retryAfter: 120 });
    expect(upstream.requests).toHaveLength(1);
  });

  it('gives up after the last attempt with an upstream_error a person can read', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 502, {});
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(upstream.requests).toHaveLength(3);
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(error.message).toBe('nekos.best is having trouble (HTTP 502); try again later.');
  });

  it('never retries a POST, whatever the failure', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 503, {}, { 'retry-after': '1' });
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.json(`${upstream.origin}/api/anime/search`, itemsSchema, {
        limiter: 'whatanime:search',
        method: 'POST',
        body: new URLSearchParams({ url: 'https://example.test/shot.png' }),
      }),
    );
    expect(error).toMatchObject({ code: 'upstream_error', retryAfter: 1 });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.method).toBe('POST');
  });

  it('does not retry answers that will not change (404)', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 404, { message: 'Not found' });
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/nope`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'not_found' });
    expect(upstream.requests).toHaveLength(1);
  });

  it('sends the User-Agent on every attempt', async () => {
    const upstream = await serve((_req, res, index) => {
      if (index < 2) sendJson(res, 500, {});
      else sendJson(res, 200, SAMPLE);
    });
    const { client } = makeClient();
    await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    expect(upstream.requests.map((request) => request.headers['user-agent'])).toEqual([
      'Nekodesk/0.0.0-test (https://example.test/nekodesk)',
      'Nekodesk/0.0.0-test (https://example.test/nekodesk)',
      'Nekodesk/0.0.0-test (https://example.test/nekodesk)',
    ]);
  });
});

describe('server rate-limit hints', () => {
  it('waits for the reset when nekos.best says no requests remain', async () => {
    const { client, clock } = makeClient();
    const arrivals: number[] = [];
    const upstream = await serve((_req, res) => {
      arrivals.push(clock.now());
      const reset = new Date(clock.now() + 20_000).toISOString().replace('Z', '0000Z');
      sendJson(res, 200, SAMPLE, {
        'x-rate-limit-limit': '1m',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': reset,
      });
    });
    await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    await client.json(`${upstream.origin}/api/v2/waifu`, itemsSchema, category);
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBe(20_000);
  });

  it('retries a 429 without Retry-After at the window reset it announces', async () => {
    const { client, clock } = makeClient();
    const arrivals: number[] = [];
    const upstream = await serve((_req, res, index) => {
      arrivals.push(clock.now());
      if (index > 0) {
        sendJson(res, 200, SAMPLE);
        return;
      }
      const reset = String(Math.floor(clock.now() / 1000) + 9);
      sendJson(res, 429, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    });
    await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBe(9000);
  });

  it('obeys a Retry-After given as an HTTP date', async () => {
    const { client, clock } = makeClient();
    const arrivals: number[] = [];
    const upstream = await serve((_req, res, index) => {
      arrivals.push(clock.now());
      if (index > 0) sendJson(res, 200, SAMPLE);
      else sendJson(res, 503, {}, { 'retry-after': new Date(clock.now() + 4000).toUTCString() });
    });
    await client.json(`${upstream.origin}/api/v1/images/catgirl`, itemsSchema, { limiter: 'nekosia' });
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBe(4000);
  });
});
