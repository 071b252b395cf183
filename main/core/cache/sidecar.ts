import { z } from 'zod';
import { CACHE_VARIANTS } from './cache-entry';
import { cacheKeyOf, CACHE_KEY_PATTERN, MAX_ARTWORK_ID_LENGTH } from './cache-key';
import { IMAGE_TYPES } from '../image-type';

/**
 * The small JSON file beside each data file: what the in-memory index is rebuilt from at open. It is written
 * (atomically) only after the data file is in place, so a sidecar always describes a complete file.
 * `mtimeMs` is the data file's modification time when it was stored: a file whose size or mtime no longer
 * match has been touched since, and is hashed before it is trusted again.
 */
export const sidecarSchema = z.strictObject({
  version: z.literal(1),
  key: z.string().regex(CACHE_KEY_PATTERN),
  artworkId: z.string().min(1).max(MAX_ARTWORK_ID_LENGTH),
  variant: z.enum(CACHE_VARIANTS),
  contentType: z.enum(Object.values(IMAGE_TYPES)),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mtimeMs: z.number().nonnegative(),
  storedAt: z.number().nonnegative(),
  lastUsedAt: z.number().nonnegative(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

export function serializeSidecar(sidecar: Sidecar): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(sidecar)}\n`);
}

/** The sidecar in `bytes`, or null when it is not valid JSON, not our shape, or not the key it is filed under. */
export function parseSidecar(bytes: Uint8Array, expectedKey: string): Sidecar | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const parsed = sidecarSchema.safeParse(json);
  if (!parsed.success) return null;
  const sidecar = parsed.data;
  if (sidecar.key !== expectedKey || cacheKeyOf(sidecar.artworkId, sidecar.variant) !== expectedKey)
    return null;
  return sidecar;
}
