/**
 * Whether a command is on PATH, without running it: setters use this to choose between alternatives
 * (feh or nitrogen, qdbus or gdbus) and to say what to install.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { Environment } from './command-runner';

export type CommandExists = (command: string) => boolean;

/** Looks `command` up in `env.PATH` (and PATHEXT on Windows) as the runner will. */
export function createCommandExists(
  env: Environment,
  platform: NodeJS.Platform = process.platform,
): CommandExists {
  const directories = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const extensions =
    platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  return (command) => {
    if (command.includes('/') || (platform === 'win32' && command.includes('\\')))
      return isExecutable(command);
    return directories.some((directory) =>
      extensions.some((extension) => isExecutable(path.join(directory, command + extension))),
    );
  };
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
