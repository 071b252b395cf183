import { NekodeskError } from '../errors';
import { formatBytes } from '../http/human-text';
import { errorCode } from './cache-fs';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A short, printable form of an artwork id for messages (ids come from upstream data). */
export function describeArtwork(artworkId: string): string {
  const printable = artworkId.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return printable.length > 80 ? `${printable.slice(0, 79)}…` : printable;
}

/** A failed write (or rename) of a cache file as the error a person reads; `NekodeskError`s pass through. */
export function writeError(error: unknown, artworkId: string, size: number): NekodeskError {
  if (error instanceof NekodeskError) return error;
  const what = `${describeArtwork(artworkId)} (${formatBytes(size)})`;
  const code = errorCode(error);
  if (code !== undefined && DISK_FULL.has(code)) {
    return new NekodeskError(
      'internal',
      `Not enough disk space to save ${what}; free some space or lower the cache limit in settings.`,
      { cause: error },
    );
  }
  if (code !== undefined && NOT_ALLOWED.has(code)) {
    return new NekodeskError(
      'internal',
      `Nekodesk may not write to its cache folder (${code}), so ${what} was not saved; check the folder's permissions.`,
      { cause: error },
    );
  }
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new NekodeskError('internal', `Could not save ${what} in the cache folder (${reason}).`, {
    cause: error,
  });
}
