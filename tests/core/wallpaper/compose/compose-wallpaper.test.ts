import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeWallpaper } from '../../../../main/core/wallpaper/compose/compose-wallpaper';
import type { Monitor } from '../../../../main/core/wallpaper/types';
import { useTempDir } from '../../../support/temp-dir';
import {
  BLACK,
  BLUE,
  GREEN,
  RED,
  bandedImage,
  expectColour,
  isBlueish,
  readPixels,
  solidImage,
} from './test-images';

const tempDir = useTempDir('nekodesk-compose-');
const LANDSCAPE: Monitor = { id: 'DP-1', x: 0, y: 0, width: 1920, height: 1080 };

/** 600x1200 portrait: top third red, middle green, bottom blue. */
function portrait(dir: string): Promise<string> {
  return bandedImage(dir, 'portrait.png', 600, 1200, [RED, GREEN, BLUE]);
}

describe('composeWallpaper: fit modes', () => {
  it('fit-blur shows the whole portrait artwork (top and bottom) over a dimmed blur of itself', async () => {
    const dir = tempDir();
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file: await portrait(dir), fit: 'fit-blur' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    expect([pixels.width, pixels.height]).toEqual([1920, 1080]);
    // Contained: 540x1080 in the middle, so the very top row is red and the very bottom row blue.
    expectColour(pixels.at(960, 4), RED);
    expectColour(pixels.at(960, 540), GREEN);
    expectColour(pixels.at(960, 1075), BLUE);
    // Beside it, the blurred copy: not black, and dimmer than the artwork itself.
    const side = pixels.at(100, 540);
    expect(Math.max(...side)).toBeGreaterThan(40);
    expect(Math.max(...side)).toBeLessThan(200);
    expect(side[1]).toBeGreaterThan(side[0]); // the artwork's green middle, blurred
    expect(side[1]).toBeGreaterThan(side[2]);
  });

  it('fill covers the monitor and keeps the top of a portrait artwork, cropping mostly the bottom', async () => {
    const dir = tempDir();
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file: await portrait(dir), fit: 'fill' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    // Centred cropping would show only green; the window a third of the way down keeps some red.
    expectColour(pixels.at(960, 4), RED);
    expectColour(pixels.at(4, 4), RED);
    expectColour(pixels.at(960, 1075), GREEN);
    for (let y = 0; y < 1080; y += 8) expect(isBlueish(pixels.at(960, y))).toBe(false);
  });

  it('fit-color fills the rest of the monitor with the given main colour', async () => {
    const dir = tempDir();
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file: await portrait(dir), fit: 'fit-color', mainColor: '#336699' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    expectColour(pixels.at(100, 540), [0x33, 0x66, 0x99], 8);
    expectColour(pixels.at(1800, 20), [0x33, 0x66, 0x99], 8);
    expectColour(pixels.at(960, 4), RED);
    expectColour(pixels.at(960, 1075), BLUE);
  });

  it('fit-color computes the dominant colour when none is given', async () => {
    const dir = tempDir();
    // Mostly teal, with a white stripe: the background should be teal.
    const file = await bandedImage(dir, 'teal.png', 600, 1200, [
      [0, 128, 128],
      [0, 128, 128],
      [0, 128, 128],
      [255, 255, 255],
    ]);
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file, fit: 'fit-color', mainColor: 'not a colour' }],
      outDir: path.join(dir, 'out'),
    });
    expectColour((await readPixels(result.spanFile)).at(100, 540), [0, 128, 128], 16);
  });

  it('center leaves a small artwork unscaled over black', async () => {
    const dir = tempDir();
    const file = await solidImage(dir, 'small.png', 400, 300, GREEN);
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file, fit: 'center' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    expectColour(pixels.at(960, 540), GREEN);
    expectColour(pixels.at(760 + 4, 390 + 4), GREEN);
    expectColour(pixels.at(760 - 4, 540), BLACK);
    expectColour(pixels.at(1160 + 4, 540), BLACK);
    expectColour(pixels.at(960, 390 - 4), BLACK);
    expectColour(pixels.at(960, 690 + 4), BLACK);
  });

  it('center contains an artwork larger than the monitor', async () => {
    const dir = tempDir();
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file: await portrait(dir), fit: 'center' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    expectColour(pixels.at(960, 4), RED);
    expectColour(pixels.at(960, 1075), BLUE);
    expectColour(pixels.at(100, 540), BLACK);
  });

  it('auto fills a same-orientation artwork and blurs around a different one', async () => {
    const dir = tempDir();
    const wide = await bandedImage(dir, 'wide.png', 1600, 1000, [RED, GREEN, BLUE]);
    const result = await composeWallpaper({
      monitors: [LANDSCAPE, { id: 'DP-2', x: 1920, y: 0, width: 1920, height: 1080 }],
      images: [
        { file: wide, fit: 'auto' },
        { file: await portrait(dir), fit: 'auto' },
      ],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    // Filled: no bars at the sides, the artwork reaches the edges.
    expectColour(pixels.at(4, 540), GREEN);
    expectColour(pixels.at(1915, 540), GREEN);
    // Fitted over a blur: the portrait's top and bottom both show.
    expectColour(pixels.at(1920 + 960, 4), RED);
    expectColour(pixels.at(1920 + 960, 1075), BLUE);
  });

  it('follows EXIF orientation: a sideways-stored photo is treated as portrait', async () => {
    const dir = tempDir();
    // Stored 1200x600 with the red band on the left; orientation 6 (rotate 90° clockwise) puts it on top.
    const stored = path.join(dir, 'sideways.jpg');
    const bands = await bandedImage(dir, 'bands.png', 600, 1200, [RED, GREEN, BLUE]);
    await sharp(bands).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toFile(stored);
    const result = await composeWallpaper({
      monitors: [LANDSCAPE],
      images: [{ file: stored, fit: 'auto' }],
      outDir: path.join(dir, 'out'),
    });
    const pixels = await readPixels(result.spanFile);
    expectColour(pixels.at(960, 4), RED, 40);
    expectColour(pixels.at(960, 1075), BLUE, 40);
  });
});
