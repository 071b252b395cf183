/**
 * Serves downloaded artwork to our pages at `nekodesk://cache/<key>`: the key names a cache entry, and
 * the file comes from that entry, never from a path in the URL. Only GET, only well-formed keys, only
 * image types; anything else is 404 (or 405), so a page can learn nothing about the disk through it.
 */
import { readFile } from 'node:fs/promises';
import { isCacheKey, parseCacheUrl } from '../core/cache';
import type { CacheEntry } from '../core/cache';

export const CACHE_SCHEME = 'nekodesk';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface CacheLookup {
  /** The entry for a key, or null (unknown key, or the cache is not open yet). */
  resolve(key: string): Pick<CacheEntry, 'path' | 'contentType' | 'size'> | null;
  /** The picker preview (WebP) a `p/…` key names, or null (see `pickerPreviewFile`). */
  previewFile?(key: string): string | null;
}

const PREVIEW_URL = /^nekodesk:\/\/cache\/(p\/[0-9a-f]{64}-\d{1,4}(?:-poster)?)$/;

export async function serveCacheRequest(
  request: Request,
  cache: CacheLookup,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
  const previewKey = PREVIEW_URL.exec(request.url)?.[1];
  if (previewKey !== undefined) {
    const file = cache.previewFile?.(previewKey) ?? null;
    return file === null ? notFound() : serveFile(file, 'image/webp', read);
  }
  const key = parseCacheUrl(request.url);
  return key === null ? notFound() : serveCachedFile(key, cache, read);
}

/** The cached file a key names, with its content type; 404 for anything else. */
export async function serveCachedFile(
  key: string,
  cache: CacheLookup,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const entry = isCacheKey(key) ? cache.resolve(key) : null;
  if (entry === null || !IMAGE_TYPES.has(entry.contentType)) return notFound();
  return serveFile(entry.path, entry.contentType, read);
}

async function serveFile(
  file: string,
  contentType: string,
  read: (file: string) => Promise<Uint8Array>,
): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch {
    return notFound(); // evicted (or not made yet) between the lookup and the read
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404 });
}
