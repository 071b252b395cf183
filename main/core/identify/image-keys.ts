import path from 'node:path';

/** The cache-protocol prefix of identification images: the cleaned uploads, previews and ranking covers. */
export const IDENTIFY_KEY_PREFIX = 'i/';
/** Our own file names only: a hex digest and one of the extensions we write. Nothing else is ever served. */
const IMAGE_NAME = /^([0-9a-f]{32,64})\.(jpg|png|webp|gif|mp4|webm)$/;

/** Where identification images are kept inside the cache folder. */
export function identifyImageDir(cacheDir: string): string {
  return path.join(cacheDir, 'identify');
}

/** The cache-protocol key of a file inside identifyImageDir: `i/<name>`. */
export function identifyImageKey(file: string): string {
  return `${IDENTIFY_KEY_PREFIX}${path.basename(file)}`;
}

/** The file a key names inside `dir`, or null for anything that is not one of our keys. */
export function identifyImageFile(dir: string, key: string): string | null {
  if (!key.startsWith(IDENTIFY_KEY_PREFIX)) return null;
  const name = key.slice(IDENTIFY_KEY_PREFIX.length);
  return IMAGE_NAME.test(name) ? path.join(dir, name) : null;
}
