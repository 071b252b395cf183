/**
 * macOS and Windows, through the `wallpaper` package, which runs its own small helper binary
 * (`source/macos-wallpaper`, `source/windows-wallpaper-x86-64.exe`).
 *
 * Packaged apps: the package finds that helper next to its own module file and has no option to point it
 * elsewhere, so inside an asar archive it looks for `…/app.asar/node_modules/wallpaper/source/…`. That works
 * because electron-builder.yml lists `node_modules/wallpaper/**` in `asarUnpack` (the real, executable file
 * is in `app.asar.unpacked`) and Electron's patched `child_process.execFile` — which the package uses, via
 * promisify — maps paths of unpacked entries to `app.asar.unpacked`. Keep both: without asarUnpack Electron
 * would copy the helper to a temporary file first; and `wallpaper` must stay external to the main bundle
 * (electron-vite's default for dependencies) so that its module path is inside node_modules.
 */
import type { screens, setWallpaper } from 'wallpaper';
import type { ComposedWallpaper } from '../types';
import { firstNonEmptyLine } from './command-runner';
import { isMultiMonitor, orderedMonitorFiles, primaryMonitorFile, spanFile } from './composed-files';
import { setterError, type SetWallpaper } from './setter-context';

/** The part of the `wallpaper` package used here (a fake in tests). */
export interface WallpaperPackage {
  setWallpaper: typeof setWallpaper;
  screens: typeof screens;
}

export type LoadWallpaperPackage = () => Promise<WallpaperPackage>;

/** Loaded only when needed: on Linux the package is never touched. */
export const loadWallpaperPackage: LoadWallpaperPackage = async () => {
  const module = await import('wallpaper');
  return { setWallpaper: module.setWallpaper, screens: module.screens };
};

/**
 * macOS: one image per screen when we know as many monitors as the system has screens (screen 0 is the
 * main screen, so ours are given primary first, then left to right); else one image on every screen.
 */
export function macosSetter(load: LoadWallpaperPackage): SetWallpaper {
  const ctx = { desktopName: 'macOS' };
  return async (composed) => {
    await withHelper(ctx, 'macos-wallpaper', async () => {
      const wallpaper = await load();
      if (!isMultiMonitor(composed)) {
        await wallpaper.setWallpaper(spanFile(composed), { screen: 'all', scale: 'fill' });
        return;
      }
      const monitors = orderedMonitorFiles(composed);
      const systemScreens = await wallpaper.screens();
      if (systemScreens.length !== monitors.length) {
        await wallpaper.setWallpaper(primaryMonitorFile(composed), { screen: 'all', scale: 'fill' });
        return;
      }
      for (const [screen, { file }] of monitors.entries()) {
        await wallpaper.setWallpaper(file, { screen, scale: 'fill' });
      }
    });
  };
}

/** Windows: the span image in "span" mode across monitors, else filling the one screen. */
export function windowsSetter(load: LoadWallpaperPackage): SetWallpaper {
  const ctx = { desktopName: 'Windows' };
  return async (composed: ComposedWallpaper) => {
    await withHelper(ctx, 'windows-wallpaper', async () => {
      const wallpaper = await load();
      await wallpaper.setWallpaper(spanFile(composed), { scale: isMultiMonitor(composed) ? 'span' : 'fill' });
    });
  };
}

async function withHelper(
  ctx: { desktopName: string },
  helper: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw setterError(ctx, `${helper} failed: ${describe(error)}`, error);
  }
}

/** execFile's rejections carry the helper's stderr; prefer its words to Node's "Command failed: …". */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as Error & { stderr?: unknown }).stderr;
    const said = typeof stderr === 'string' ? firstNonEmptyLine(stderr) : '';
    return said || firstNonEmptyLine(error.message) || error.name;
  }
  return String(error);
}
