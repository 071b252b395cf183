/**
 * The clipboard's image, for the CLI's `identify --clipboard` (the app reads Electron's clipboard instead):
 * X11 xclip, Wayland wl-paste, macOS osascript («class PNGf»), Windows PowerShell (Get-Clipboard -Format Image).
 * Every tool runs through execFile with an argv, never a shell; paths reach scripts as arguments or environment
 * variables, never inside the script text.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_IDENTIFY_BYTES } from '../../../preload/contract';
import { encodePowerShell, POWERSHELL_ARGS } from '../clipboard/windows-clipboard';
import { NekodeskError } from '../errors';
import { createCommandExists, type CommandExists } from '../wallpaper/setters/command-exists';
import { CommandError, type Environment } from '../wallpaper/setters/command-runner';

/** Runs a tool and answers its stdout as bytes (an image), or rejects with a `CommandError`. */
export type BytesRunner = (command: string, args: readonly string[], env: Environment) => Promise<Buffer>;

export interface ClipboardImageOptions {
  env: Environment;
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Default the real runner (execFile, no shell). */
  run?: BytesRunner;
  /** Default: looked up on `env.PATH`. */
  commandExists?: CommandExists;
  /** Where macOS and Windows write the image for us to read. Default the system's temporary folder. */
  tempDir?: string;
}

/** Image types a clipboard offers that we can clean, best first. */
const IMAGE_TARGETS = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif', 'image/tiff'];

export const OSASCRIPT_READ_PNG = [
  'on run argv',
  'set png to (the clipboard as «class PNGf»)',
  'set out to open for access (POSIX file (item 1 of argv)) with write permission',
  'set eof out to 0',
  'write png to out',
  'close access out',
  'end run',
];

/** Exits 3 when the clipboard holds no image. */
export const POWERSHELL_READ_IMAGE = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName System.Drawing',
  '$image = Get-Clipboard -Format Image',
  'if ($null -eq $image) { exit 3 }',
  '$image.Save($env:NEKODESK_CLIPBOARD_OUT, [System.Drawing.Imaging.ImageFormat]::Png)',
].join('\n');
const NO_IMAGE_EXIT = 3;

export function createBytesRunner(options: { timeoutMs?: number } = {}): BytesRunner {
  const timeout = options.timeoutMs ?? 15_000;
  return (command, args, env) =>
    new Promise((resolve, reject) => {
      execFile(
        command,
        [...args],
        {
          env: Object.fromEntries(
            Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
          ),
          encoding: 'buffer',
          timeout,
          killSignal: 'SIGKILL',
          // An image over the limit fails here, rather than being read whole and refused later.
          maxBuffer: MAX_IDENTIFY_BYTES + 1,
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolve(stdout);
            return;
          }
          const text = stderr.toString('utf8');
          const code: unknown = error.code;
          if (code === 'ENOENT') reject(new CommandError(command, 'not-found', { cause: error }));
          else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            reject(
              new NekodeskError('invalid_input', 'The clipboard image is larger than 25 MB.', {
                cause: error,
              }),
            );
          } else if (typeof code === 'number') {
            reject(new CommandError(command, 'exit', { exitCode: code, stderr: text, cause: error }));
          } else {
            reject(
              new CommandError(command, error.killed === true ? 'timeout' : 'signal', {
                stderr: text,
                cause: error,
              }),
            );
          }
        },
      );
    });
}

type Backend = 'x11' | 'wayland' | 'macos' | 'windows';

function backendFor(platform: NodeJS.Platform, env: Environment, exists: CommandExists): Backend {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  if (env.WAYLAND_DISPLAY && exists('wl-paste')) return 'wayland';
  if (env.DISPLAY && exists('xclip')) return 'x11';
  if (env.WAYLAND_DISPLAY) {
    throw new NekodeskError(
      'internal',
      'Reading the clipboard needs wl-paste on Wayland: install wl-clipboard (e.g. apt-get install wl-clipboard).',
    );
  }
  if (env.DISPLAY) {
    throw new NekodeskError(
      'internal',
      'Reading the clipboard needs xclip on X11: install xclip (e.g. apt-get install xclip).',
    );
  }
  throw new NekodeskError(
    'internal',
    'There is no clipboard here: neither DISPLAY nor WAYLAND_DISPLAY is set (run this in a graphical session).',
  );
}

