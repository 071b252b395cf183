/**
 * `nekodesk wallpaper …` in-process against the fake servers. No X server: the monitors come from
 * `wallpaper.monitors` and the wallpaper is "set" by a custom command that records each file it is given
 * (the real command runner, the real custom-command setter). `rotate` runs as a real process, and its loop
 * in-process with a fake clock.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artworkSchema } from '../../main/core/artwork';
import { CliContext } from '../../main/cli/context';
import type { CliIo } from '../../main/cli/io';
import { openCliWallpaper } from '../../main/cli/wallpaper-open';
import { parseInterval } from '../../main/cli/wallpaper-interval';
import { changeListener, rotateUntil } from '../../main/cli/wallpaper-rotate';
import type { ShownWallpaper } from '../../main/core/rotation';
import { encodePng } from '../fakes';
import { FakeClock } from '../support/fake-clock';
import { TEST_HTTP_OPTIONS } from '../core/sources/helpers';
import { expectOneLineError, runIn, useFakes, useHome, type CliResult } from './helpers';

const BIN = path.resolve(import.meta.dirname, '../../bin/nekodesk.js');
/** Nothing listens here: what an unplugged network looks like to the clients. */
const OFFLINE_ENV = {
  NEKODESK_NEKOS_BEST_URL: 'http://127.0.0.1:9/api/v2',
  NEKODESK_NEKOSIA_URL: 'http://127.0.0.1:9/api/v1',
};
const MONITORS = [
  { id: 'left', x: 0, y: 0, width: 320, height: 180 },
  { id: 'right', x: 320, y: 0, width: 180, height: 320 },
];

const shownSchema = z.array(z.object({ monitorId: z.string().nullable(), artwork: artworkSchema }));
const libraryFileSchema = z.object({
  favorites: z.array(z.object({ artwork: artworkSchema })),
  bans: z.array(z.object({ id: z.string() })),
  history: z.array(z.object({ artwork: artworkSchema, setId: z.string().optional() })),
});

