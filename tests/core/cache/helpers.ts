// Shared pieces of the download-cache tests: artworks pointing at the fake servers, an HTTP client, file listings.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Artwork } from '../../../main/core/artwork';
import { systemClock } from '../../../main/core/clock';
import { HttpClient } from '../../../main/core/http/http-client';
import { NO_RATE_LIMIT } from '../../../main/core/http/upstream-limits';
import { NEKOS_ITEMS } from '../../fakes/nekos-best-data';
import { nekosiaImages } from '../../fakes/nekosia-data';

/** nekos.best artworks as the client would map them, at the fake's base URL (`…/api/v2`). */
export function nekosBestArtworks(baseUrl: string): Artwork[] {
  return NEKOS_ITEMS.map((item) => {
    const url = `${baseUrl}/${item.category}/${item.id}.${item.format}`;
    return {
      id: `nekos.best:${item.id}`,
      source: 'nekos.best',
      kind: item.format === 'gif' ? 'gif' : 'image',
      category: item.category,
      url,
      previewUrl: url,
      width: item.width,
      height: item.height,
      rating: 'safe',
      tags: [],
      anime: item.animeName ?? null,
      character: null,
      artist: item.artistName === undefined ? null : { name: item.artistName, url: item.artistHref ?? null },
      sourceUrl: item.sourceUrl ?? null,
      colors: null,
    };
  });
}

/** Nekosia artworks at the fake's origin: the original PNG and the compressed JPEG preview. */
export function nekosiaArtworks(origin: string): Artwork[] {
  return nekosiaImages().map((image) => {
    const base = `${origin}/images/${image.category}/${image.id}`;
    return {
      id: `nekosia:${image.id}`,
      source: 'nekosia',
      kind: 'image',
      category: image.category,
      url: `${base}.png`,
      previewUrl: `${base}-compressed.jpg`,
      width: image.original.width,
      height: image.original.height,
      rating: image.rating,
      tags: image.tags,
      anime: image.anime.title,
      character: image.anime.character,
      artist: null,
      sourceUrl: null,
      colors: image.colors,
    };
  });
}

/** A real HttpClient over loopback with no client-side limits; sharing of identical GETs can be turned off. */
export function testHttp(options: { shareInFlight?: boolean } = {}): HttpClient {
  return new HttpClient({
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    limits: { 'nekos.best:asset': NO_RATE_LIMIT, nekosia: NO_RATE_LIMIT },
    retry: { maxAttempts: 1 },
    shareInFlight: options.shareInFlight ?? true,
  });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under `dir`, as paths relative to it ('/'-separated), sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface ByteRoute {
  contentType: string;
  body: Uint8Array;
}

/** A tiny server answering fixed bytes per path (for upstreams that lie about what they send). */
export async function startByteServer(
  routes: Record<string, ByteRoute>,
): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(pathname);
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': route.contentType,
      'content-length': String(route.body.byteLength),
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
