import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpTransport } from '../http/types';
import { sniffImageType } from '../image-type';
import { identifyImageFile, identifyImageKey } from './image-keys';

/** Preview stills and ranking covers are small (tens of KB); anything far bigger is not what was promised. */
export const MAX_PREVIEW_IMAGE_BYTES = 4 * 1024 * 1024;
/** Preview clips are a few seconds long (hundreds of KB). */
export const MAX_PREVIEW_VIDEO_BYTES = 12 * 1024 * 1024;
/**
 * The limiter previews and covers draw from (whatanimeisthis.com's media and AniList's covers): a bucket of
 * their own, so the ten files one search can bring never starve the API calls' budget.
 */
export const MEDIA_LIMITER = 'whatanime:media';
const MEDIA_TIMEOUT_MS = 20_000;

export type MediaKind = 'image' | 'video';

/** The extensions a download of each kind can be saved with (by its bytes). */
const EXTENSIONS: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['jpg', 'png', 'webp', 'gif'],
  video: ['mp4', 'webm'],
};

/** An MP4 (ISO base media `ftyp` box) or a WebM (EBML header), by its first bytes. */
function sniffVideo(bytes: Uint8Array): 'mp4' | 'webm' | null {
  if (bytes.byteLength >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp') return 'mp4';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  return null;
}

function extensionOf(bytes: Uint8Array, kind: MediaKind): string | null {
  return kind === 'image' ? (sniffImageType(bytes)?.extension ?? null) : sniffVideo(bytes);
}

function digest(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 40);
}

/**
 * The files identification shows: cleaned uploads, candidates' previews and ranking covers, kept in one folder
 * of the cache as `<digest>.<ext>` and named to the renderer as `i/<name>` keys (never a remote URL). Downloads
 * go through the HTTP layer with a size cap and are checked by their bytes; a failure gives null, never an
 * error, since a missing preview must not fail an identification.
 */
export class MediaStore {
  readonly dir: string;
  readonly #http: () => HttpTransport;
  /** The same URL asked for twice at once is downloaded once. */
  readonly #running = new Map<string, Promise<string | null>>();

  constructor(dir: string, http: () => HttpTransport) {
    this.dir = dir;
    this.#http = http;
  }

  /** Keeps the cleaned upload; answers its key. */
  async saveUpload(jpeg: Uint8Array): Promise<string> {
    const file = path.join(this.dir, `${digest(jpeg)}.jpg`);
    if (!(await reuse(file))) await this.#write(file, jpeg);
    return identifyImageKey(file);
  }

  /** Downloads (once) an http(s) preview or cover; its key, or null when it could not be had. */
  download(url: string | null, kind: MediaKind, signal?: AbortSignal): Promise<string | null> {
    if (url === null) return Promise.resolve(null);
    const id = `${kind}\n${url}`;
    const running = this.#running.get(id);
    if (running) return running;
    const job = this.#download(url, kind, signal)
      .catch(() => null)
      .finally(() => this.#running.delete(id));
    this.#running.set(id, job);
    return job;
  }

  async #download(url: string, kind: MediaKind, signal: AbortSignal | undefined): Promise<string | null> {
    const stem = digest(`${kind}\n${url}`);
    const existing = await this.#existing(stem, kind);
    if (existing !== null) return existing;
    const response = await this.#http().bytes(url, {
      limiter: MEDIA_LIMITER,
      maxBytes: kind === 'image' ? MAX_PREVIEW_IMAGE_BYTES : MAX_PREVIEW_VIDEO_BYTES,
      timeoutMs: MEDIA_TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    const extension = extensionOf(response.data, kind);
    if (extension === null) return null;
    const file = path.join(this.dir, `${stem}.${extension}`);
    await this.#write(file, response.data);
    return identifyImageKey(file);
  }

  /** A key of a file already downloaded for this stem, whatever extension its bytes gave it. */
  async #existing(stem: string, kind: MediaKind): Promise<string | null> {
    for (const extension of EXTENSIONS[kind]) {
      const file = path.join(this.dir, `${stem}.${extension}`);
      if (await reuse(file)) return identifyImageKey(file);
    }
    return null;
  }

  /** Whether a key still names a file on disk (the cache may have been cleared). */
  async exists(key: string): Promise<boolean> {
    const file = identifyImageFile(this.dir, key);
    return file !== null && (await isFile(file));
  }

  /** Deletes the files of these keys (ignoring any that are gone or not ours). */
  async remove(keys: Iterable<string>): Promise<void> {
    for (const key of new Set(keys)) {
      const file = identifyImageFile(this.dir, key);
      if (file !== null) await rm(file, { force: true });
    }
  }

  /** Deletes files older than `maxAgeMs` that no key in `keep` names (results never saved to the history). */
  async prune(keep: ReadonlySet<string>, maxAgeMs: number, now: number): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      if (keep.has(identifyImageKey(name))) continue;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => null);
      if (info === null || !info.isFile() || now - info.mtimeMs < maxAgeMs) continue;
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  /** Writes beside, then renames: a reader never sees half a file. */
  async #write(file: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

/**
 * Whether the file is there to be used again; if so its time is set to now, since `prune` counts an unsaved
 * result's age from it: a preview first downloaded days ago and shown again today must not go at the next start.
 */
async function reuse(file: string): Promise<boolean> {
  if (!(await isFile(file))) return false;
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
  return true;
}

async function isFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info?.isFile() === true;
}
