/**
 * Types shared by the wallpaper parts: monitor geometry, composition, setters.
 */
import type { FIT_MODES } from '../settings/settings-schema';

/** A monitor's place on the virtual desktop, in physical pixels. `x`/`y` may be negative. */
export interface Monitor {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  primary?: boolean;
}

/** How an artwork is fitted to a monitor; `auto` is resolved per image (see compose/fit-mode.ts). */
export type FitMode = (typeof FIT_MODES)[number];

/** A fit mode after `auto` has been resolved. */
export type ConcreteFitMode = Exclude<FitMode, 'auto'>;

/** The output of one composition: one image spanning the virtual desktop, plus one image per monitor. */
export interface ComposedWallpaper {
  spanFile: string;
  width: number;
  height: number;
  perMonitor: { monitor: Monitor; file: string }[];
}
