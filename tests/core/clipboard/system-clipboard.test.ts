import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createSystemClipboard,
  detectClipboardBackend,
  type ClipboardPayload,
  type PipeRunner,
} from '../../../main/core/clipboard';
import { POWERSHELL_ARGS, WINDOWS_CLIPBOARD_SCRIPT } from '../../../main/core/clipboard/windows-clipboard';
import type { SelectionRequest } from '../../../main/core/clipboard/x11-selection-messages';
import type { SelectionServerStarter } from '../../../main/core/clipboard/x11-selection-process';
import type { CommandRunner, Environment } from '../../../main/core/wallpaper/setters/command-runner';
import { CommandError } from '../../../main/core/wallpaper/setters/command-runner';
import { useTempDir } from '../../support/temp-dir';

interface Call {
  command: string;
  args: readonly string[];
  env: Environment | undefined;
  input?: string | Uint8Array;
  background?: boolean;
  /** For a temporary file argument: whether it existed while the command ran, and its bytes. */
  fileBytes?: Buffer;
}

function recorder(): { calls: Call[]; run: CommandRunner; pipe: PipeRunner } {
  const calls: Call[] = [];
  const run: CommandRunner = (command, args, options) => {
    const image = options?.env?.NEKODESK_CLIPBOARD_IMAGE || args.at(-1);
    const fileBytes = image && image.endsWith('.png') && existsSync(image) ? readFileSync(image) : undefined;
    calls.push({ command, args, env: options?.env, ...(fileBytes ? { fileBytes } : {}) });
    return Promise.resolve({ stdout: '', stderr: '' });
  };
  const pipe: PipeRunner = (command, args, input, options) => {
    calls.push({ command, args, env: options?.env, input, background: options?.background === true });
    return Promise.resolve();
  };
  return { calls, run, pipe };
}

const PATH_FILE = '/tmp/cache/it\'s "a" $(gif) `x`.gif';
const filePayload: ClipboardPayload = { files: [PATH_FILE], text: 'https://x.test/a.gif' };
const textPayload: ClipboardPayload = { files: [], text: "![it's](https://x.test/a.gif) ü" };
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const imagePayload: ClipboardPayload = { files: [], text: 'https://x.test/a.gif', imagePng: png };
const all = (): boolean => true;

