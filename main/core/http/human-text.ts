/** Small pieces of the messages a person reads: waits, sizes, windows. */

/** 12 → "12 s", 150 → "3 min", 7200 → "2 h" (rounded up: never sooner than true). */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return `${s} s`;
  if (s < 120 * 60) return `${Math.ceil(s / 60)} min`;
  return `${Math.ceil(s / 3600)} h`;
}

/** 1048576 → "1 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/** 60000 → "minute", 5000 → "5 s", 300000 → "5 min", 3600000 → "hour". */
export function formatWindow(windowMs: number): string {
  if (windowMs === 60_000) return 'minute';
  if (windowMs === 3_600_000) return 'hour';
  if (windowMs === 1000) return 'second';
  return formatWait(windowMs / 1000);
}

/** Seconds, rounded up, for `retryAfter`. */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
