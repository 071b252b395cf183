/** Setting the wallpaper on every desktop: detect the desktop, use its one right way, report failure. */
export { createCommandExists, type CommandExists } from './command-exists';
export {
  CommandError,
  createCommandRunner,
  type CommandFailure,
  type CommandRunner,
  type Environment,
  type RunOptions,
  type RunResult,
} from './command-runner';
export { tokenizeCommandLine } from './command-line-tokenizer';
export {
  createWallpaperSetter,
  type CreateWallpaperSetterOptions,
  type WallpaperSetter,
} from './create-wallpaper-setter';
export { customCommandArgv } from './custom-command-setter';
export {
  DESKTOP_IDS,
  DESKTOP_NAMES,
  detectDesktop,
  type DesktopId,
  type DetectDesktopOptions,
} from './detect-desktop';
export {
  loadWallpaperPackage,
  type LoadWallpaperPackage,
  type WallpaperPackage,
} from './os-wallpaper-setter';
export { createSystemWallpaperSetter } from './system-wallpaper-setter';
