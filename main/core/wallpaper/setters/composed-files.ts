/** Which of a composition's files a desktop needs. */
import path from 'node:path';
import type { ComposedWallpaper, Monitor } from '../types';

export function isMultiMonitor(composed: ComposedWallpaper): boolean {
  return composed.perMonitor.length > 1;
}

/** The span image as an absolute path (tools run in another working directory; URIs need one). */
export function spanFile(composed: ComposedWallpaper): string {
  return path.resolve(composed.spanFile);
}

/** Per-monitor images, primary first, then left to right and top to bottom; absolute paths. */
export function orderedMonitorFiles(composed: ComposedWallpaper): { monitor: Monitor; file: string }[] {
  return [...composed.perMonitor]
    .sort(
      (a, b) =>
        Number(Boolean(b.monitor.primary)) - Number(Boolean(a.monitor.primary)) ||
        a.monitor.x - b.monitor.x ||
        a.monitor.y - b.monitor.y,
    )
    .map(({ monitor, file }) => ({ monitor, file: path.resolve(file) }));
}

/** The one picture to show when a desktop can take only one fitted to a single screen. */
export function primaryMonitorFile(composed: ComposedWallpaper): string {
  return orderedMonitorFiles(composed)[0]?.file ?? spanFile(composed);
}
