import { InvalidArgumentError } from 'commander';

export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 24 * 60;

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/;

/**
 * `--interval`: `15m`, `1h`, `1h30m`, or a bare number of minutes; from 1 minute to 24 hours.
 * Seconds are refused: the rotation counts in whole minutes.
 */
export function parseInterval(value: string): number {
  const text = value.trim().toLowerCase();
  let minutes: number | null = null;
  if (/^\d+$/.test(text)) minutes = Number(text);
  else {
    const match = DURATION.exec(text);
    if (match !== null && text !== '' && (match[1] !== undefined || match[2] !== undefined)) {
      minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
    }
  }
  if (minutes === null) {
    throw new InvalidArgumentError('Expected minutes or hours, like 15m, 1h, 1h30m or 20 (minutes).');
  }
  if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
    throw new InvalidArgumentError('The interval must be from 1 minute to 24 hours.');
  }
  return minutes;
}

/** 90 → `1h30m`; 15 → `15m`. */
export function formatInterval(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}
