import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { HttpClient } from '../main/core/http/http-client';
import { UPSTREAM_RATE_LIMITS } from '../main/core/http/upstream-limits';
import { FakeClock } from '../tests/support/fake-clock';
import type { Benchmark, Figure } from './figure';

const CALLERS = 50;
const schema = z.object({ results: z.array(z.object({ url: z.string() })) });

/** 50 concurrent identical GETs against a server that takes 50 ms to answer; returns the requests it saw. */
async function upstreamRequests(shareInFlight: boolean): Promise<number> {
  let seen = 0;
  const server = createServer((_req, res) => {
    seen += 1;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: [{ url: 'https://nekos.example/hug/1.gif' }] }));
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const client = new HttpClient({
      fetch: (input, init) => fetch(input, init),
      clock: new FakeClock({ autoAdvance: true }),
      limits: UPSTREAM_RATE_LIMITS,
      shareInFlight,
    });
    const url = `http://127.0.0.1:${port}/api/v2/hug?amount=1`;
    await Promise.all(
      Array.from({ length: CALLERS }, () => client.json(url, schema, { limiter: 'nekos.best:category' })),
    );
    return seen;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
}

export const requestSharing: Benchmark = {
  name: 'request sharing',
  async run(): Promise<Figure[]> {
    const shared = await upstreamRequests(true);
    const unshared = await upstreamRequests(false);
    return [
      {
        name: 'upstream requests for 50 identical concurrent GETs',
        value: shared,
        baseline: unshared,
        note: 'baseline: the same client with in-flight sharing off',
        target: { atMost: 1 },
      },
    ];
  },
};
