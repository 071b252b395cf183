import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { composeWallpaper } from '../main/core/wallpaper/compose/compose-wallpaper';
import { JPEG_OPTIONS } from '../main/core/wallpaper/compose/output-files';
import type { Monitor } from '../main/core/wallpaper/types';
import type { Benchmark, Figure } from './figure';

/** A 4K monitor and a 1440p one beside it, each with a portrait artwork of a size the sources serve. */
const LAYOUT: { monitor: Monitor; artwork: { width: number; height: number } }[] = [
  {
    monitor: { id: 'DP-1', x: 0, y: 0, width: 3840, height: 2160, primary: true },
    artwork: { width: 2400, height: 3600 },
  },
  {
    monitor: { id: 'DP-2', x: 3840, y: 0, width: 2560, height: 1440 },
    artwork: { width: 1800, height: 2700 },
  },
];
const RUNS = 3;

/** A noisy JPEG, so decoding and encoding cost what real art costs (flat colour would flatter both). */
async function artwork(file: string, width: number, height: number): Promise<string> {
  await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.5)
    .jpeg({ quality: 90 })
    .toFile(file);
  return file;
}

/** Median wall time of `RUNS` runs after one warm-up run. */
async function median(task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export const composeSpan: Benchmark = {
  name: 'wallpaper composition',
  async run(): Promise<Figure[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'nekodesk-bench-compose-'));
    try {
      const screens = await Promise.all(
        LAYOUT.map(async ({ monitor, artwork: size }, index) => ({
          monitor,
          file: await artwork(path.join(dir, `art-${index}.jpg`), size.width, size.height),
        })),
      );
      // Pixel buffers held outside the V8 heap (the fitted monitors), sampled while composing.
      let buffersPeak = 0;
      const sampler = setInterval(() => {
        buffersPeak = Math.max(buffersPeak, process.memoryUsage().external);
      }, 5);
      const composed = await median(() =>
        composeWallpaper({
          monitors: screens.map(({ monitor }) => monitor),
          images: screens.map(({ file }) => ({ file, fit: 'fit-blur' as const })),
          outDir: path.join(dir, 'out'),
        }),
      );
      clearInterval(sampler);
      const resized = await median(() =>
        Promise.all(
          screens.map(({ monitor, file }, index) =>
            sharp(file)
              .resize(monitor.width, monitor.height)
              .jpeg(JPEG_OPTIONS)
              .toFile(path.join(dir, `plain-${index}.jpg`)),
          ),
        ),
      );
      return [
        {
          name: 'ms to compose a 3840x2160 + 2560x1440 span (fit-blur)',
          value: composed,
          baseline: resized,
          note:
            `median of ${RUNS}; baseline: a plain resize of the same two artworks to their monitors, ` +
            `same JPEG settings; peak external memory ${Math.round(buffersPeak / 2 ** 20)} MB`,
          target: { atMost: 10_000 },
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
