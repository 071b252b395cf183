import { NekodeskError } from '../../errors';
import type { Monitor } from '../types';

/** The rectangle every monitor sits in; its origin is the top-left-most point and may be negative. */
export interface VirtualDesktop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box of the monitors. */
export function virtualDesktop(monitors: readonly Monitor[]): VirtualDesktop {
  if (monitors.length === 0) throw new NekodeskError('invalid_input', 'There are no monitors to lay out.');
  const left = Math.min(...monitors.map((monitor) => monitor.x));
  const top = Math.min(...monitors.map((monitor) => monitor.y));
  const right = Math.max(...monitors.map((monitor) => monitor.x + monitor.width));
  const bottom = Math.max(...monitors.map((monitor) => monitor.y + monitor.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
