/**
 * The wallpaper setter for this machine: the custom command when one is set, else the detected desktop's
 * own way. Everything it touches is passed in, so the CLI, the app and the tests choose the real or fake parts.
 */
import type { ComposedWallpaper } from '../types';
import type { CommandExists } from './command-exists';
import type { CommandRunner, Environment } from './command-runner';
import { customCommandSetter } from './custom-command-setter';
import { DESKTOP_NAMES, detectDesktop, type DesktopId } from './detect-desktop';
import { cinnamonSetter, gnomeSetter, mateSetter } from './gsettings-setters';
import { hyprlandSetter } from './hyprland-setter';
import { kdeSetter } from './kde-setter';
import {
  loadWallpaperPackage as loadRealWallpaperPackage,
  macosSetter,
  windowsSetter,
  type LoadWallpaperPackage,
} from './os-wallpaper-setter';
import { lxdeSetter, lxqtSetter } from './pcmanfm-setters';
import { setterError, type SetWallpaper, type SetterContext } from './setter-context';
import { swaySetter } from './sway-setter';
import { x11Setter } from './x11-setter';
import { xfceSetter } from './xfce-setter';

export interface WallpaperSetter {
  /** The detected desktop (also when a custom command does the work). */
  readonly desktop: DesktopId;
  /** What sets the wallpaper, for people: "GNOME", "custom command", … */
  readonly name: string;
  /** Shows `composed`; rejects with a `NekodeskError` saying what failed and what to do. */
  set(composed: ComposedWallpaper): Promise<void>;
}

export interface CreateWallpaperSetterOptions {
  platform: NodeJS.Platform;
  env: Environment;
  run: CommandRunner;
  commandExists: CommandExists;
  /** `wallpaper.customCommand` from settings; blank or null = the desktop's own way. */
  customCommand?: string | null;
  /** The `wallpaper` package for macOS and Windows (a fake in tests). */
  loadWallpaperPackage?: LoadWallpaperPackage;
}

export function createWallpaperSetter(options: CreateWallpaperSetterOptions): WallpaperSetter {
  const desktop = detectDesktop(options.env, {
    platform: options.platform,
    commandExists: options.commandExists,
  });
  const ctx: SetterContext = {
    desktopName: DESKTOP_NAMES[desktop],
    env: options.env,
    run: options.run,
    commandExists: options.commandExists,
  };
  const customCommand = options.customCommand?.trim();
  if (customCommand) {
    const set = customCommandSetter(ctx, customCommand);
    return { desktop, name: 'custom command', set };
  }
  const set = desktopSetter(desktop, ctx, options.loadWallpaperPackage ?? loadRealWallpaperPackage);
  return { desktop, name: DESKTOP_NAMES[desktop], set };
}

function desktopSetter(desktop: DesktopId, ctx: SetterContext, load: LoadWallpaperPackage): SetWallpaper {
  switch (desktop) {
    case 'gnome':
    case 'unity':
    case 'budgie':
      return gnomeSetter(ctx);
    case 'cinnamon':
      return cinnamonSetter(ctx);
    case 'mate':
      return mateSetter(ctx);
    case 'xfce':
      return xfceSetter(ctx);
    case 'kde':
      return kdeSetter(ctx);
    case 'lxqt':
      return lxqtSetter(ctx);
    case 'lxde':
      return lxdeSetter(ctx);
    case 'sway':
      return swaySetter(ctx);
    case 'hyprland':
      return hyprlandSetter(ctx);
    case 'x11-generic':
      return x11Setter(ctx);
    case 'macos':
      return macosSetter(load);
    case 'windows':
      return windowsSetter(load);
    case 'unknown':
      return () =>
        Promise.reject(
          setterError(
            ctx,
            'this desktop was not recognised (XDG_CURRENT_DESKTOP, DESKTOP_SESSION and DISPLAY say nothing we know). ' +
              'Set a custom command in the wallpaper settings, e.g. `swaybg -m fill -i {file}`.',
          ),
        );
  }
}
