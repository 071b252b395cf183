/**
 * The wallpaper service in the app: monitors from Electron's displays (re-read when they change), the
 * desktop's own setter with the real command runner, the rotation started once the service is open,
 * resumed after sleep, and every state change handed to `publish` (windows and the tray).
 */
import type { PowerMonitor, Screen } from 'electron';
import { cacheUrl } from '../core/cache';
import type { Core } from '../core/create-core';
import type { NekodeskPaths } from '../core/paths';
import type { RotationError, RotationState } from '../core/rotation';
import type { SettingsService } from '../core/settings';
import { fromElectronDisplays } from '../core/wallpaper/monitors/electron-displays';
import {
  createCommandExists,
  createCommandRunner,
  createWallpaperSetter,
  type WallpaperSetter,
} from '../core/wallpaper/setters';
import type { Monitor } from '../core/wallpaper/types';
import { openWallpaperService, type WallpaperService } from '../core/wallpaper/wallpaper-service';
import type { ShellLog } from './logger';

export interface AppWallpaperDeps {
  core: () => Core;
  settings: SettingsService;
  paths: NekodeskPaths;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>;
  powerMonitor: Pick<PowerMonitor, 'on'>;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  onChange(state: RotationState, service: WallpaperService): void;
  onError(error: RotationError): void;
  log: ShellLog;
  /** More artwork ids the shared cache must keep (the picker's warm pool and favorites). */
  alsoPinned?: () => Iterable<string>;
}

/** How the app's renderer names a cached file. */
export const appImageUrl = cacheUrl;

export async function openAppWallpaper(deps: AppWallpaperDeps): Promise<WallpaperService> {
  const readMonitors = (): Monitor[] =>
    fromElectronDisplays(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay().id);
  let monitors = readMonitors();
  const refresh = (): void => {
    monitors = readMonitors();
  };
  deps.screen.on('display-added', refresh);
  deps.screen.on('display-removed', refresh);
  deps.screen.on('display-metrics-changed', refresh);

  const run = createCommandRunner();
  const commandExists = createCommandExists(deps.env, deps.platform);
  let setter: { command: string | null; setter: WallpaperSetter } | null = null;
  const currentSetter = (): WallpaperSetter => {
    const command = deps.settings.get().wallpaper.customCommand;
    if (setter?.command !== command) {
      setter = {
        command,
        setter: createWallpaperSetter({
          platform: deps.platform,
          env: deps.env,
          run,
          commandExists,
          customCommand: command,
        }),
      };
    }
    return setter.setter;
  };

  let service: WallpaperService | null = null;
  service = await openWallpaperService({
    core: deps.core,
    settings: deps.settings,
    paths: deps.paths,
    monitors: () => Promise.resolve(monitors),
    setter: currentSetter,
    ...(deps.alsoPinned === undefined ? {} : { alsoPinned: deps.alsoPinned }),
    onChange: (state) => {
      if (service !== null) deps.onChange(state, service);
    },
    onError: (error) => {
      deps.onError(error);
    },
  });
  const opened = service;
  deps.powerMonitor.on('resume', () => {
    opened.rotation.handleResume();
  });
  // start() honours the `paused` setting (the timer waits) and `changeOnStart`.
  opened.rotation.start().catch((error: unknown) => {
    deps.log.error('The wallpaper rotation could not start', error);
  });
  return opened;
}
