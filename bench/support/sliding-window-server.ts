import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlidingWindowServer {
  origin: string;
  /** Virtual arrival times of the requests it accepted. */
  accepted: number[];
  /** How many it refused with 429. */
  rejected: number;
  close(): Promise<void>;
}

export interface SlidingWindowServerOptions {
  /** The same (fake) clock the client runs on. */
  now: () => number;
  limit: number;
  windowMs: number;
}

/** nekos.best's reset format: ISO with seven fraction digits. */
function isoReset(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '0000Z');
}

/**
 * A stand-in for nekos.best's category endpoints that enforces a strict sliding window (never more than `limit`
 * accepted in any `windowMs`) against the given clock, answers 429 with Retry-After beyond it, and sends the
 * `x-rate-limit-*` headers the real service sends.
 */
export async function startSlidingWindowServer(
  options: SlidingWindowServerOptions,
): Promise<SlidingWindowServer> {
  const { now, limit, windowMs } = options;
  const accepted: number[] = [];
  const state = { rejected: 0 };
  const server = createServer((req, res) => {
    const at = now();
    const inWindow = accepted.filter((time) => at - time < windowMs);
    const oldest = inWindow[0] ?? at;
    if (inWindow.length >= limit) {
      state.rejected += 1;
      const wait = Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
      res.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(wait),
        'x-rate-limit-limit': '1m',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': isoReset(oldest + windowMs),
      });
      res.end(JSON.stringify({ message: 'Too many requests' }));
      return;
    }
    accepted.push(at);
    const body = JSON.stringify({
      results: [{ url: `https://nekos.example/neko/${accepted.length}.png`, anime_name: 'Bench' }],
      path: req.url,
    });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': '1m',
      'x-rate-limit-remaining': String(limit - inWindow.length - 1),
      'x-rate-limit-reset': isoReset(oldest + windowMs),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    accepted,
    get rejected() {
      return state.rejected;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
