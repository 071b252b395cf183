import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliContext } from '../../main/cli/context';
import { registerCopyCommands, type CopyDependencies } from '../../main/cli/copy-commands';
import type { ClipboardPayload } from '../../main/core/clipboard';
import { TEST_HTTP_OPTIONS } from '../core/sources/helpers';
import { clipboardOwnerPid, isRunning } from '../core/clipboard/owner-process';
import { xclipIn, xclipOut } from '../core/clipboard/xclip';
import { requireX11Tools, startXvfb, type XvfbServer } from '../support/xvfb';
import { expectOneLineError, runIn, useFakes, useHome } from './helpers';

const run = promisify(execFile);

interface Recorded {
  payloads: ClipboardPayload[];
  launched: { command: string; args: readonly string[] }[];
  stdout: string;
}

/** `nekodesk copy …` in-process with a recording clipboard injected (no system tool runs). */
async function copyWith(home: string, env: Record<string, string>, argv: string[]): Promise<Recorded> {
  const recorded: Recorded = { payloads: [], launched: [], stdout: '' };
  const io = {
    env: { NEKODESK_HOME: home, ...env },
    stdout: { write: (chunk: string) => (recorded.stdout += chunk) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    cwd: home,
    core: { http: TEST_HTTP_OPTIONS, searchTimeoutMs: TEST_HTTP_OPTIONS.timeoutMs },
  };
  const program = new Command('nekodesk').option('--json').exitOverride();
  const ctx = new CliContext(io, () => program.opts<{ json?: boolean }>().json === true);
  const dependencies: CopyDependencies = {
    clipboard: () =>
      Promise.resolve({
        name: 'recorder',
        write: (payload) => {
          recorded.payloads.push(payload);
          return Promise.resolve();
        },
      }),
    launchApp: (command, args) => {
      recorded.launched.push({ command, args });
      return Promise.resolve();
    },
  };
  registerCopyCommands(program, ctx, dependencies);
  await program.parseAsync(argv, { from: 'user' });
  return recorded;
}

describe('nekodesk copy', () => {
  const { home } = useHome();
  const fakes = useFakes();

  it('a category: one random GIF from nekos.best, downloaded to the cache, copied as a file (the default)', async () => {
    const result = await copyWith(home(), fakes().env, ['copy', 'hug']);
    const [payload] = result.payloads;
    const file = payload?.files[0] ?? '';
    expect(file.startsWith(home())).toBe(true);
    expect(readFileSync(file).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(payload?.text).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/hug\/[0-9a-f-]{36}\.gif$/);
    expect(result.stdout).toMatch(/^Copied the GIF nekos\.best:[0-9a-f-]{36} \(.+\) as a file: .+\.gif\n$/);
    expect(fakes().nekosBest.requests.filter((r) => r.path.endsWith('.gif'))).toHaveLength(1);
  });

  it('--mode markdown --json prints the Artwork', async () => {
    const result = await copyWith(home(), fakes().env, ['--json', 'copy', 'pat', '--mode', 'markdown']);
    const artwork = JSON.parse(result.stdout) as { id: string; url: string; category: string };
    expect(artwork.category).toBe('pat');
    expect(result.payloads).toHaveLength(1);
    expect(result.payloads[0]?.files).toEqual([]);
    expect(result.payloads[0]?.text).toMatch(/^!\[.+\]\(http:.+\.gif\)$/);
    expect(result.payloads[0]?.text).toContain(artwork.url);
  });

  it('--mode image copies the first frame as PNG', async () => {
    const result = await copyWith(home(), fakes().env, ['copy', 'hug', '-m', 'image']);
    const png = result.payloads[0]?.imagePng ?? new Uint8Array();
    expect(Buffer.from(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('a Nekosia id is looked up by id', async () => {
    const listed = await runIn(home(), ['--json', 'nekosia', 'images', 'catgirl', '--count', '1'], {
      env: fakes().env,
    });
    const parsed = JSON.parse(listed.stdout) as
      { id: string; url: string }[] | { artworks: { id: string; url: string }[] };
    const [artwork] = Array.isArray(parsed) ? parsed : parsed.artworks;
    expect(artwork?.id).toMatch(/^nekosia:/);
    const result = await copyWith(home(), fakes().env, ['copy', artwork?.id ?? '', '--mode', 'link']);
    expect(result.payloads).toEqual([{ files: [], text: artwork?.url }]);
  });

  it('an unknown mode, an unknown nekos.best id: one clear line', async () => {
    expectOneLineError(
      await runIn(home(), ['copy', 'hug', '--mode', 'gif'], { env: fakes().env }),
      2,
      /Allowed choices are file, link, image, markdown/,
    );
    expectOneLineError(
      await runIn(home(), ['copy', 'nekos.best:nope'], {
        env: { ...fakes().env, DISPLAY: ':0', PATH: process.env.PATH ?? '' },
      }),
      1,
      /not in your history or favorites/,
    );
  });

  it('no clipboard: says why (or what to install), before downloading anything', async () => {
    const noDisplay = await runIn(home(), ['copy', 'hug'], { env: { ...fakes().env, PATH: '/nonexistent' } });
    expectOneLineError(noDisplay, 1, /neither DISPLAY nor WAYLAND_DISPLAY is set/);
    const wayland = await runIn(home(), ['copy', 'hug'], {
      env: { ...fakes().env, WAYLAND_DISPLAY: 'wayland-0', PATH: '/nonexistent' },
    });
    expectOneLineError(wayland, 1, /install wl-clipboard/);
    expect(fakes().nekosBest.requests).toHaveLength(0);
  });
});

describe('nekodesk picker', () => {
  const { home } = useHome();

  it('starts $NEKODESK_APP with --picker', async () => {
    const result = await copyWith(home(), { NEKODESK_APP: '/bin/true' }, ['picker']);
    expect(result.launched).toEqual([{ command: '/bin/true', args: ['--picker'] }]);
  });

  it('without the app: explains how to bind a shortcut', async () => {
    expectOneLineError(
      await runIn(home(), ['picker'], { env: { PATH: '/nonexistent' } }),
      1,
      /nekodesk-app --picker/,
    );
  });
});

const BIN = path.resolve(import.meta.dirname, '../../bin/nekodesk.js');
const x11 = requireX11Tools(['Xvfb', 'xclip']);

describe.skipIf(!x11.available)('bin/nekodesk.js copy on X11 (Xvfb, read back with xclip)', () => {
  const { home } = useHome();
  const fakes = useFakes();
  let xvfb: XvfbServer;
  beforeAll(async () => {
    xvfb = await startXvfb();
  });
  // Closing the server also ends an owner process a failed test left behind.
  afterAll(() => xvfb.close());

  it('returns at once, and its owner process serves the GIF as a file, as image/gif and as its URL', async () => {
    const env = {
      ...fakes().env,
      NEKODESK_HOME: home(),
      DISPLAY: xvfb.display,
      PATH: process.env.PATH ?? '',
    };
    // The CLI exits (and its output closes) while the owner it started keeps the clipboard.
    const { stdout } = await run(process.execPath, [BIN, '--json', 'copy', 'hug'], { env, timeout: 20_000 });
    const artwork = JSON.parse(stdout) as { url: string };

    const targets = (await xclipOut(xvfb.display, 'TARGETS')).toString('utf8').split('\n');
    expect(targets).toEqual(
      expect.arrayContaining(['text/uri-list', 'x-special/gnome-copied-files', 'image/gif', 'UTF8_STRING']),
    );
    const file = fileURLToPath((await xclipOut(xvfb.display, 'text/uri-list')).toString('utf8').trim());
    expect(file.startsWith(home())).toBe(true);
    const gif = readFileSync(file);
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect((await xclipOut(xvfb.display, 'image/gif')).equals(gif)).toBe(true);
    expect((await xclipOut(xvfb.display, 'UTF8_STRING')).toString('utf8')).toBe(artwork.url);

    const pid = await clipboardOwnerPid(xvfb.display);
    expect(isRunning(pid ?? 0)).toBe(true);
    await xclipIn(xvfb.display, 'next');
    await expect.poll(() => isRunning(pid ?? 0), { timeout: 3000 }).toBe(false);
  });
});
