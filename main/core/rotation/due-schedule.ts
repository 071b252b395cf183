import type { WallpaperSettings } from '../settings/settings-schema';

/** The timer looks at the wall clock at least this often, so clock jumps and missed timers are noticed. */
export const DEFAULT_TICK_MS = 60_000;
/** Never re-check sooner than this (a due time just passed while a change was running). */
export const MIN_WAIT_MS = 250;

/** The `intervalMinutes` setting in milliseconds, held to 1 minute – 24 hours. */
export function intervalMs(settings: Pick<WallpaperSettings, 'intervalMinutes'>): number {
  const minutes = Number.isFinite(settings.intervalMinutes) ? settings.intervalMinutes : 30;
  return Math.min(24 * 60, Math.max(1, Math.round(minutes))) * 60_000;
}

/** After `failures` changes failed in a row: 30 s, 1 min, 2 min … never longer than the interval. */
export function retryDelayMs(failures: number, interval: number): number {
  return Math.min(interval, 30_000 * 2 ** Math.min(20, Math.max(0, failures - 1)));
}

/**
 * A due time never more than one interval away: after the clock jumped backwards (or the interval was
 * shortened) the next change comes within the interval, not after the jump is made up.
 */
export function clampDue(dueAt: number, now: number, interval: number): number {
  return dueAt - now > interval ? now + interval : dueAt;
}

/** How long the timer sleeps before looking at the clock again. */
export function timerWaitMs(dueAt: number | null, now: number, tickMs: number): number {
  if (dueAt === null) return tickMs;
  return Math.max(MIN_WAIT_MS, Math.min(tickMs, dueAt - now));
}
