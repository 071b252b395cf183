import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemsSchema, makeClient, rejectionOf, SAMPLE } from './client-fixture';
import { sendJson, useLoopbackServer, type Handler } from './loopback-server';

const serve = useLoopbackServer();

const category = { limiter: 'nekos.best:category' } as const;

describe('size cap', () => {
  it('refuses a body whose declared length is over the cap', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/gif', 'content-length': 4096 });
      res.end(Buffer.alloc(4096));
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.bytes(`${upstream.origin}/api/v2/baka/x.gif`, { limiter: 'nekos.best:asset', maxBytes: 1024 }),
    );
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toBe('The response from nekos.best is larger than 1 KiB; stopped reading it.');
  });

  it('stops reading an endless stream at the cap instead of waiting for its end', async () => {
    const timers: NodeJS.Timeout[] = [];
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/gif' });
      timers.push(setInterval(() => res.write(Buffer.alloc(512)), 5));
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.bytes(`${upstream.origin}/api/v2/baka/x.gif`, {
        limiter: 'nekos.best:asset',
        maxBytes: 4096,
        timeoutMs: 5000,
      }),
    );
    timers.forEach((timer) => {
      clearInterval(timer);
    });
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toContain('larger than 4 KiB');
    expect(upstream.requests).toHaveLength(1); // too large is final, not retried
  });

  it('accepts a body of exactly the cap', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(1024, 7));
    });
    const { client } = makeClient();
    const response = await client.bytes(`${upstream.origin}/a.png`, {
      limiter: 'nekos.best:asset',
      maxBytes: 1024,
    });
    expect(response.data).toHaveLength(1024);
    expect(response.data[1023]).toBe(7);
  });
});

describe('truncated bodies', () => {
  const cutOff: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
    res.write('{"results":[');
    setTimeout(() => res.socket?.destroy(), 10);
  };

  it('reports a body cut short as invalid_response, after retrying', async () => {
    const upstream = await serve(cutOff);
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toMatch(/^The response from nekos\.best was cut off \(.+\)\.$/);
    expect(upstream.requests).toHaveLength(3);
  });

  it('notices a body shorter than its content-length even when the transport does not', async () => {
    const shortBody = (): Response =>
      new Response('{"results":[]}', {
        headers: { 'content-type': 'application/json', 'content-length': '900' },
      });
    const { client } = makeClient({ fetch: () => Promise.resolve(shortBody()), retry: { maxAttempts: 1 } });
    const error = await rejectionOf(client.json('http://127.0.0.1:9/api/v2/neko', itemsSchema, category));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toBe('The response from nekos.best was cut off (got 14 bytes of 900 bytes).');
  });

  it('returns the full body when a retry succeeds', async () => {
    const upstream = await serve((req, res, index) => {
      if (index === 0) cutOff(req, res, index);
      else sendJson(res, 200, SAMPLE);
    });
    const { client } = makeClient();
    const response = await client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category);
    expect(response.data).toEqual(SAMPLE);
  });
});

describe('json()', () => {
  it('refuses a response that is not JSON', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html>Just a moment...</html>');
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toBe('nekos.best sent "text/html" where JSON was expected.');
  });

  it('refuses invalid JSON', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"results": [');
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toBe('nekos.best sent a response that is not valid JSON.');
  });

  it('names the failing path when the schema does not match', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 200, { results: [{ url: 'https://example.test/1.png', anime_name: 'A' }, { url: 42 }] });
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, category));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toBe(
      'nekos.best sent data Nekodesk does not understand: results[1].url: expected string, received number (and 1 more).',
    );
  });

  it('returns parsed, validated data with the status and headers', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 200, { count: 3, extra: true }, { 'x-rate-limit-remaining': '198' });
    });
    const { client } = makeClient();
    const response = await client.json(
      `${upstream.origin}/api/v1/images/catgirl`,
      z.object({ count: z.number() }),
      {
        limiter: 'nekosia',
      },
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ count: 3 });
    expect(response.headers.get('x-rate-limit-remaining')).toBe('198');
  });
});

describe('bytes()', () => {
  it('returns the raw bytes and the URL-encoded metadata headers', async () => {
    const gif = Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1');
    const upstream = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'image/gif',
        'content-length': gif.byteLength,
        anime_name: encodeURIComponent('Sousou no Frieren'),
      });
      res.end(gif);
    });
    const { client } = makeClient();
    const response = await client.bytes(`${upstream.origin}/api/v2/baka/x.gif`, {
      limiter: 'nekos.best:asset',
    });
    expect(Buffer.from(response.data).equals(gif)).toBe(true);
    expect(decodeURIComponent(response.headers.get('anime_name') ?? '')).toBe('Sousou no Frieren');
  });
});
