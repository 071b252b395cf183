/**
 * Bytes through the harness's JSON calls. Electron's IPC carries a Uint8Array as it is (structured clone); the
 * harness sends JSON, where one would turn into `{"0":137,"1":80,…}`. So the bridge replaces each Uint8Array with
 * a tagged object, `{"$nekodeskBytes": "<base64>"}`, and the server revives it. Anything that only looks like a
 * tag (not valid base64) stays as it is, for the contract's schema to refuse. No Node and no zod here: the web
 * bridge bundles this file.
 */
export const BYTES_TAG = '$nekodeskBytes';

/**
 * Base64 characters, then at most two `=`; with a length that is a multiple of 4 (checked apart) this is exactly
 * padded base64. A plain character-class run: a pattern repeating a 4-character group overflows V8's regexp
 * backtracking stack on a few megabytes, and a screenshot is often more than that.
 */
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;
/** Bytes per String.fromCharCode call: far below any engine's argument limit. */
const CHUNK = 0x8000;

/**
 * A JSON.stringify replacer that tags every Uint8Array (`toBase64` differs between the browser and Node). It reads
 * the holder's own value, before `toJSON`: a Node Buffer would otherwise arrive as `{type: 'Buffer', data}`.
 */
export function bytesReplacer(
  toBase64: (bytes: Uint8Array) => string,
): (this: unknown, key: string, value: unknown) => unknown {
  return function (this: unknown, key, value) {
    const original = (this as Record<string, unknown>)[key];
    return original instanceof Uint8Array ? { [BYTES_TAG]: toBase64(original) } : value;
  };
}

/** A JSON.parse reviver that turns tagged base64 back into a Uint8Array. */
export function bytesReviver(
  fromBase64: (text: string) => Uint8Array,
): (key: string, value: unknown) => unknown {
  return (_key, value) => {
    const encoded = taggedBase64(value);
    return encoded === null ? value : fromBase64(encoded);
  };
}

function taggedBase64(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== BYTES_TAG) return null;
  const encoded = (value as Record<string, unknown>)[BYTES_TAG];
  return typeof encoded === 'string' && isBase64(encoded) ? encoded : null;
}

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64_TEXT.test(text);
}

/** Base64 with the browser's btoa (which takes a "binary string"), built in chunks. */
export function browserBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** How long `bytes` bytes are once base64-encoded. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
