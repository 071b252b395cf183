import type { Monitor } from '../types';

/** The part of Electron's `Display` (from `screen.getAllDisplays()`) we use; structural, so the core never imports Electron. */
export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
}

/**
 * Electron's displays as monitors in physical pixels: bounds are in device-independent pixels, so size and
 * position are multiplied by each display's scale factor. `primaryId` is `screen.getPrimaryDisplay().id`.
 */
export function fromElectronDisplays(displays: readonly DisplayLike[], primaryId?: number): Monitor[] {
  return displays.map((display) => {
    const scale = Number.isFinite(display.scaleFactor) && display.scaleFactor > 0 ? display.scaleFactor : 1;
    const { x, y, width, height } = display.bounds;
    const monitor: Monitor = {
      id: String(display.id),
      x: Math.round(x * scale),
      y: Math.round(y * scale),
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
    };
    if (primaryId !== undefined && display.id === primaryId) monitor.primary = true;
    return monitor;
  });
}
