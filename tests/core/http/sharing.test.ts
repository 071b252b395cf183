import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { itemsSchema, makeClient, rejectionOf, SAMPLE } from './client-fixture';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers only when `release()` is called, so callers pile up while the request is in flight. */
async function serveOnRelease(): Promise<{
  upstream: LoopbackServer;
  release: () => void;
  arrived: () => Promise<void>;
  hangUps: IncomingMessage[];
}> {
  const waiting: ServerResponse[] = [];
  const hangUps: IncomingMessage[] = [];
  let onArrival: () => void = () => undefined;
  const upstream = await startLoopbackServer((req, res) => {
    waiting.push(res);
    req.socket.on('close', () => hangUps.push(req));
    onArrival();
  });
  server = upstream;
  return {
    upstream,
    hangUps,
    release: () => {
      waiting.splice(0).forEach((res) => {
        sendJson(res, 200, SAMPLE);
      });
    },
    arrived: () =>
      new Promise<void>((resolve) => {
        if (waiting.length > 0) resolve();
        else onArrival = resolve;
      }),
  };
}

const category = { limiter: 'nekos.best:category' } as const;

describe('identical in-flight GETs', () => {
  it('share one upstream request between 50 concurrent callers, and every caller gets the data', async () => {
    const { upstream, release, arrived } = await serveOnRelease();
    const { client } = makeClient();
    const url = `${upstream.origin}/api/v2/neko?amount=1`;
    const calls = Array.from({ length: 50 }, () => client.json(url, itemsSchema, category));
    await arrived();
    release();
    const responses = await Promise.all(calls);
    expect(upstream.requests).toHaveLength(1);
    expect(responses.map((response) => response.data)).toEqual(Array.from({ length: 50 }, () => SAMPLE));
  });

  it('start a fresh request once the shared one has settled', async () => {
    const upstream = await startLoopbackServer((_req, res) => {
      sendJson(res, 200, SAMPLE);
    });
    server = upstream;
    const { client } = makeClient();
    const url = `${upstream.origin}/api/v2/neko`;
    await client.json(url, itemsSchema, category);
    await client.json(url, itemsSchema, category);
    expect(upstream.requests).toHaveLength(2);
    expect(client.inFlight).toBe(0);
  });

  it('are not shared across different credentials or for POSTs', async () => {
    const { upstream, release, arrived } = await serveOnRelease();
    const { client } = makeClient();
    const url = `${upstream.origin}/api/v1/images/catgirl`;
    const calls = [
      client.json(url, itemsSchema, { limiter: 'nekosia', headers: { Authorization: 'Bearer a' } }),
      client.json(url, itemsSchema, { limiter: 'nekosia', headers: { Authorization: 'Bearer b' } }),
      client.json(url, itemsSchema, { limiter: 'nekosia', method: 'POST' }),
      client.json(url, itemsSchema, { limiter: 'nekosia', method: 'POST' }),
    ];
    await arrived();
    while (upstream.requests.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await Promise.all(calls);
    expect(upstream.requests).toHaveLength(4);
  });

  it('let one caller leave without disturbing the others', async () => {
    const { upstream, release, arrived, hangUps } = await serveOnRelease();
    const { client } = makeClient();
    const url = `${upstream.origin}/api/v2/neko`;
    const controller = new AbortController();
    const leaving = client.json(url, itemsSchema, { ...category, signal: controller.signal });
    const staying = [client.json(url, itemsSchema, category), client.json(url, itemsSchema, category)];
    await arrived();
    controller.abort();
    expect((await rejectionOf(leaving)).name).toBe('AbortError');
    release();
    const responses = await Promise.all(staying);
    expect(responses.map((response) => response.data)).toEqual([SAMPLE, SAMPLE]);
    expect(upstream.requests).toHaveLength(1);
    expect(hangUps).toHaveLength(0);
  });

  it('abort the upstream request when every caller has left', async () => {
    const { upstream, arrived, hangUps } = await serveOnRelease();
    const { client } = makeClient();
    const url = `${upstream.origin}/api/v2/neko`;
    const controllers = [new AbortController(), new AbortController()];
    const calls = controllers.map((controller) =>
      client.json(url, itemsSchema, { ...category, signal: controller.signal }),
    );
    await arrived();
    controllers.forEach((controller) => {
      controller.abort();
    });
    for (const call of calls) expect((await rejectionOf(call)).name).toBe('AbortError');
    while (hangUps.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(hangUps).toHaveLength(1);
    expect(client.inFlight).toBe(0);
  });
});
