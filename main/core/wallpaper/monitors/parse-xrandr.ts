import type { Monitor } from '../types';

/** `DP-1 connected primary 3840x2160+0+0 (normal left …) 600mm x 340mm`: name, state, the rest. */
const OUTPUT_LINE = /^(\S+)\s+connected(?:\s+(.*))?$/;
/** `WxH+X+Y`; X and Y carry their sign (xrandr prints `+`, but a negative offset costs nothing to accept). */
const GEOMETRY = /^(\d+)x(\d+)([+-]\d+)([+-]\d+)$/;

/**
 * The active monitors in `xrandr --query` output, left to right (then top to bottom).
 * Only `connected` outputs that have a mode (a geometry before the parenthesised rotations) count:
 * disconnected outputs, connected-but-off outputs, mode lines and anything unexpected are skipped.
 */
export function parseXrandr(text: string): Monitor[] {
  const monitors: Monitor[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const match = OUTPUT_LINE.exec(rawLine.trim());
    if (!match) continue;
    const [, id = '', rest = ''] = match;
    // Everything after `(` lists the rotations the output supports, not its state.
    const tokens = (rest.split('(')[0] ?? '').split(/\s+/).filter(Boolean);
    const geometry = tokens.map((token) => GEOMETRY.exec(token)).find((found) => found !== null);
    if (!geometry) continue;
    const [width, height, x, y] = geometry.slice(1, 5).map(Number);
    if (width === undefined || height === undefined || x === undefined || y === undefined) continue;
    if (width <= 0 || height <= 0) continue;
    const monitor: Monitor = { id, x, y, width, height };
    if (tokens.includes('primary')) monitor.primary = true;
    monitors.push(monitor);
  }
  return monitors.sort((a, b) => a.x - b.x || a.y - b.y);
}