/** The best image type among a clipboard's targets, one per line. */
export function pickImageTarget(targets: string): string | null {
  const offered = new Set(targets.split(/\r?\n/).map((line) => line.trim().toLowerCase()));
  return IMAGE_TARGETS.find((target) => offered.has(target)) ?? null;
}

/** A tool that ran and failed to find an image (empty clipboard, or text on it) says so with a non-zero exit. */
function isNoImage(error: unknown): boolean {
  return error instanceof CommandError && error.failure === 'exit';
}

/** The best image type a listing of the clipboard's types offers; null when it offers none or is empty. */
async function bestOffered(listing: Promise<Buffer>): Promise<string | null> {
  try {
    return pickImageTarget((await listing).toString('utf8'));
  } catch (error) {
    if (isNoImage(error)) return null;
    throw error;
  }
}

async function viaTempFile(
  tempDir: string,
  read: (file: string) => Promise<unknown>,
): Promise<Uint8Array | null> {
  await mkdir(tempDir, { recursive: true });
  const file = path.join(tempDir, `nekodesk-clipboard-in-${randomUUID()}.png`);
  try {
    await read(file);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(file, { force: true });
  }
}

/** The clipboard's image bytes, or null when it holds no image. A missing tool is an error naming what to install. */
export async function readClipboardImage(options: ClipboardImageOptions): Promise<Uint8Array | null> {
  const { env } = options;
  const run = options.run ?? createBytesRunner();
  const platform = options.platform ?? process.platform;
  const backend = backendFor(platform, env, options.commandExists ?? createCommandExists(env, platform));
  try {
    switch (backend) {
      case 'x11': {
        // Ask what is offered first: asking xclip for a type the owner lacks fails slowly on some owners.
        const target = await bestOffered(
          run('xclip', ['-selection', 'clipboard', '-o', '-t', 'TARGETS'], env),
        );
        if (target === null) return null;
        return new Uint8Array(await run('xclip', ['-selection', 'clipboard', '-o', '-t', target], env));
      }
      case 'wayland': {
        const type = await bestOffered(run('wl-paste', ['--list-types'], env));
        if (type === null) return null;
        return new Uint8Array(await run('wl-paste', ['--no-newline', '--type', type], env));
      }
      case 'macos':
        return await viaTempFile(options.tempDir ?? tmpdir(), (file) =>
          run('osascript', [...OSASCRIPT_READ_PNG.flatMap((line) => ['-e', line]), file], env),
        );
      case 'windows':
        return await viaTempFile(options.tempDir ?? tmpdir(), (file) =>
          run(
            'powershell.exe',
            // The copy side's flags (STA for the clipboard, no profile), with this script in place of its own.
            [...POWERSHELL_ARGS.slice(0, -1), encodePowerShell(POWERSHELL_READ_IMAGE)],
            { ...env, NEKODESK_CLIPBOARD_OUT: file },
          ),
        );
    }
  } catch (error) {
    if (error instanceof NekodeskError) throw error;
    if (error instanceof CommandError && error.failure === 'not-found') {
      const message = `Reading the clipboard needs ${error.command}, which was not found on PATH.`;
      throw new NekodeskError('internal', message, { cause: error });
    }
    // osascript's "can't make … into type «class PNGf»" and PowerShell's exit 3 both mean: no image.
    const noImage =
      error instanceof CommandError &&
      error.failure === 'exit' &&
      (backend === 'macos' || (backend === 'windows' && error.exitCode === NO_IMAGE_EXIT));
    if (noImage) return null;
    const detail = error instanceof Error ? error.message : String(error);
    throw new NekodeskError('internal', `Could not read the clipboard: ${detail}`, { cause: error });
  }
}
