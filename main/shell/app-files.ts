/**
 * Files the shell loads, relative to the app folder (`app.getAppPath()`: the project in development,
 * `resources/app.asar` when packaged). Icons are unpacked from the asar (electron-builder.yml) so the
 * OS tray and window manager can read them as ordinary files.
 */
import path from 'node:path';

export interface AppFiles {
  /** The built, bundled preload (CommonJS: a sandboxed preload cannot load ES modules). */
  preload: string;
  /** The built renderer pages, served as app://nekodesk/. */
  rendererDir: string;
  trayIcon: string;
  windowIcon: string;
}

export function resolveAppFiles(appPath: string, platform: NodeJS.Platform): AppFiles {
  const unpacked = appPath.replace(/app\.asar$/, 'app.asar.unpacked');
  return {
    preload: path.join(appPath, 'out', 'preload', 'index.cjs'),
    rendererDir: path.join(appPath, 'out', 'renderer'),
    // macOS tints a "…Template" image for light and dark menu bars; @2x variants are picked up automatically.
    trayIcon: path.join(unpacked, 'resources', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    windowIcon: path.join(unpacked, 'resources', 'icon.png'),
  };
}
