import { describe, expect, it, vi } from 'vitest';
import { cacheKeyOf, cacheUrl } from '../../main/core/cache';
import { pickerPreviewFile } from '../../main/handlers';
import { serveCachedFile, serveCacheRequest, type CacheLookup } from '../../main/shell/cache-protocol';

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
