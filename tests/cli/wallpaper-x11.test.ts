/**
 * The proof: the real `bin/nekodesk.js wallpaper …` as a process, on a private X server (Xvfb), with no desktop
 * environment variables, so the x11-generic setter runs real feh. The root window is read back with xwd and
 * compared with the composed span image. Missing tools fail on CI and skip elsewhere (with the reason).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artworkSchema } from '../../main/core/artwork';
import { requireX11Tools, startXvfb, type XvfbServer } from '../support/xvfb';
import { captureRoot, type Screenshot } from '../support/xwd';
import { useFakes, useHome, type CliResult } from './helpers';

const BIN = path.resolve(import.meta.dirname, '../../bin/nekodesk.js');
const WIDTH = 1280;
const HEIGHT = 720;
/** JPEG decoded by sharp and by feh (imlib2) differ by a few levels. */
const TOLERANCE = 12;

const tools = requireX11Tools(['Xvfb', 'xwd', 'feh', 'xrandr']);

interface Decoded {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

async function decodeJpeg(file: string): Promise<Decoded> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    pixel: (x, y) => {
      const offset = (y * info.width + x) * info.channels;
      return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0];
    },
  };
}

/** A 16 × 9 grid of sample points, inset from the edges. */
function samplePoints(): [number, number][] {
  const points: [number, number][] = [];
  for (let row = 0; row < 9; row++)
    for (let column = 0; column < 16; column++)
      points.push([Math.round((column + 0.5) * (WIDTH / 16)), Math.round((row + 0.5) * (HEIGHT / 9))]);
  return points;
}

/** Sample points where the screen differs from the image by more than the tolerance. */
function mismatches(screen: Screenshot, image: Decoded): string[] {
  const out: string[] = [];
  for (const [x, y] of samplePoints()) {
    const seen = screen.pixel(x, y);
    const expected = image.pixel(x, y);
    if (seen.some((value, channel) => Math.abs(value - (expected[channel] ?? 0)) > TOLERANCE))
      out.push(`(${x},${y}) screen ${seen.join(',')} image ${expected.join(',')}`);
  }
  return out;
}

function differentPoints(a: Decoded, b: Decoded): number {
  return samplePoints().filter(([x, y]) => {
    const [pa, pb] = [a.pixel(x, y), b.pixel(x, y)];
    return pa.some((value, channel) => Math.abs(value - (pb[channel] ?? 0)) > 2 * TOLERANCE);
  }).length;
}

function spawnCli(argv: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...argv], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`could not run ${BIN}: ${error.message}`));
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!tools.available)('nekodesk wallpaper on a real X server', { timeout: 60_000 }, () => {
  const { home } = useHome();
  const fakes = useFakes();
  let xvfb: XvfbServer | undefined;

  beforeAll(async () => {
    xvfb = await startXvfb({ screen: `${WIDTH}x${HEIGHT}x24` });
  });
  afterAll(async () => {
    await xvfb?.close();
  });

  /** No XDG_CURRENT_DESKTOP, DESKTOP_SESSION, WAYLAND_DISPLAY…: only DISPLAY, so feh is the setter. */
  const env = (): Record<string, string> => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home(),
    NEKODESK_HOME: home(),
    DISPLAY: xvfb?.display ?? '',
    ...fakes().env,
  });
  const run = async (...argv: string[]): Promise<CliResult> => {
    const result = await spawnCli(argv, env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result;
  };
  /** The one span image the last change composed (older ones are pruned). */
  const spanImage = async (): Promise<Decoded> => {
    const folder = path.join(home(), 'data', 'wallpapers');
    const spans = readdirSync(folder).filter((name) => name.endsWith('-span.jpg'));
    expect(spans).toHaveLength(1);
    return decodeJpeg(path.join(folder, spans[0] ?? ''));
  };
  const screen = () => captureRoot(xvfb?.display ?? '');
  const idsOf = (stdout: string): string[] =>
    z
      .array(z.object({ monitorId: z.string().nullable(), artwork: artworkSchema }))
      .parse(JSON.parse(stdout))
      .map((item) => item.artwork.id);

  it('next paints the composed wallpaper on the root window; previous brings the first back', async () => {
    const first = await run('--json', 'wallpaper', 'next');
    const firstIds = idsOf(first.stdout);
    expect(firstIds).toHaveLength(1); // xrandr: one 1280x720 screen
    const firstImage = await spanImage();
    expect([firstImage.width, firstImage.height]).toEqual([WIDTH, HEIGHT]);
    const firstScreen = await screen();
    expect([firstScreen.width, firstScreen.height]).toEqual([WIDTH, HEIGHT]);
    expect(mismatches(firstScreen, firstImage)).toEqual([]);

    const second = await run('--json', 'wallpaper', 'next');
    expect(idsOf(second.stdout)).not.toEqual(firstIds);
    const secondImage = await spanImage();
    // Two different artworks (each fake image has its own colours): the screen must change.
    expect(differentPoints(firstImage, secondImage)).toBeGreaterThan(0);
    expect(mismatches(await screen(), secondImage)).toEqual([]);

    const back = await run('--json', 'wallpaper', 'previous');
    expect(idsOf(back.stdout)).toEqual(firstIds);
    const backScreen = await screen();
    expect(mismatches(backScreen, await spanImage())).toEqual([]);
    // The same artwork composed again: the first picture is on screen again.
    expect(mismatches(backScreen, firstImage)).toEqual([]);

    const current = await run('--json', 'wallpaper', 'current');
    expect(idsOf(current.stdout)).toEqual(firstIds);
  });
});
