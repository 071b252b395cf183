/**
 * The real thing: a private X server (Xvfb), the x11-generic setter with the real runner and real feh,
 * and the root window read back with xwd. On CI missing tools fail the run; elsewhere they skip it.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNekodeskError } from '../../../../main/core/errors';
import { createCommandExists } from '../../../../main/core/wallpaper/setters/command-exists';
import {
  createCommandRunner,
  type Environment,
} from '../../../../main/core/wallpaper/setters/command-runner';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import type { ComposedWallpaper } from '../../../../main/core/wallpaper/types';
import { useTempDir } from '../../../support/temp-dir';
import { requireX11Tools, startXvfb, type XvfbServer } from '../../../support/xvfb';
import { captureRoot, type Screenshot } from '../../../support/xwd';

const WIDTH = 1280;
const HEIGHT = 720;
type Rgb = [number, number, number];
interface Palette {
  left: Rgb;
  right: Rgb;
  block: Rgb;
}
/** Each test sets a different picture, so none can pass on what the previous one left on the screen. */
const FIRST: Palette = { left: [220, 40, 60], right: [30, 90, 210], block: [250, 210, 20] };
const SECOND: Palette = { left: [20, 160, 90], right: [240, 130, 10], block: [150, 40, 200] };
/** The distinctive block: proves the image is neither mirrored nor shifted. */
const BLOCK_AREA = { x: 900, y: 100, width: 160, height: 120 };

const tools = requireX11Tools(['Xvfb', 'feh', 'xwd']);

function colourAt(palette: Palette, x: number, y: number): Rgb {
  const { x: bx, y: by, width, height } = BLOCK_AREA;
  if (x >= bx && x < bx + width && y >= by && y < by + height) return palette.block;
  return x < WIDTH / 2 ? palette.left : palette.right;
}

async function writeTestImage(file: string, palette: Palette): Promise<void> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) raw.set(colourAt(palette, x, y), (y * WIDTH + x) * 3);
  }
  await sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toFile(file);
}

/** Points well inside each area (edges may be smoothed by scaling). */
const PROBES: [number, number][] = [
  [10, 10],
  [320, 360],
  [630, 700],
  [650, 20],
  [1270, 710],
  [980, 160],
  [905, 105],
  [1055, 215],
  [1100, 160],
  [980, 400],
];

function expectPicture(shot: Screenshot, palette: Palette): void {
  expect([shot.width, shot.height]).toEqual([WIDTH, HEIGHT]);
  for (const [x, y] of PROBES) {
    const actual = shot.pixel(x, y);
    const expected = colourAt(palette, x, y);
    for (let channel = 0; channel < 3; channel++) {
      expect(
        Math.abs((actual[channel] ?? 0) - (expected[channel] ?? 0)),
        `pixel (${x}, ${y}): ${actual.join(',')}`,
      ).toBeLessThanOrEqual(6);
    }
  }
}

describe.skipIf(!tools.available)('x11-generic setter with real feh under Xvfb', () => {
  let server: XvfbServer;
  let env: Environment;
  const tempDir = useTempDir('nekodesk-x11-');

  beforeAll(async () => {
    server = await startXvfb();
    // An X11 session whatever session runs the tests: no Wayland, our display, a plain window manager.
    const { WAYLAND_DISPLAY: _wayland, ...inherited } = process.env;
    env = {
      ...inherited,
      DISPLAY: server.display,
      XDG_CURRENT_DESKTOP: 'openbox',
      DESKTOP_SESSION: 'openbox',
    };
  }, 20_000);

  afterAll(async () => {
    await server.close();
  });

  function setter(overrides: Partial<Record<string, string>> = {}) {
    const sessionEnv = { ...env, ...overrides };
    return createWallpaperSetter({
      platform: 'linux',
      env: sessionEnv,
      run: createCommandRunner(),
      commandExists: createCommandExists(sessionEnv),
    });
  }

  async function composedIn(dir: string, monitors: 1 | 2, palette = FIRST): Promise<ComposedWallpaper> {
    // A name with spaces, quotes, `$()` and `;`: real feh must get exactly this file.
    const file = path.join(dir, `wall 'paper' "x" $(touch pwned); y.png`);
    await writeTestImage(file, palette);
    const half = WIDTH / 2;
    const perMonitor =
      monitors === 1
        ? [{ monitor: { id: 'screen', x: 0, y: 0, width: WIDTH, height: HEIGHT, primary: true }, file }]
        : [
            { monitor: { id: 'left', x: 0, y: 0, width: half, height: HEIGHT, primary: true }, file },
            { monitor: { id: 'right', x: half, y: 0, width: half, height: HEIGHT }, file },
          ];
    return { spanFile: file, width: WIDTH, height: HEIGHT, perMonitor };
  }

  it('paints the root window with the image (one monitor)', async () => {
    const wallpaper = setter();
    expect(wallpaper.desktop).toBe('x11-generic');
    const dir = tempDir();
    await wallpaper.set(await composedIn(dir, 1, FIRST));
    expectPicture(await captureRoot(server.display), FIRST);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  it('spans the image over the whole root (several monitors, --no-xinerama)', async () => {
    const dir = tempDir();
    await setter().set(await composedIn(dir, 2, SECOND));
    expectPicture(await captureRoot(server.display), SECOND);
  });

  it('reports a missing tool clearly when feh is not on PATH', async () => {
    const wallpaper = setter({ PATH: tempDir() });
    const error: unknown = await wallpaper
      .set(await composedIn(tempDir(), 1))
      .catch((caught: unknown) => caught);
    expect(isNekodeskError(error) && error.code).toBe('internal');
    expect((error as Error).message).toBe(
      'Could not set the X11 wallpaper: neither feh nor nitrogen was found. Install feh (or nitrogen).',
    );
  });

  it('reports feh’s own error when it cannot load the file', async () => {
    const missing = path.join(tempDir(), 'gone.png');
    const error: unknown = await setter()
      .set({ spanFile: missing, width: WIDTH, height: HEIGHT, perMonitor: [] })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /^Could not set the X11 wallpaper: feh failed: feh WARNING: .*gone\.png/,
    );
  });
});
