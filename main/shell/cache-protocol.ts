/**
 * Serves downloaded artwork to our pages at `nekodesk://cache/<key>`: the key names a cache entry, and
 * the file comes from that entry, never from a path in the URL. Only GET, only well-formed keys, only
 * image types (and, for identification previews, short videos); anything else is 404 (or 405), so a page
 * can learn nothing about the disk through it.
 * - `p/<sha256>-<width>[-poster]`: a picker preview (WebP) in the previews folder;
 * - `i/<hex>.<ext>`: an identification image or preview clip (main/core/identify's `identifyImageFile`),
 *   or the open region capture's screenshot, which lives in memory only;
 * - anything else: a download-cache key.
 * Videos honour a single `Range` (Chromium's media loader asks for parts of a clip).
 */
import { readFile } from 'node:fs/promises';
import { isCacheKey, parseCacheUrl } from '../core/cache';
import type { CacheEntry } from '../core/cache';

export const CACHE_SCHEME = 'nekodesk';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The types of identification files, by the extensions the core writes (see identifyImageFile). */
const IDENTIFY_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

export interface CacheLookup {
  /** The entry for a key, or null (unknown key, or the cache is not open yet). */
  resolve(key: string): Pick<CacheEntry, 'path' | 'contentType' | 'size'> | null;
  /** The picker preview (WebP) a `p/…` key names, or null (see `pickerPreviewFile`). */
  previewFile?(key: string): string | null;
  /** The identification file an `i/…` key names, or null (see `identifyImageFile`). */
  identifyFile?(key: string): string | null;
  /** The open region capture's screenshot (PNG) for its `i/…` key, or null. */
  captureImage?(key: string): Uint8Array | null;
}

const PREVIEW_URL = /^nekodesk:\/\/cache\/(p\/[0-9a-f]{64}-\d{1,4}(?:-poster)?)$/;
const IDENTIFY_URL = /^nekodesk:\/\/cache\/(i\/[0-9a-f]{32,64}\.(jpg|png|webp|gif|mp4|webm))$/;

type Read = (file: string) => Promise<Uint8Array>;

export async function serveCacheRequest(
  request: Request,
  cache: CacheLookup,
  read: Read = readFile,
): Promise<Response> {
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
  const previewKey = PREVIEW_URL.exec(request.url)?.[1];
  if (previewKey !== undefined) {
    const file = cache.previewFile?.(previewKey) ?? null;
    return file === null ? notFound() : serveFile(file, 'image/webp', read);
  }
  const identify = IDENTIFY_URL.exec(request.url);
  if (identify !== null)
    return serveIdentifyFile(identify[1] ?? '', IDENTIFY_TYPES[identify[2] ?? ''], request, cache, read);
  const key = parseCacheUrl(request.url);
  return key === null ? notFound() : serveCachedFile(key, cache, read);
}

/** The cached file a key names, with its content type; 404 for anything else. */
export async function serveCachedFile(
  key: string,
  cache: CacheLookup,
  read: Read = readFile,
): Promise<Response> {
  const entry = isCacheKey(key) ? cache.resolve(key) : null;
  if (entry === null || !IMAGE_TYPES.has(entry.contentType)) return notFound();
  return serveFile(entry.path, entry.contentType, read);
}

async function serveIdentifyFile(
  key: string,
  contentType: string | undefined,
  request: Request,
  cache: CacheLookup,
  read: Read,
): Promise<Response> {
  if (contentType === undefined) return notFound();
  const captured = cache.captureImage?.(key) ?? null;
  if (captured !== null) return respond(captured, contentType, null);
  const file = cache.identifyFile?.(key) ?? null;
  if (file === null) return notFound();
  const range = contentType.startsWith('video/') ? request.headers.get('range') : null;
  return serveFile(file, contentType, read, range);
}

async function serveFile(
  file: string,
  contentType: string,
  read: Read,
  range: string | null = null,
): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch {
    return notFound(); // evicted (or not made yet) between the lookup and the read
  }
  return respond(bytes, contentType, range);
}

function respond(bytes: Uint8Array, contentType: string, range: string | null): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
  };
  if (contentType.startsWith('video/')) headers['Accept-Ranges'] = 'bytes';
  if (range !== null) {
    const part = byteRange(range, bytes.byteLength);
    if (part === null) {
      return new Response('Range not satisfiable', {
        status: 416,
        headers: { 'Content-Range': `bytes */${String(bytes.byteLength)}` },
      });
    }
    const slice = bytes.slice(part.start, part.end + 1);
    headers['Content-Range'] = `bytes ${String(part.start)}-${String(part.end)}/${String(bytes.byteLength)}`;
    headers['Content-Length'] = String(slice.byteLength);
    return new Response(slice, { status: 206, headers });
  }
  headers['Content-Length'] = String(bytes.byteLength);
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

/** One `bytes=start-end`, `bytes=start-` or `bytes=-suffix` range within `size` bytes, else null. */
export function byteRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || size === 0) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start > end || start >= size ? null : { start, end };
}

function notFound(): Response {
  return new Response('Not found', { status: 404 });
}
