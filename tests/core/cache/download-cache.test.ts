import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { DownloadCache, type CacheEntry } from '../../../main/core/cache';
import { NekodeskError } from '../../../main/core/errors';
import { encodePng, startFakeNekosBest, startFakeNekosia, type FakeServer } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';
import { listFiles, nekosBestArtworks, nekosiaArtworks, sha256, startByteServer, testHttp } from './helpers';

const ENTRY_FILE = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(png|jpg|gif|webp|json)$/;

let nekos: FakeServer;
let nekosia: FakeServer;
let nekosArt: Artwork[];
let nekosiaArt: Artwork[];
const tempDir = useTempDir('nekodesk-cache-');

beforeAll(async () => {
  nekos = await startFakeNekosBest({ enforceRateLimits: false });
  nekosia = await startFakeNekosia({ enforceRateLimits: false });
  nekosArt = nekosBestArtworks(nekos.baseUrl);
  nekosiaArt = nekosiaArtworks(nekosia.origin);
});

afterAll(async () => {
  await Promise.all([nekos.close(), nekosia.close()]);
});

function requestsFor(server: FakeServer, url: string): number {
  const { pathname } = new URL(url);
  return server.requests.filter((request) => request.path === pathname).length;
}

async function upstreamBytes(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

function openCache(root: string, options: { shareInFlight?: boolean; maxFileBytes?: number } = {}) {
  return DownloadCache.open({ root, http: testHttp(options), ...options });
}

function byIndex<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('DownloadCache: download and reopen', () => {
  it('stores the exact bytes under a hashed path and serves them again after reopening', async () => {
    const root = path.join(tempDir(), 'cache');
    const artwork = byIndex(nekosArt, 0);
    const expected = await upstreamBytes(artwork.url);
    const before = requestsFor(nekos, artwork.url);
    const cache = await openCache(root);
    const entry = await cache.ensure(artwork, 'original');

    expect(entry).toMatchObject({ artworkId: artwork.id, variant: 'original', contentType: 'image/png' });
    expect(entry.size).toBe(expected.byteLength);
    expect(entry.sha256).toBe(sha256(expected));
    expect(readFileSync(entry.path).equals(expected)).toBe(true);
    expect(path.relative(root, entry.path).split(path.sep).join('/')).toMatch(ENTRY_FILE);
    expect(listFiles(root)).toHaveLength(2); // data + sidecar

    // A second ensure is a hit: no new request.
    await cache.ensure(artwork, 'original');
    expect(requestsFor(nekos, artwork.url)).toBe(before + 1);
    await cache.close();

    const reopened = await openCache(root);
    const again = reopened.get(artwork.id, 'original');
    expect(again).toMatchObject({ key: entry.key, path: entry.path, size: entry.size, sha256: entry.sha256 });
    expect(reopened.resolve(entry.key)?.path).toBe(entry.path);
    expect(reopened.stats()).toMatchObject({ entries: 1, bytes: entry.size });
    await reopened.ensure(artwork, 'original');
    expect(requestsFor(nekos, artwork.url)).toBe(before + 1);
    await reopened.close();
  });

  it('downloads a Nekosia preview (the compressed JPEG) apart from its original', async () => {
    const cache = await openCache(tempDir());
    const artwork = byIndex(nekosiaArt, 0);
    const preview = await cache.ensure(artwork, 'preview');
    const original = await cache.ensure(artwork, 'original');
    expect(preview.contentType).toBe('image/jpeg');
    expect(preview.path.endsWith('.jpg')).toBe(true);
    expect(preview.sha256).toBe(sha256(await upstreamBytes(artwork.previewUrl)));
    expect(original.contentType).toBe('image/png');
    expect(original.key).not.toBe(preview.key);
    expect(cache.get(artwork.id, 'preview')?.key).toBe(preview.key);
    await cache.close();
  });

  it('stores a nekos.best preview (same URL as the original) once, as the original', async () => {
    const cache = await openCache(tempDir());
    const gif = nekosArt.find((artwork) => artwork.kind === 'gif');
    if (!gif) throw new Error('no gif');
    const preview = await cache.ensure(gif, 'preview');
    const original = await cache.ensure(gif, 'original');
    expect(preview.key).toBe(original.key);
    expect(preview).toMatchObject({ variant: 'original', contentType: 'image/gif' });
    expect(requestsFor(nekos, gif.url)).toBe(1);
    expect(cache.stats().entries).toBe(1);
    await cache.close();
  });

  it('takes the type from the bytes, not from the URL or the content-type header', async () => {
    const png = encodePng(4, 4, [10, 20, 30]);
    const server = await startByteServer({ '/cat.gif': { contentType: 'image/gif', body: png } });
    try {
      const cache = await openCache(tempDir());
      const artwork = { ...byIndex(nekosArt, 1), url: `${server.origin}/cat.gif` };
      const entry = await cache.ensure({ ...artwork, previewUrl: artwork.url }, 'original');
      expect(entry.contentType).toBe('image/png');
      expect(entry.path.endsWith('.png')).toBe(true);
      await cache.close();
    } finally {
      await server.close();
    }
  });

  it('refuses bytes that are not an image with a clear error and stores nothing', async () => {
    const root = tempDir();
    const cache = await openCache(root);
    const artwork = byIndex(nekosArt, 2);
    nekos.addFault({
      fault: { kind: 'wrong-content-type' },
      path: new RegExp(new URL(artwork.url).pathname),
    });
    try {
      const failure = cache.ensure(artwork, 'original');
      await expect(failure).rejects.toBeInstanceOf(NekodeskError);
      await expect(failure).rejects.toMatchObject({ code: 'invalid_response' });
      await expect(failure).rejects.toThrow(
        /^nekos\.best sent a file that is not a PNG, JPEG, GIF or WebP image for nekos\.best:[0-9a-f-]+; it was not saved\.$/,
      );
    } finally {
      nekos.clearFaults();
    }
    expect(listFiles(root)).toEqual([]);
    expect(cache.get(artwork.id, 'original')).toBeNull();
    await cache.close();
  });

  it('refuses a file larger than maxFileBytes', async () => {
    const root = tempDir();
    const cache = await openCache(root, { maxFileBytes: 64 });
    const failure = cache.ensure(byIndex(nekosArt, 3), 'original');
    await expect(failure).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(failure).rejects.toThrow(/larger than 64 bytes/);
    expect(listFiles(root)).toEqual([]);
    await cache.close();
  });

  it('never fetches an address that is not plain http(s)', async () => {
    const cache = await openCache(tempDir());
    const artwork = { ...byIndex(nekosArt, 4), url: 'file:///etc/passwd', previewUrl: 'file:///etc/passwd' };
    await expect(cache.ensure(artwork, 'original')).rejects.toMatchObject({ code: 'invalid_input' });
    await cache.close();
  });

  it('removes both variants of an artwork from disk', async () => {
    const root = tempDir();
    const cache = await openCache(root);
    const artwork = byIndex(nekosiaArt, 1);
    await cache.ensure(artwork, 'original');
    await cache.ensure(artwork, 'preview');
    expect(listFiles(root)).toHaveLength(4);
    expect(await cache.remove(artwork.id)).toBe(2);
    expect(listFiles(root)).toEqual([]);
    expect(cache.get(artwork.id, 'original')).toBeNull();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    await cache.close();
  });
});

describe('DownloadCache: sharing, progress, abort', () => {
  it('shares one download between concurrent callers (one upstream request)', async () => {
    const cache = await openCache(tempDir(), { shareInFlight: false });
    const artwork = byIndex(nekosArt, 5);
    const entries = await Promise.all(Array.from({ length: 6 }, () => cache.ensure(artwork, 'original')));
    expect(requestsFor(nekos, artwork.url)).toBe(1);
    expect(new Set(entries.map((entry) => entry.path)).size).toBe(1);
    await cache.close();
  });

  it('reports progress to every caller, late joiners included, and at once on a hit', async () => {
    const cache = await openCache(tempDir());
    const artwork = byIndex(nekosArt, 6);
    const first: [number, number | null][] = [];
    const second: [number, number | null][] = [];
    const a = cache.ensure(artwork, 'original', { onProgress: (r, t) => first.push([r, t]) });
    const b = cache.ensure(artwork, 'original', { onProgress: (r, t) => second.push([r, t]) });
    const entry = await a;
    await b;
    expect(first).toEqual([
      [0, null],
      [entry.size, entry.size],
    ]);
    expect(second).toEqual(first);
    const hit: [number, number | null][] = [];
    await cache.ensure(artwork, 'original', { onProgress: (r, t) => hit.push([r, t]) });
    expect(hit).toEqual([[entry.size, entry.size]]);
    await cache.close();
  });

  it('reports progress as the bytes arrive, with the total the server announced', async () => {
    const cache = await openCache(tempDir());
    const artwork = byIndex(nekosArt, 8);
    const seen: [number, number | null][] = [];
    // A PNG signature followed by 1 MiB: the cache checks the type by its magic number, not by decoding.
    const body = Buffer.concat([encodePng(4, 4, [1, 2, 3]), randomBytes(1024 * 1024)]);
    const server = await startByteServer({ '/big.png': { contentType: 'image/png', body } });
    try {
      const entry = await cache.ensure({ ...artwork, url: `${server.origin}/big.png` }, 'original', {
        onProgress: (received, total) => seen.push([received, total]),
      });
      expect(seen[0]).toEqual([0, null]);
      expect(seen.length).toBeGreaterThan(3);
      const received = seen.slice(1).map(([count]) => count);
      expect(received).toEqual([...received].sort((a, b) => a - b));
      expect(seen.at(-1)).toEqual([body.byteLength, body.byteLength]);
      expect(entry.size).toBe(body.byteLength);
    } finally {
      await server.close();
      await cache.close();
    }
  });

  it('an aborted download rejects at once and leaves nothing behind', async () => {
    const root = tempDir();
    const cache = await openCache(root);
    const artwork = byIndex(nekosArt, 7);
    nekos.addFault({ fault: { kind: 'slow', ms: 400 }, path: new RegExp(new URL(artwork.url).pathname) });
    try {
      const controller = new AbortController();
      const pending = cache.ensure(artwork, 'original', { signal: controller.signal });
      setTimeout(() => {
        controller.abort();
      }, 50);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await new Promise((resolve) => setTimeout(resolve, 500)); // past the server's answer
    } finally {
      nekos.clearFaults();
    }
    expect(listFiles(root)).toEqual([]);
    expect(cache.get(artwork.id, 'original')).toBeNull();
    await cache.close();
  });

  it('one caller leaving does not stop the download the others share', async () => {
    const cache = await openCache(tempDir());
    const artwork = byIndex(nekosArt, 8);
    nekos.addFault({ fault: { kind: 'slow', ms: 150 }, path: new RegExp(new URL(artwork.url).pathname) });
    try {
      const controller = new AbortController();
      const leaving = cache.ensure(artwork, 'original', { signal: controller.signal });
      const staying = cache.ensure(artwork, 'original');
      controller.abort();
      await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
      const entry: CacheEntry = await staying;
      expect(readFileSync(entry.path).byteLength).toBe(entry.size);
    } finally {
      nekos.clearFaults();
    }
    await cache.close();
  });
});

describe('DownloadCache: hostile ids and keys', () => {
  const hostile = [
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/absolute/path',
    '葬送のフリーレン/../../😺',
    'nul\u0000byte\nnewline',
    'x'.repeat(4000),
  ];

  it('keeps every file inside the root whatever the artwork id', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'cache');
    const cache = await openCache(root);
    const template = byIndex(nekosArt, 9);
    for (const id of hostile) {
      const entry = await cache.ensure({ ...template, id }, 'original');
      expect(cache.get(id, 'original')?.key).toBe(entry.key);
      expect(path.relative(root, entry.path).startsWith('..')).toBe(false);
    }
    expect(readdirSync(parent)).toEqual(['cache']);
    const files = listFiles(root);
    expect(files).toHaveLength(hostile.length * 2);
    for (const file of files) expect(file).toMatch(ENTRY_FILE);
    await cache.close();

    const reopened = await openCache(root);
    for (const id of hostile) expect(reopened.get(id, 'original')).not.toBeNull();
    await reopened.close();
  });

  it('refuses an absurdly long id and resolves only well-formed known keys', async () => {
    const cache = await openCache(tempDir());
    const template = byIndex(nekosArt, 10);
    await expect(cache.ensure({ ...template, id: 'x'.repeat(5000) }, 'original')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const entry = await cache.ensure(template, 'original');
    expect(cache.resolve(entry.key)?.path).toBe(entry.path);
    expect(cache.resolve(entry.key.toUpperCase())).toBeNull();
    expect(cache.resolve(`../${entry.key}`)).toBeNull();
    expect(cache.resolve('../../etc/passwd')).toBeNull();
    expect(cache.resolve('0'.repeat(64))).toBeNull();
    await cache.close();
  });
});
