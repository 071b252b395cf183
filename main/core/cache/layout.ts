import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { extensionOf, IMAGE_TYPES, type ImageContentType, type ImageExtension } from '../image-type';

/**
 * Where an entry's files live: `<root>/<first two hex digits of key>/<key>.<ext>` (data) and `<key>.json`
 * (sidecar). Every name is built from the key (a hash) and a fixed extension, never from upstream text.
 * Temp files are `<key>.<pid>-<random>.tmp` and `<key>.json.<pid>-<random>.tmp` in the same folder, so the
 * rename that publishes them stays on one file system and a later open can tell whose they were.
 */
export interface EntryPaths {
  dir: string;
  data: string;
  sidecar: string;
}

export function entryPaths(root: string, key: string, contentType: ImageContentType): EntryPaths {
  const dir = shardDir(root, key);
  return {
    dir,
    data: path.join(dir, `${key}.${extensionOf(contentType)}`),
    sidecar: path.join(dir, `${key}.json`),
  };
}

export function shardDir(root: string, key: string): string {
  return path.join(root, key.slice(0, 2));
}

/** A fresh temp name beside `finalPath` (which is a data file or a sidecar). */
export function tempPathFor(finalPath: string): string {
  return `${finalPath.replace(/\.(png|jpg|gif|webp)$/, '')}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

export const SHARD_DIR_PATTERN = /^[0-9a-f]{2}$/;

export type EntryFileName =
  | { kind: 'data'; key: string; extension: ImageExtension }
  | { kind: 'sidecar'; key: string }
  | { kind: 'temp'; key: string; pid: number };

const DATA_NAME = /^([0-9a-f]{64})\.(png|jpg|gif|webp)$/;
const SIDECAR_NAME = /^([0-9a-f]{64})\.json$/;
const TEMP_NAME = /^([0-9a-f]{64})\.(?:json\.)?(\d{1,10})-[0-9a-f]{8}\.tmp$/;

function isImageExtension(value: string): value is ImageExtension {
  return Object.hasOwn(IMAGE_TYPES, value);
}

/** What a file name in a shard folder is, or null for a name the cache never creates (left alone). */
export function parseEntryFileName(name: string): EntryFileName | null {
  const data = DATA_NAME.exec(name);
  if (data?.[1] !== undefined && data[2] !== undefined && isImageExtension(data[2])) {
    return { kind: 'data', key: data[1], extension: data[2] };
  }
  const sidecar = SIDECAR_NAME.exec(name);
  if (sidecar?.[1] !== undefined) return { kind: 'sidecar', key: sidecar[1] };
  const temp = TEMP_NAME.exec(name);
  if (temp?.[1] !== undefined && temp[2] !== undefined) {
    return { kind: 'temp', key: temp[1], pid: Number(temp[2]) };
  }
  return null;
}
