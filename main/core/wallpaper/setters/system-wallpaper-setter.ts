/** The setter wired to this process: its platform, its environment, real processes. */
import { createCommandExists } from './command-exists';
import { createCommandRunner } from './command-runner';
import { createWallpaperSetter, type WallpaperSetter } from './create-wallpaper-setter';

export function createSystemWallpaperSetter(customCommand: string | null = null): WallpaperSetter {
  return createWallpaperSetter({
    platform: process.platform,
    env: process.env,
    run: createCommandRunner(),
    commandExists: createCommandExists(process.env),
    customCommand,
  });
}
