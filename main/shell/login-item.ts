/**
 * Applies the "launch at login" setting: macOS and Windows through Electron's login items, Linux through
 * an XDG autostart entry. The start at login passes --hidden, so the app comes up in the tray.
 */
import type { App } from 'electron';
import { APP_NAME } from '../core/app-info';
import { HIDDEN_FLAG } from './argv-router';
import { applyLinuxAutostart, autostartDir } from './autostart';
import type { ShellLog } from './logger';

export interface LoginItemDeps {
  app: Pick<App, 'isPackaged' | 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  execPath: string;
  log: ShellLog;
}

export function applyLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): void {
  if (!deps.app.isPackaged) {
    // A development build would register the bare Electron binary: not what anyone wants at login.
    deps.log.info(`Launch at login ${enabled ? 'on' : 'off'}: applies to the installed app only.`);
    return;
  }
  if (deps.platform === 'linux') {
    const file = applyLinuxAutostart(enabled, autostartDir(deps.env, deps.homeDir), {
      name: APP_NAME,
      // Inside an AppImage, execPath is a temporary mount; APPIMAGE is the file the person keeps.
      executable: deps.env.APPIMAGE ?? deps.execPath,
      args: [HIDDEN_FLAG],
      icon: 'nekodesk',
    });
    deps.log.info(`Launch at login ${enabled ? 'on' : 'off'} (${file})`);
    return;
  }
  deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
  deps.log.info(`Launch at login ${enabled ? 'on' : 'off'}`);
}
