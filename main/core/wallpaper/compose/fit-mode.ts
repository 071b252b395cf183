import type { ConcreteFitMode, FitMode } from '../types';

type Orientation = 'landscape' | 'portrait' | 'square';

/** Within 5% of square counts as square: cropping a square artwork to 16:9 would still lose heads. */
const SQUARE_TOLERANCE = 1.05;

function orientationOf(width: number, height: number): Orientation {
  const ratio = width / height;
  if (ratio > SQUARE_TOLERANCE) return 'landscape';
  if (ratio < 1 / SQUARE_TOLERANCE) return 'portrait';
  return 'square';
}

/** `auto` becomes `fill` when the artwork's orientation matches the monitor's, else `fit-blur`. */
export function resolveFitMode(
  mode: FitMode,
  imageWidth: number,
  imageHeight: number,
  monitorWidth: number,
  monitorHeight: number,
): ConcreteFitMode {
  if (mode !== 'auto') return mode;
  return orientationOf(imageWidth, imageHeight) === orientationOf(monitorWidth, monitorHeight)
    ? 'fill'
    : 'fit-blur';
}
