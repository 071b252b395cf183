import envPaths from 'env-paths';
import path from 'node:path';

/** Where Nekodesk keeps its files. The app and the CLI resolve the same folders. */
export interface NekodeskPaths {
  /** settings.json, secrets. */
  config: string;
  /** History, favorites, composed wallpapers. */
  data: string;
  /** Downloaded artwork; safe to delete. */
  cache: string;
  /** Rotating log files. */
  logs: string;
}

/**
 * XDG folders on Linux (their equivalents elsewhere); `NEKODESK_HOME` puts everything under one folder,
 * which is how tests and portable installs keep Nekodesk away from the user's real files.
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env): NekodeskPaths {
  const home = env.NEKODESK_HOME?.trim();
  if (home) {
    const root = path.resolve(home);
    return {
      config: root,
      data: path.join(root, 'data'),
      cache: path.join(root, 'cache'),
      logs: path.join(root, 'logs'),
    };
  }
  const system = envPaths('nekodesk', { suffix: '' });
  return { config: system.config, data: system.data, cache: system.cache, logs: system.log };
}
