import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OSASCRIPT_READ_PNG,
  pickImageTarget,
  POWERSHELL_READ_IMAGE,
  readClipboardImage,
  type BytesRunner,
} from '../../../main/core/identify/clipboard-image';
import { CommandError } from '../../../main/core/wallpaper/setters/command-runner';
import { encodePng } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';

const PNG = encodePng(4, 4, [1, 2, 3]);

interface Call {
  command: string;
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/** A runner that answers from a script of outputs (or failures) and records every call. */
function scripted(answers: ((call: Call) => Buffer | Error)[]): { run: BytesRunner; calls: Call[] } {
  const calls: Call[] = [];
  const run: BytesRunner = (command, args, env) => {
    const call = { command, args, env };
    calls.push(call);
    const answer = answers[calls.length - 1]?.(call) ?? new Error(`unexpected call ${command}`);
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { run, calls };
}

const exists = () => true;

describe('readClipboardImage', () => {
  const temp = useTempDir('nekodesk-clipboard-');

  it('X11: asks xclip for the TARGETS, then for the best image type offered', async () => {
    const { run, calls } = scripted([
      () => Buffer.from('TARGETS\nTIMESTAMP\nimage/jpeg\nimage/png\ntext/plain\n'),
      () => PNG,
    ]);
    const image = await readClipboardImage({
      env: { DISPLAY: ':9' },
      platform: 'linux',
      run,
      commandExists: exists,
    });
    expect(Buffer.from(image ?? [])).toEqual(PNG);
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['xclip', '-selection', 'clipboard', '-o', '-t', 'TARGETS'],
      ['xclip', '-selection', 'clipboard', '-o', '-t', 'image/png'],
    ]);
  });

  it('X11: null when the clipboard is empty or holds only text', async () => {
    const empty = scripted([
      () => new CommandError('xclip', 'exit', { exitCode: 1, stderr: 'target TARGETS not available' }),
    ]);
    expect(
      await readClipboardImage({
        env: { DISPLAY: ':9' },
        platform: 'linux',
        run: empty.run,
        commandExists: exists,
      }),
    ).toBeNull();
    const text = scripted([() => Buffer.from('TARGETS\nUTF8_STRING\ntext/plain\n')]);
    expect(
      await readClipboardImage({
        env: { DISPLAY: ':9' },
        platform: 'linux',
        run: text.run,
        commandExists: exists,
      }),
    ).toBeNull();
    expect(text.calls).toHaveLength(1);
  });

  it('Wayland: wl-paste --list-types, then the image (preferred over X11 when both are there)', async () => {
    const { run, calls } = scripted([() => Buffer.from('image/jpeg\ntext/html\n'), () => PNG]);
    await readClipboardImage({
      env: { DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' },
      platform: 'linux',
      run,
      commandExists: exists,
    });
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['wl-paste', '--list-types'],
      ['wl-paste', '--no-newline', '--type', 'image/jpeg'],
    ]);
  });

  it('macOS: osascript writes the PNG to a temporary file given as an argument, then it is removed', async () => {
    const tempDir = temp();
    let written = '';
    const { run, calls } = scripted([
      (call) => {
        written = call.args.at(-1) ?? '';
        writeFileSync(written, PNG);
        return Buffer.alloc(0);
      },
    ]);
    const image = await readClipboardImage({ env: {}, platform: 'darwin', run, tempDir });
    expect(Buffer.from(image ?? [])).toEqual(PNG);
    expect(calls[0]?.command).toBe('osascript');
    expect(calls[0]?.args.slice(0, -1)).toEqual(OSASCRIPT_READ_PNG.flatMap((line) => ['-e', line]));
    expect(written.startsWith(tempDir)).toBe(true);
    const { existsSync } = await import('node:fs');
    expect(existsSync(written)).toBe(false);
  });

  it('macOS: null when the clipboard cannot be made into PNG data', async () => {
    const { run } = scripted([
      () => new CommandError('osascript', 'exit', { exitCode: 1, stderr: "Can't make «class PNGf» (-1700)" }),
    ]);
    expect(await readClipboardImage({ env: {}, platform: 'darwin', run, tempDir: temp() })).toBeNull();
  });

  it('Windows: a fixed PowerShell script, the output path in an environment variable; exit 3 means no image', async () => {
    const { run, calls } = scripted([() => new CommandError('powershell.exe', 'exit', { exitCode: 3 })]);
    expect(
      await readClipboardImage({ env: { Path: 'C:\\\\' }, platform: 'win32', run, tempDir: temp() }),
    ).toBeNull();
    const call = calls[0];
    expect(call?.command).toBe('powershell.exe');
    const encoded = call?.args.at(-1) ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe(POWERSHELL_READ_IMAGE);
    expect(call?.env.NEKODESK_CLIPBOARD_OUT).toMatch(/nekodesk-clipboard-in-.+\.png$/);
  });

  it('names what to install when the tool is missing, or when there is no display', async () => {
    const none = () => false;
    await expect(
      readClipboardImage({ env: { DISPLAY: ':0' }, platform: 'linux', commandExists: none }),
    ).rejects.toThrow(/needs xclip on X11: install xclip/);
    await expect(
      readClipboardImage({ env: { WAYLAND_DISPLAY: 'w' }, platform: 'linux', commandExists: none }),
    ).rejects.toThrow(/needs wl-paste on Wayland: install wl-clipboard/);
    await expect(readClipboardImage({ env: {}, platform: 'linux', commandExists: none })).rejects.toThrow(
      /neither DISPLAY nor WAYLAND_DISPLAY is set/,
    );
  });

  it('passes on a tool that fails for another reason, in one clear sentence', async () => {
    const { run } = scripted([() => Buffer.from('image/png\n'), () => new CommandError('xclip', 'timeout')]);
    await expect(
      readClipboardImage({ env: { DISPLAY: ':0' }, platform: 'linux', run, commandExists: exists }),
    ).rejects.toThrow(/^Could not read the clipboard: xclip did not finish in time$/);
  });
});

describe('pickImageTarget', () => {
  it('prefers PNG, then JPEG, and ignores what it cannot clean', () => {
    expect(pickImageTarget('image/jpeg\nimage/png')).toBe('image/png');
    expect(pickImageTarget('image/bmp\nimage/jpeg')).toBe('image/jpeg');
    expect(pickImageTarget('image/bmp\ntext/plain')).toBeNull();
  });
});
