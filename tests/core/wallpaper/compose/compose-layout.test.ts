import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeWallpaper } from '../../../../main/core/wallpaper/compose/compose-wallpaper';
import type { Monitor } from '../../../../main/core/wallpaper/types';
import { useTempDir } from '../../../support/temp-dir';
import { BLACK, expectColour, readPixels, solidImage, type Colour } from './test-images';

const tempDir = useTempDir('nekodesk-layout-');
const YELLOW: Colour = [255, 220, 0];
const MAGENTA: Colour = [220, 0, 220];

describe('composeWallpaper: monitor layouts', () => {
  it('puts each artwork in its own monitor region and leaves the gap below the shorter monitor black', async () => {
    const dir = tempDir();
    const monitors: Monitor[] = [
      { id: 'DP-1', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: 'HDMI-1', x: 1920, y: 0, width: 1280, height: 1024 },
    ];
    const result = await composeWallpaper({
      monitors,
      images: [
        { file: await solidImage(dir, 'a.png', 1600, 900, YELLOW), fit: 'fill' },
        { file: await solidImage(dir, 'b.png', 1000, 800, MAGENTA), fit: 'fill' },
      ],
      outDir: path.join(dir, 'out'),
    });
    expect([result.width, result.height]).toEqual([3200, 1080]);
    const pixels = await readPixels(result.spanFile);
    expect([pixels.width, pixels.height]).toEqual([3200, 1080]);
    expectColour(pixels.at(960, 540), YELLOW);
    expectColour(pixels.at(1910, 1075), YELLOW);
    expectColour(pixels.at(1930, 4), MAGENTA);
    expectColour(pixels.at(2560, 512), MAGENTA);
    expectColour(pixels.at(3195, 1015), MAGENTA);
    expectColour(pixels.at(2560, 1034), BLACK);
    expectColour(pixels.at(3195, 1075), BLACK);
  });

  it('handles a layout whose origin is negative (a monitor left of and above the primary)', async () => {
    const dir = tempDir();
    const monitors: Monitor[] = [
      { id: 'left', x: -1280, y: -200, width: 1280, height: 1024 },
      { id: 'main', x: 0, y: 0, width: 1920, height: 1080, primary: true },
    ];
    const result = await composeWallpaper({
      monitors,
      images: [
        { file: await solidImage(dir, 'a.png', 1280, 1024, MAGENTA), fit: 'fill' },
        { file: await solidImage(dir, 'b.png', 1920, 1080, YELLOW), fit: 'fill' },
      ],
      outDir: path.join(dir, 'out'),
    });
    // Bounding box: x -1280..1920, y -200..1080; the span's (0,0) is the desktop's (-1280,-200).
    expect([result.width, result.height]).toEqual([3200, 1280]);
    const pixels = await readPixels(result.spanFile);
    expectColour(pixels.at(640, 512), MAGENTA);
    expectColour(pixels.at(4, 4), MAGENTA);
    expectColour(pixels.at(640, 1024 + 10), BLACK); // below the left monitor
    expectColour(pixels.at(2000, 190), BLACK); // above the main monitor
    expectColour(pixels.at(1280 + 4, 200 + 4), YELLOW);
    expectColour(pixels.at(3195, 1275), YELLOW);
  });

  it('writes one file per monitor, each the size of its monitor and matching its region of the span', async () => {
    const dir = tempDir();
    const monitors: Monitor[] = [
      { id: 'DP-1', x: 0, y: 0, width: 1920, height: 1080 },
      { id: 'weird id/../x', x: 1920, y: 100, width: 1024, height: 1280 },
    ];
    const result = await composeWallpaper({
      monitors,
      images: [
        { file: await solidImage(dir, 'a.png', 1600, 900, YELLOW), fit: 'fit-blur' },
        { file: await solidImage(dir, 'b.png', 800, 1000, MAGENTA), fit: 'fill' },
      ],
      outDir: path.join(dir, 'out'),
    });
    expect(result.perMonitor.map((entry) => entry.monitor)).toEqual(monitors);
    const span = await readPixels(result.spanFile);
    for (const { monitor, file } of result.perMonitor) {
      expect(path.dirname(file)).toBe(path.join(dir, 'out'));
      expect(path.basename(file)).toMatch(/^wallpaper-\d{8}T\d{9}Z-[0-9a-f]{8}-\d-[A-Za-z0-9_-]+\.jpg$/);
      const metadata = await sharp(file).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        'jpeg',
        monitor.width,
        monitor.height,
      ]);
      const own = await readPixels(file);
      for (const [x, y] of [
        [10, 10],
        [monitor.width / 2, monitor.height / 2],
        [monitor.width - 10, monitor.height - 10],
      ] as const) {
        expectColour(own.at(x, y), span.at(monitor.x + x, monitor.y + y), 12);
      }
    }
  });
});
