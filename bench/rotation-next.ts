import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Artwork } from '../main/core/artwork';
import { systemClock } from '../main/core/clock';
import { createCore, type Core } from '../main/core/create-core';
import { Library } from '../main/core/library';
import { clientCandidates, Rotation, seededRandom } from '../main/core/rotation';
import { wallpaperSettingsSchema } from '../main/core/settings/settings-schema';
import type { Monitor } from '../main/core/wallpaper/types';
import { startFakeNekosBest, startFakeNekosia } from '../tests/fakes';
import type { Benchmark, Figure } from './figure';

const LATENCY_MS = 100;
const TRIALS = 12;
const MONITORS: Monitor[] = [
  { id: 'DP-1', x: 0, y: 0, width: 2560, height: 1440, primary: true },
  { id: 'HDMI-1', x: 2560, y: 0, width: 1080, height: 1920 },
];
const SETTINGS = wallpaperSettingsSchema.parse({
  sources: [
    { kind: 'nekosia', category: 'random', tags: [], weight: 2 },
    { kind: 'nekos.best', category: 'neko', weight: 1 },
  ],
  changeOnStart: false,
});

/** A real download of the asset's bytes into `dir` (what the cache does, without its bookkeeping). */
function downloader(dir: string): (artwork: Artwork, signal?: AbortSignal) => Promise<string> {
  return async (artwork, signal) => {
    const response = await fetch(artwork.url, signal === undefined ? {} : { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${artwork.url}`);
    const file = path.join(dir, `${createHash('sha256').update(artwork.id).digest('hex').slice(0, 20)}.img`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return file;
  };
}

/** Median wall-clock milliseconds of `next()` over TRIALS, with `prefetchDepth` upcoming wallpapers kept ready. */
async function nextLatency(core: Core, dir: string, prefetchDepth: number): Promise<number> {
  const library = Library.inMemory();
  let composed = 0;
  const rotation = new Rotation(
    {
      clock: systemClock,
      monitors: () => Promise.resolve(MONITORS),
      candidates: clientCandidates({
        clients: () => core,
        library,
        settings: () => SETTINGS,
        sessionId: `bench-${prefetchDepth}-${Date.now()}`,
      }),
      download: downloader(dir),
      compose: async (_monitors, picks) => {
        const spanFile = path.join(dir, `span-${prefetchDepth}-${++composed}.img`);
        await copyFile(picks[0]?.file ?? '', spanFile);
        return { spanFile };
      },
      apply: (result) => copyFile(result.spanFile, path.join(dir, 'wallpaper.img')),
      library,
      settings: () => SETTINGS,
      random: seededRandom(11),
    },
    { prefetchDepth },
  );
  await rotation.start();
  const times: number[] = [];
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      await rotation.whenIdle(); // the prefetch (if any) is ready, as it is between two timer changes
      const started = performance.now();
      const result = await rotation.next();
      times.push(performance.now() - started);
      if (!result.ok) throw new Error(`next() failed: ${result.error.message}`);
    }
  } finally {
    await rotation.stop();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export const rotationNext: Benchmark = {
  name: 'rotation next()',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'nekodesk-bench-rotation-'));
    const [nekosia, nekosBest] = await Promise.all([
      startFakeNekosia({ latencyMs: LATENCY_MS, enforceRateLimits: false }),
      startFakeNekosBest({ latencyMs: LATENCY_MS, enforceRateLimits: false }),
    ]);
    try {
      const core = createCore({
        urls: {
          nekosiaUrl: nekosia.baseUrl,
          nekosBestUrl: nekosBest.baseUrl,
          whatanimeUrl: 'http://127.0.0.1:9',
        },
      });
      const withPrefetch = await nextLatency(core, dir, 2);
      const without = await nextLatency(core, dir, 0);
      return [
        {
          name: 'next wallpaper latency, 2 monitors, upstream +100 ms (median ms)',
          value: withPrefetch,
          baseline: without,
          digits: 1,
          note: `baseline: no prefetch (pick, fetch, download on demand); ${TRIALS} changes each, real HTTP to the fakes`,
          target: { atMost: 50 },
        },
      ];
    } finally {
      await Promise.all([nekosia.close(), nekosBest.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