describe('nekodesk wallpaper', { timeout: 30_000 }, () => {
  const { home, cwd } = useHome();
  const fakes = useFakes();

  /** settings.json with two monitors and a custom command that appends each file it is given to set.log. */
  function configure(wallpaper: Record<string, unknown> = {}): void {
    const recorder = path.join(home(), 'record.sh');
    writeFileSync(recorder, '#!/bin/sh\nprintf \'%s\\n\' "$1" >> "${0%/*}/set.log"\n');
    chmodSync(recorder, 0o755);
    writeFileSync(
      path.join(home(), 'settings.json'),
      JSON.stringify({
        wallpaper: { monitors: MONITORS, customCommand: `${recorder} {file}`, ...wallpaper },
      }),
    );
  }
  const setFiles = (): string[] => {
    const log = path.join(home(), 'set.log');
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  };
  const libraryFile = () =>
    libraryFileSchema.parse(JSON.parse(readFileSync(path.join(home(), 'data', 'library.json'), 'utf8')));
  const run = (argv: string[], env: Record<string, string> = {}) =>
    runIn(home(), argv, { env: { ...fakes().env, ...env }, cwd: cwd() });
  const shown = (result: CliResult): ShownWallpaper[] => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return shownSchema.parse(JSON.parse(result.stdout));
  };
  const ids = (items: readonly ShownWallpaper[]): string[] => items.map((item) => item.artwork.id);

  describe('next', () => {
    it('changes the wallpaper and prints each monitor’s artwork: title, artist, source, id', async () => {
      configure();
      const result = await run(['wallpaper', 'next']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      // The artist line is there when the source named one (the fakes, like the services, sometimes do not).
      expect(result.stdout).toMatch(/^left: .+\n( {2}Artist: .+\n)? {2}Source: (nekosia|nekos\.best)/m);
      expect(result.stdout).toMatch(/^right: /m);
      expect(result.stdout).toMatch(/^ {2}Id: {5}(nekosia|nekos\.best):\S+$/m);
      const [file] = setFiles();
      expect(file).toMatch(/data\/wallpapers\/wallpaper-.*-span\.jpg$/);
      expect(existsSync(file ?? '')).toBe(true);
    });

    it('prints the artworks per monitor with --json and records them in the history', async () => {
      configure();
      const items = shown(await run(['--json', 'wallpaper', 'next']));
      expect(items.map((item) => item.monitorId)).toEqual(['left', 'right']);
      expect(libraryFile().history.map((entry) => entry.artwork.id)).toEqual(ids(items));
    });

    it('offline, shows a downloaded wallpaper from the history again, and says so', async () => {
      configure();
      const first = shown(await run(['--json', 'wallpaper', 'next']));
      await run(['wallpaper', 'next']);
      const offline = await run(['--json', 'wallpaper', 'next'], OFFLINE_ENV);
      expect(offline.code).toBe(0);
      expect(offline.stderr).toMatch(/^nekodesk: offline: showing a downloaded wallpaper again\.\n$/);
      const again = shownSchema.parse(JSON.parse(offline.stdout));
      // What is on screen is not shown "again"; the set before it is downloaded.
      expect(ids(first)).toEqual(expect.arrayContaining(ids(again)));
      expect(setFiles()).toHaveLength(3);
    });

    it('offline with nothing downloaded, says so in one line', async () => {
      configure();
      expectOneLineError(await run(['wallpaper', 'next'], OFFLINE_ENV), 1, /No network/);
      expect(setFiles()).toHaveLength(0);
    });

    it('explains a custom command that fails', async () => {
      configure({ customCommand: '/bin/false {file}' });
      expectOneLineError(
        await run(['wallpaper', 'next']),
        1,
        /Could not set the .* wallpaper with your custom command: \/bin\/false failed/,
      );
    });
  });

  describe('previous and current', () => {
    it('goes back to the previous set; current names what is on screen, without the network', async () => {
      configure();
      const first = shown(await run(['--json', 'wallpaper', 'next']));
      const second = shown(await run(['--json', 'wallpaper', 'next']));
      expect(ids(second)).not.toEqual(ids(first));
      expect(ids(shown(await run(['--json', 'wallpaper', 'current'], OFFLINE_ENV)))).toEqual(ids(second));

      const back = shown(await run(['--json', 'wallpaper', 'previous']));
      expect(ids(back)).toEqual(ids(first));
      expect(setFiles()).toHaveLength(3);
      const human = await run(['wallpaper', 'current'], OFFLINE_ENV);
      expect(human.code).toBe(0);
      for (const id of ids(first)) expect(human.stdout).toContain(id);
      // Recorded as shown again: favorite acts on it.
      const favorited = z
        .array(artworkSchema)
        .parse(JSON.parse((await run(['--json', 'wallpaper', 'favorite'])).stdout));
      expect(favorited.map((artwork) => artwork.id).sort()).toEqual([...new Set(ids(first))].sort());
    });

    it('says when there is nothing to go back to, or nothing shown yet', async () => {
      configure();
      expect(await run(['wallpaper', 'current'])).toEqual({
        code: 0,
        stdout: 'No wallpaper has been shown yet.\n',
        stderr: '',
      });
      await run(['wallpaper', 'next']);
      expectOneLineError(await run(['wallpaper', 'previous']), 1, /no earlier wallpaper in the history/);
    });
  });

  describe('favorite and ban', () => {
    it('favorites what is on screen (kept in library.json)', async () => {
      configure();
      const current = shown(await run(['--json', 'wallpaper', 'next']));
      const result = await run(['--json', 'wallpaper', 'favorite']);
      expect(result.code).toBe(0);
      const favorited = z.array(artworkSchema).parse(JSON.parse(result.stdout));
      expect(favorited.map((artwork) => artwork.id).sort()).toEqual([...new Set(ids(current))].sort());
      expect(
        libraryFile()
          .favorites.map((entry) => entry.artwork.id)
          .sort(),
      ).toEqual([...new Set(ids(current))].sort());
      expect((await run(['wallpaper', 'favorite'])).stdout).toMatch(/^Added to the favorites:\n/);
    });

    it('lists the favorites and exports their images into a folder', async () => {
      configure();
      expect((await run(['wallpaper', 'favorites'])).stdout).toMatch(/^No favorites yet/);
      const current = shown(await run(['--json', 'wallpaper', 'next']));
      await run(['wallpaper', 'favorite']);

      const listed = z
        .array(artworkSchema)
        .parse(JSON.parse((await run(['--json', 'wallpaper', 'favorites'])).stdout));
      expect(listed.map((artwork) => artwork.id).sort()).toEqual([...new Set(ids(current))].sort());

      const folder = path.join(home(), 'exported');
      const result = await run(['wallpaper', 'favorites', '--export', folder]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Exported ${String(listed.length)} favorites? to `));
      const files = readdirSync(folder);
      expect(files).toHaveLength(listed.length);
      for (const file of files) {
        const head = readFileSync(path.join(folder, file)).subarray(0, 3);
        expect(['png', 'jpg'].some((extension) => file.endsWith(`.${extension}`))).toBe(true);
        expect(head[0] === 0x89 || head[0] === 0xff).toBe(true);
      }
    });

    it('bans what is on screen (kept in library.json) and moves on to a new wallpaper', async () => {
      configure();
      const current = shown(await run(['--json', 'wallpaper', 'next']));
      const result = await run(['wallpaper', 'ban']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^Banned (nekosia|nekos\.best):\S+, (nekosia|nekos\.best):\S+\. Now showing:\n/,
      );
      expect(
        libraryFile()
          .bans.map((ban) => ban.id)
          .sort(),
      ).toEqual(ids(current).sort());
      const now = shown(await run(['--json', 'wallpaper', 'current']));
      for (const id of ids(now)) expect(ids(current)).not.toContain(id);
      expect(setFiles()).toHaveLength(2);
    });

    it('has nothing to favorite or ban before a wallpaper was shown', async () => {
      configure();
      expectOneLineError(await run(['wallpaper', 'favorite']), 1, /No wallpaper is shown yet/);
      expectOneLineError(await run(['wallpaper', 'ban']), 1, /No wallpaper is shown yet/);
    });
  });

  describe('set', () => {
    it('shows a local image file on every monitor', async () => {
      configure();
      writeFileSync(path.join(cwd(), 'picture.png'), encodePng(64, 48, [200, 40, 40]));
      const result = await run(['wallpaper', 'set', 'picture.png']);
      expect(result).toEqual({
        code: 0,
        stdout: `Showing ${path.join(cwd(), 'picture.png')} on 2 monitors (left, right).\n`,
        stderr: '',
      });
      expect(setFiles()).toHaveLength(1);
      const json = await run(['--json', 'wallpaper', 'set', 'picture.png']);
      expect(JSON.parse(json.stdout)).toMatchObject({ monitors: ['left', 'right'] });
    });

    it('refuses a file that is missing or not an image, in one line', async () => {
      configure();
      writeFileSync(path.join(cwd(), 'notes.txt'), 'not a picture');
      expectOneLineError(await run(['wallpaper', 'set', 'missing.png']), 1, /missing\.png does not exist/);
      expectOneLineError(
        await run(['wallpaper', 'set', 'notes.txt']),
        2,
        /notes\.txt is not an image Nekodesk can read/,
      );
      expect(setFiles()).toHaveLength(0);
    });

    it('shows an artwork from the history by its id, on every monitor', async () => {
      configure();
      const [, right] = shown(await run(['--json', 'wallpaper', 'next']));
      const id = right?.artwork.id ?? '';
      const result = shown(await run(['--json', 'wallpaper', 'set', id]));
      expect(result).toEqual([
        { monitorId: 'left', artwork: right?.artwork },
        { monitorId: 'right', artwork: right?.artwork },
      ]);
      expect(ids(shown(await run(['--json', 'wallpaper', 'current'])))).toEqual([id, id]);
    });

    it('fetches a Nekosia image that is not in the library by its id', async () => {
      configure();
      const listed = await run(['--json', 'nekosia', 'images', 'catgirl']);
      const [artwork] = z
        .object({ artworks: z.array(artworkSchema) })
        .parse(JSON.parse(listed.stdout)).artworks;
      const result = await run(['wallpaper', 'set', artwork?.id ?? '']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Id:     ${artwork?.id ?? ''}`);
      expect(fakes().nekosia.requests.some((request) => request.path.includes('/getImageById/'))).toBe(true);
    });

    it('explains an unknown artwork id in one line', async () => {
      configure();
      expectOneLineError(
        await run(['wallpaper', 'set', 'nekosia:no-such-image']),
        1,
        /Nekosia has no image with the id "no-such-image"/,
      );
      expectOneLineError(
        await run(['wallpaper', 'set', 'nekos.best:0b7b1a52-0000-4000-8000-000000000000']),
        1,
        /not in your wallpaper history or favorites/,
      );
      expect(setFiles()).toHaveLength(0);
    });
  });

  describe('rotate', () => {
    it.each(['90s', '0', '25h', '1d', 'soon', ''])(
      'refuses --interval %j with exit code 2',
      async (value) => {
        configure();
        expectOneLineError(await run(['wallpaper', 'rotate', '--interval', value]), 2, /--interval/);
        expect(setFiles()).toHaveLength(0);
      },
    );

    it('reads 15m, 1h, 1h30m and bare minutes', () => {
      expect(['15m', '1h', '1h30m', '20', '24h', '1'].map(parseInterval)).toEqual([15, 60, 90, 20, 1440, 1]);
    });

    it('changes on start and at every interval, logging each change, until stopped', async () => {
      configure({ intervalMinutes: 5 });
      const clock = new FakeClock({ start: Date.now() });
      let stdout = '';
      const io: CliIo = {
        env: { NEKODESK_HOME: home(), ...fakes().env },
        stdout: { write: (chunk: string) => (stdout += chunk) },
        stderr: { write: () => true },
        stdin: (async function* () {})(),
        cwd: cwd(),
        clock,
        core: { http: TEST_HTTP_OPTIONS },
      };
      const ctx = new CliContext(io, () => false);
      const changes: ShownWallpaper[][] = [];
      const service = await openCliWallpaper(ctx, {
        prefetchDepth: 1,
        onChange: changeListener([], (items) => changes.push(items)),
      });
      const controller = new AbortController();
      const rotating = rotateUntil(service.rotation, controller.signal);
      await waitFor(() => changes.length === 1);
      await service.rotation.whenIdle();
      await clock.advance(4 * 60_000);
      await service.rotation.whenIdle();
      expect(changes).toHaveLength(1);
      await clock.advance(60_000);
      await waitFor(() => changes.length === 2);
      controller.abort();
      await rotating;
      await service.close();
      expect(service.rotation.state().status).toBe('stopped');
      expect(setFiles()).toHaveLength(2);
      expect(libraryFile().history.length).toBe(4);
      expect(stdout).toBe('');
    });

    it('runs as a process, logs each change as a line, and stops cleanly on SIGINT', async () => {
      configure();
      const child = spawn(process.execPath, [BIN, 'wallpaper', 'rotate', '--interval', '1h'], {
        env: { PATH: process.env.PATH, NEKODESK_HOME: home(), ...fakes().env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => {
          resolve(code);
        }),
      );
      try {
        await waitFor(() => stdout.includes('\n'), 20_000);
        child.kill('SIGINT');
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
      expect(stderr).toBe('nekodesk: changing the wallpaper every 1h; Ctrl+C stops.\n');
      const lines = stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines[0]).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ left: .+ \[(nekosia|nekos\.best):\S+\]; right: /,
      );
      expect(setFiles().length).toBe(lines.length);
      const history = libraryFile().history.map((entry) => entry.artwork.id);
      expect(history.length).toBe(2 * lines.length);
      expect(existsSync(path.join(home(), 'cache'))).toBe(true);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
