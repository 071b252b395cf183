import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheKeyOf, cacheUrl } from '../../main/core/cache';
import { identifyImageDir, identifyImageFile } from '../../main/core/identify';
import { pickerPreviewFile } from '../../main/handlers';
import {
  byteRange,
  serveCachedFile,
  serveCacheRequest,
  type CacheLookup,
} from '../../main/shell/cache-protocol';
import { useTempDir } from '../support/temp-dir';

const KEY = cacheKeyOf('nekosia:abc', 'original');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function lookup(entries: Record<string, { path: string; contentType: string }>): CacheLookup & {
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    resolve(key) {
      asked.push(key);
      const entry = entries[key];
      return entry === undefined ? null : { ...entry, size: PNG.byteLength };
    },
  };
}

describe('the nekodesk://cache protocol', () => {
  it('serves a picker preview by its p/ key from the previews folder, as WebP', async () => {
    const hash = 'ab'.repeat(32);
    const cache: CacheLookup = {
      resolve: () => null,
      previewFile: (key) => pickerPreviewFile('/cache/picker-previews', key),
    };
    const read = vi.fn(() => Promise.resolve(PNG));
    const response = await serveCacheRequest(
      new Request(`nekodesk://cache/p/${hash}-160-poster`),
      cache,
      read,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(read).toHaveBeenCalledWith(`/cache/picker-previews/ab/${hash}-160-poster.webp`);

    for (const url of ['nekodesk://cache/p/../../etc/passwd', `nekodesk://cache/p/${hash}-160-poster/../x`]) {
      expect((await serveCacheRequest(new Request(url), cache, read)).status).toBe(404);
    }
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('serves a cached file by its key, with the entry’s content type', async () => {
    const cache = lookup({ [KEY]: { path: '/cache/data/ab/file', contentType: 'image/png' } });
    const read = vi.fn(() => Promise.resolve(PNG));
    const response = await serveCacheRequest(new Request(cacheUrl(KEY)), cache, read);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    expect(read).toHaveBeenCalledWith('/cache/data/ab/file');
  });

  it('answers 404 for unknown keys and never reads a path from the URL', async () => {
    const cache = lookup({});
    const read = vi.fn(() => Promise.resolve(PNG));
    const urls = [
      cacheUrl(KEY),
      'nekodesk://cache/../../etc/passwd',
      'nekodesk://cache/%2e%2e%2fetc%2fpasswd',
      `nekodesk://cache/${KEY}/../x`,
      `nekodesk://cache/${KEY.toUpperCase()}`,
      `nekodesk://cache/${KEY}?x=1`,
      `nekodesk://other/${KEY}`,
      'nekodesk://cache/',
      'nekodesk://cache/abc',
    ];
    for (const url of urls) {
      const response = await serveCacheRequest(new Request(url), cache, read);
      expect(response.status, url).toBe(404);
    }
    expect(cache.asked).toEqual([KEY]);
    expect(read).not.toHaveBeenCalled();
  });

  it('serves only GET', async () => {
    const cache = lookup({ [KEY]: { path: '/x', contentType: 'image/png' } });
    const response = await serveCacheRequest(new Request(cacheUrl(KEY), { method: 'POST' }), cache);
    expect(response.status).toBe(405);
    expect(cache.asked).toEqual([]);
  });

  it('refuses entries that are not images, and files gone since the lookup', async () => {
    const cache = lookup({ [KEY]: { path: '/x', contentType: 'text/html' } });
    expect((await serveCachedFile(KEY, cache, () => Promise.resolve(PNG))).status).toBe(404);
    const gone = lookup({ [KEY]: { path: '/x', contentType: 'image/png' } });
    const missing = () => Promise.reject(new Error('ENOENT'));
    expect((await serveCachedFile(KEY, gone, missing)).status).toBe(404);
  });
});

describe('identification images (i/ keys)', () => {
  const tempDir = useTempDir('nekodesk-cache-protocol-');
  const NAME = 'c0ffee'.repeat(6).slice(0, 32);
  const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  const MP4 = new Uint8Array(Array.from({ length: 40 }, (_, index) => index));

  /** A cache folder with an identification image, a clip, and a secret next to them. */
  function identifyCache(captured: Record<string, Uint8Array> = {}): CacheLookup {
    const cacheDir = tempDir();
    const dir = identifyImageDir(cacheDir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${NAME}.jpg`), JPEG);
    writeFileSync(path.join(dir, `${NAME}.mp4`), MP4);
    writeFileSync(path.join(cacheDir, 'secrets.json'), '{"key":"do not serve"}');
    writeFileSync(path.join(dir, `${NAME}.txt`), 'not an image');
    return {
      resolve: () => null,
      identifyFile: (key) => identifyImageFile(dir, key),
      captureImage: (key) => captured[key] ?? null,
    };
  }

  it('serves an identification image from its folder, with its type', async () => {
    const response = await serveCacheRequest(new Request(`nekodesk://cache/i/${NAME}.jpg`), identifyCache());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(JPEG);
  });

  it('serves a preview clip whole or by byte range, as a <video> asks', async () => {
    const cache = identifyCache();
    const url = `nekodesk://cache/i/${NAME}.mp4`;
    const whole = await serveCacheRequest(new Request(url), cache);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');

    const part = await serveCacheRequest(new Request(url, { headers: { Range: 'bytes=10-19' } }), cache);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/40');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(MP4.slice(10, 20));

    const tail = await serveCacheRequest(new Request(url, { headers: { Range: 'bytes=-5' } }), cache);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(MP4.slice(35));
    const beyond = await serveCacheRequest(new Request(url, { headers: { Range: 'bytes=40-' } }), cache);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */40');
  });

  it('serves the open region capture from memory, and nothing once it is gone', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9]);
    const key = `i/${'ab'.repeat(16)}.png`;
    const open = await serveCacheRequest(
      new Request(`nekodesk://cache/${key}`),
      identifyCache({ [key]: png }),
    );
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(png);
    const closed = await serveCacheRequest(new Request(`nekodesk://cache/${key}`), identifyCache());
    expect(closed.status).toBe(404);
  });

  it('refuses anything but our own names: no traversal, no other extensions, no odd spellings', async () => {
    const cache = identifyCache();
    const urls = [
      'nekodesk://cache/i/../secrets.json',
      'nekodesk://cache/i/..%2fsecrets.json',
      'nekodesk://cache/i/%2e%2e%2fsecrets.json',
      `nekodesk://cache/i/${NAME}.jpg/../../secrets.json`,
      `nekodesk://cache/i/${NAME}.txt`,
      `nekodesk://cache/i/${NAME.toUpperCase()}.jpg`,
      `nekodesk://cache/i/${NAME}.jpg?x=1`,
      `nekodesk://cache/i/${NAME.slice(0, 8)}.jpg`,
      `nekodesk://cache/i/${NAME}.JPG`,
      `nekodesk://cache/i//${NAME}.jpg`,
    ];
    for (const url of urls) {
      const response = await serveCacheRequest(new Request(url), cache);
      expect(response.status, url).toBe(404);
    }
  });

  it('reads byte ranges defensively', () => {
    expect(byteRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(byteRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(byteRange('bytes=8-2', 10)).toBeNull();
    expect(byteRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
    expect(byteRange('bytes=-', 10)).toBeNull();
    expect(byteRange('bytes=-0', 10)).toBeNull();
  });
});
