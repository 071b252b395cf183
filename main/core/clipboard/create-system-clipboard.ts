/**
 * The clipboard of the system this process runs on, for the CLI (the app uses Electron's clipboard):
 * macOS osascript/pbcopy, Windows PowerShell, Wayland wl-copy, X11 our own selection owner (nothing to
 * install; also under XWayland when wl-copy is missing). A missing tool is an error naming what to install.
 */
import { tmpdir } from 'node:os';
import { NekodeskError } from '../errors';
import { createCommandExists, type CommandExists } from '../wallpaper/setters/command-exists';
import {
  createCommandRunner,
  type CommandRunner,
  type Environment,
} from '../wallpaper/setters/command-runner';
import type { ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { macosClipboard } from './macos-clipboard';
import { createPipeRunner, type PipeRunner } from './pipe-runner';
import { waylandClipboard } from './wayland-clipboard';
import { windowsClipboard } from './windows-clipboard';
import { x11Clipboard } from './x11-clipboard';
import { createSelectionServerStarter, type SelectionServerStarter } from './x11-selection-process';

export interface SystemClipboardOptions {
  env: Environment;
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Default the real runner (execFile, no shell). */
  run?: CommandRunner;
  /** Default the real stdin runner (spawn, no shell). */
  pipe?: PipeRunner;
  /** Default: starts the background X11 clipboard owner (x11-selection-main.ts). */
  serveSelection?: SelectionServerStarter;
  /** Default: looked up on `env.PATH`. */
  commandExists?: CommandExists;
  /** Default the system's temporary folder. */
  tempDir?: string;
}

export type ClipboardBackend = 'macos' | 'windows' | 'wayland' | 'x11';

/** Which writer fits, or the error to show (what to install, or why there is no clipboard). */
export function detectClipboardBackend(
  platform: NodeJS.Platform,
  env: Environment,
  commandExists: CommandExists,
): ClipboardBackend {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  const wayland = Boolean(env.WAYLAND_DISPLAY);
  const x11 = Boolean(env.DISPLAY);
  if (wayland && commandExists('wl-copy')) return 'wayland';
  // X11 needs no tool: the CLI owns the clipboard itself.
  if (x11) return 'x11';
  if (wayland)
    throw new NekodeskError(
      'internal',
      'Copying needs wl-copy on Wayland: install wl-clipboard (e.g. apt-get install wl-clipboard).',
    );
  throw new NekodeskError(
    'internal',
    'There is no clipboard here: neither DISPLAY nor WAYLAND_DISPLAY is set (run this in a graphical session).',
  );
}

export function createSystemClipboard(options: SystemClipboardOptions): ClipboardWriter {
  const platform = options.platform ?? process.platform;
  const env = options.env;
  const tools: ClipboardTools = {
    run: options.run ?? createCommandRunner(),
    pipe: options.pipe ?? createPipeRunner(),
    serveSelection: options.serveSelection ?? createSelectionServerStarter(),
    env,
    tempDir: options.tempDir ?? tmpdir(),
  };
  const backend = detectClipboardBackend(
    platform,
    env,
    options.commandExists ?? createCommandExists(env, platform),
  );
  switch (backend) {
    case 'macos':
      return macosClipboard(tools);
    case 'windows':
      return windowsClipboard(tools);
    case 'wayland':
      return waylandClipboard(tools);
    case 'x11':
      return x11Clipboard(tools);
  }
}
