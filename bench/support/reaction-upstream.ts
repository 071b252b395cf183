import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeNekosBest, type FakeServer } from '../../tests/fakes';
import { REACTION_GIF } from './reaction-gifs';

export interface ReactionUpstream {
  /** http://127.0.0.1:PORT/api/v2, what NEKODESK_NEKOS_BEST_URL takes. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Response headers that describe the fake's body, not the one sent on. */
const BODY_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection']);

/**
 * The fake nekos.best (tests/fakes), with its latency, in front of which every reaction GIF is swapped for a
 * real-sized one (`gifs`, picked by the artwork's id) and the JSON `dimensions` of GIF results say so. The
 * API, its headers and its URLs are the fake's own, the URLs rewritten to point here.
 */
export async function startReactionUpstream(options: {
  latencyMs: number;
  gifs: readonly Buffer[];
}): Promise<ReactionUpstream> {
  const fake: FakeServer = await startFakeNekosBest({
    latencyMs: options.latencyMs,
    enforceRateLimits: false,
  });
  let origin = '';

  const relay = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = await fetch(`${fake.origin}${req.url ?? '/'}`, { method: req.method ?? 'GET' });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!BODY_HEADERS.has(name)) headers[name] = value;
    });
    const type = answer.headers.get('content-type') ?? '';
    let body: Buffer = Buffer.from(await answer.arrayBuffer());
    if (answer.ok && type === 'image/gif') body = gifFor(req.url ?? '', options.gifs);
    else if (type.startsWith('application/json')) {
      body = Buffer.from(realSizedJson(body.toString('utf8').replaceAll(fake.origin, origin)), 'utf8');
    }
    res.writeHead(answer.status, { ...headers, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    relay(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end(`bench upstream: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    baseUrl: `${origin}${new URL(fake.baseUrl).pathname}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      await fake.close();
    },
  };
}

function gifFor(url: string, gifs: readonly Buffer[]): Buffer {
  const pick = createHash('sha1').update(url).digest().readUInt32BE(0) % gifs.length;
  const gif = gifs[pick];
  if (gif === undefined) throw new Error('startReactionUpstream needs at least one GIF.');
  return gif;
}

/** `{results: [...]}` with the GIF results' `dimensions` set to the size of the GIFs served. */
function realSizedJson(text: string): string {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || !('results' in value)) return text;
  const { results } = value;
  if (!Array.isArray(results)) return text;
  for (const result of results as unknown[]) {
    if (typeof result !== 'object' || result === null) continue;
    const item = result as Record<string, unknown>;
    if (typeof item.url === 'string' && item.url.endsWith('.gif')) {
      item.dimensions = { width: REACTION_GIF.width, height: REACTION_GIF.height };
    }
  }
  return JSON.stringify(value);
}
