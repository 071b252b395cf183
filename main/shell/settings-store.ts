/** Settings in `<config>/settings.json` through electron-store, with openSettingsFile's repairs. */
import Store from 'electron-store';
import { openSettingsFile, type OpenedSettings, type SettingsBackendOptions } from '../core/settings';

export function openAppSettings(configDir: string): OpenedSettings {
  return openSettingsFile(configDir, (options: SettingsBackendOptions) => {
    // electron-store names the file from `name` (default "config") and overwrites conf's `configName`.
    return new Store({ ...options, name: options.configName });
  });
}
