import type { FileStat } from './cache-fs';

/**
 * How a data file on disk compares with what its sidecar recorded: `same` (trusted without hashing), `touched`
 * (same size but modified since: hash it before trusting it) or `damaged` (missing, not a file, or resized).
 * Times match within a millisecond: the precision every platform's stat and utimes share (a time set through
 * utimes comes back a few nanoseconds off).
 */
export function compareWithSidecar(
  stat: FileStat | null,
  recorded: { size: number; mtimeMs: number },
): 'same' | 'touched' | 'damaged' {
  if (stat === null || !stat.isFile || stat.size !== recorded.size) return 'damaged';
  return Math.abs(stat.mtimeMs - recorded.mtimeMs) < 1 ? 'same' : 'touched';
}
