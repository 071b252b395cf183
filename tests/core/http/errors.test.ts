import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { itemsSchema, makeClient, rejectionOf, SAMPLE } from './client-fixture';
import {
  sendJson,
  startLoopbackServer,
  unusedPort,
  type Handler,
  type LoopbackServer,
} from './loopback-server';

let server: LoopbackServer | undefined;
const hanging: ServerResponse[] = [];
afterEach(async () => {
  hanging.splice(0).forEach((res) => res.destroy());
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  server = await startLoopbackServer(handler);
  return server;
}

/** A server that accepts requests and never answers; resolves `closed` when the client hangs up. */
async function serveNothing(): Promise<{ upstream: LoopbackServer; closed: Promise<void> }> {
  let hungUp: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (hungUp = resolve));
  const upstream = await serve((req, res) => {
    hanging.push(res);
    req.socket.on('close', hungUp);
  });
  return { upstream, closed };
}

const nekosia = { limiter: 'nekosia' } as const;

describe('status codes', () => {
  it('carries a 400 message from the body into invalid_input', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 400, {
        success: false,
        status: 400,
        message: 'The category "catgirl-test" does not exist.',
      });
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.json(`${upstream.origin}/api/v1/images/catgirl-test`, itemsSchema, nekosia),
    );
    expect(error).toMatchObject({ code: 'invalid_input', status: 400 });
    expect(error.message).toBe('Nekosia rejected the request: The category "catgirl-test" does not exist.');
  });

  it('reads an `error` string when there is no `message`', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 400, { error: 'Invalid image url' });
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.json(`${upstream.origin}/api/anime/search`, itemsSchema, {
        limiter: 'whatanime:search',
        method: 'POST',
      }),
    );
    expect(error.message).toBe('whatanimeisthis.com rejected the request: Invalid image url.');
  });

  it.each([
    [401, 'unauthorized', 'Nekosia refused access (HTTP 401); check your sign-in or API key.'],
    [403, 'unauthorized', 'Nekosia refused access (HTTP 403); check your sign-in or API key.'],
    [402, 'quota_exceeded', 'Your Nekosia quota is used up; try again later.'],
    [404, 'not_found', 'Nekosia has no such item (HTTP 404).'],
  ])('maps %i to %s', async (status, code, message) => {
    const upstream = await serve((_req, res) => {
      sendJson(res, status, {});
    });
    const { client } = makeClient();
    const error = await rejectionOf(client.json(`${upstream.origin}/api/v1/images/x`, itemsSchema, nekosia));
    expect(error).toMatchObject({ code, status, message });
  });

  it('throws internal for a limiter nobody configured, before any request', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 200, SAMPLE);
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.json(`${upstream.origin}/x`, itemsSchema, { limiter: 'nekos.best:typo' }),
    );
    expect(error).toMatchObject({ code: 'internal' });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('network failures', () => {
  it('reports a refused connection as offline, naming the host', async () => {
    const port = await unusedPort();
    const { client } = makeClient({ retry: { maxAttempts: 1 } });
    const error = await rejectionOf(
      client.json(`http://127.0.0.1:${port}/api/v2/neko`, itemsSchema, nekosia),
    );
    expect(error).toMatchObject({ code: 'offline' });
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port}: the connection was refused.`);
  });

  it('times out a silent server with `timeout`, each attempt within its own limit', async () => {
    const { upstream } = await serveNothing();
    const { client } = makeClient({ retry: { maxAttempts: 2 } });
    const started = performance.now();
    const error = await rejectionOf(
      client.json(`${upstream.origin}/api/v1/images/catgirl`, itemsSchema, { ...nekosia, timeoutMs: 150 }),
    );
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toBe('Nekosia did not answer within 150 ms; try again later.');
    expect(upstream.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('abandons the request at once when the caller aborts', async () => {
    const { upstream, closed } = await serveNothing();
    const { client } = makeClient();
    const controller = new AbortController();
    const pending = client.json(`${upstream.origin}/api/v2/neko`, itemsSchema, {
      limiter: 'nekos.best:category',
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(200);
    await closed; // the connection was closed, not left running
    expect(upstream.requests).toHaveLength(1);
  });

  it('does not start anything for a caller that already aborted', async () => {
    const upstream = await serve((_req, res) => {
      sendJson(res, 200, SAMPLE);
    });
    const { client } = makeClient();
    const error = await rejectionOf(
      client.bytes(`${upstream.origin}/x`, { limiter: 'nekos.best:asset', signal: AbortSignal.abort() }),
    );
    expect(error.name).toBe('AbortError');
    expect(upstream.requests).toHaveLength(0);
  });
});