describe('createSystemClipboard', () => {
  const temp = useTempDir();

  it('macOS: a file through osascript, the path as argv, never in the script', async () => {
    const { calls, run, pipe } = recorder();
    const writer = createSystemClipboard({
      platform: 'darwin',
      env: { HOME: '/h' },
      run,
      pipe,
      tempDir: temp(),
    });
    await writer.write(filePayload);
    expect(calls).toEqual([
      {
        command: 'osascript',
        args: [
          '-e',
          'on run argv',
          '-e',
          'set the clipboard to (POSIX file (item 1 of argv))',
          '-e',
          'end run',
          PATH_FILE,
        ],
        env: { HOME: '/h' },
      },
    ]);
  });

  it('macOS: text through pbcopy on stdin (UTF-8), an image as PNG data from a temporary file', async () => {
    const { calls, run, pipe } = recorder();
    const dir = temp();
    const writer = createSystemClipboard({ platform: 'darwin', env: {}, run, pipe, tempDir: dir });
    await writer.write(textPayload);
    expect(calls[0]).toEqual({
      command: 'pbcopy',
      args: [],
      env: { LC_CTYPE: 'UTF-8' },
      input: textPayload.text,
      background: false,
    });
    await writer.write(imagePayload);
    const call = calls[1];
    expect(call?.args.slice(0, 6)).toEqual([
      '-e',
      'on run argv',
      '-e',
      'set the clipboard to (read (POSIX file (item 1 of argv)) as «class PNGf»)',
      '-e',
      'end run',
    ]);
    expect(call?.fileBytes).toEqual(Buffer.from(png));
    expect(existsSync(call?.args[6] ?? '')).toBe(false);
  });

  it('Windows: one fixed encoded PowerShell script; files and text as environment variables', async () => {
    const { calls, run, pipe } = recorder();
    const writer = createSystemClipboard({
      platform: 'win32',
      env: { Path: 'C:\\Windows' },
      run,
      pipe,
      tempDir: temp(),
    });
    const files = ["C:\\a\\it's $(x).gif", 'C:\\b.gif'];
    await writer.write({ files, text: "it's $(x)" });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe('powershell.exe');
    expect(calls[0]?.args).toEqual(POWERSHELL_ARGS);
    const encoded = POWERSHELL_ARGS.at(-1) ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe(WINDOWS_CLIPBOARD_SCRIPT);
    expect(calls[0]?.env).toEqual({
      Path: 'C:\\Windows',
      NEKODESK_CLIPBOARD_FILES: files.join('\n'),
      NEKODESK_CLIPBOARD_TEXT: "it's $(x)",
      NEKODESK_CLIPBOARD_IMAGE: '',
    });
    await writer.write(imagePayload);
    expect(calls[1]?.args).toEqual(POWERSHELL_ARGS);
    expect(calls[1]?.fileBytes).toEqual(Buffer.from(png));
  });

  it('Wayland: wl-copy with the MIME type, data on stdin, in the background', async () => {
    const { calls, run, pipe } = recorder();
    const env = { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };
    const writer = createSystemClipboard({ platform: 'linux', env, run, pipe, commandExists: all });
    expect(writer.name).toBe('wl-copy');
    await writer.write(filePayload);
    await writer.write(textPayload);
    await writer.write(imagePayload);
    expect(calls).toEqual([
      {
        command: 'wl-copy',
        args: ['--type', 'text/uri-list'],
        env,
        input: "file:///tmp/cache/it's%20%22a%22%20$(gif)%20%60x%60.gif\r\n",
        background: true,
      },
      {
        command: 'wl-copy',
        args: ['--type', 'text/plain;charset=utf-8'],
        env,
        input: textPayload.text,
        background: true,
      },
      { command: 'wl-copy', args: ['--type', 'image/png'], env, input: png, background: true },
    ]);
  });

  it('X11: our own owner process, given the display, the payload and the environment', async () => {
    const started: { request: SelectionRequest; env: Environment }[] = [];
    const serveSelection: SelectionServerStarter = (request, env) => {
      started.push({ request, env });
      return Promise.resolve();
    };
    const env = { DISPLAY: ':0', XAUTHORITY: '/home/me/.Xauthority' };
    const none = (): boolean => false;
    const writer = createSystemClipboard({ platform: 'linux', env, serveSelection, commandExists: none });
    expect(writer.name).toBe('X11 clipboard owner');
    await writer.write(filePayload);
    expect(started).toEqual([{ request: { display: ':0', payload: filePayload }, env }]);
  });

  it('a failing tool or owner becomes one clear error', async () => {
    const pipe: PipeRunner = () =>
      Promise.reject(
        new CommandError('wl-copy', 'exit', {
          exitCode: 1,
          stderr: 'Failed to connect to a Wayland server\n',
        }),
      );
    const wayland = createSystemClipboard({
      platform: 'linux',
      env: { WAYLAND_DISPLAY: 'wayland-9' },
      pipe,
      commandExists: all,
    });
    await expect(wayland.write(textPayload)).rejects.toThrow(
      'Could not copy to the clipboard with wl-copy: wl-copy exited with code 1: Failed to connect to a Wayland server',
    );
    const x11 = createSystemClipboard({
      platform: 'linux',
      env: { DISPLAY: ':9' },
      serveSelection: () => Promise.reject(new Error('spawn EAGAIN')),
    });
    await expect(x11.write(textPayload)).rejects.toThrow(
      'Could not copy to the clipboard with the X11 clipboard owner: spawn EAGAIN',
    );
  });
});

describe('detectClipboardBackend', () => {
  const none = (): boolean => false;
  it('prefers wl-copy on Wayland, falls back to our X11 owner under XWayland; X11 needs no tool', () => {
    expect(detectClipboardBackend('linux', { WAYLAND_DISPLAY: 'w', DISPLAY: ':0' }, all)).toBe('wayland');
    expect(detectClipboardBackend('linux', { WAYLAND_DISPLAY: 'w', DISPLAY: ':0' }, none)).toBe('x11');
    expect(detectClipboardBackend('linux', { DISPLAY: ':0' }, none)).toBe('x11');
    expect(detectClipboardBackend('darwin', {}, none)).toBe('macos');
    expect(detectClipboardBackend('win32', {}, none)).toBe('windows');
  });

  it('names what to install, or why there is no clipboard', () => {
    expect(() => detectClipboardBackend('linux', { WAYLAND_DISPLAY: 'w' }, none)).toThrow(
      /install wl-clipboard/,
    );
    expect(() => detectClipboardBackend('linux', {}, all)).toThrow(/neither DISPLAY nor WAYLAND_DISPLAY/);
  });
});
