import { setTimeout as sleep } from 'node:timers/promises';
import { CACHE_PATH_PREFIX } from '../harness/harness-core';
import { cacheKeyOf } from '../main/core/cache';
import type { Figure } from './figure';
import { pageWindow } from './support/bench-chromium';
import { showOriginals } from './support/original-tiles';
import { RECENT_GIFS, type PickerBenchEnv } from './support/picker-bench-env';
import { REACTION_GIF } from './support/reaction-gifs';
import { paintReports, probeOptions, watchTilesPainted } from './support/tile-paint';

/** 10 columns of 6 rows: every one of the 60 Recent tiles on screen, so every one animates. */
const VIEWPORT = { width: 1140, height: 900 } as const;
const MEASURE_MS = 10_000;
/** After the tiles are painted: their fade-in ends and the animations run steadily. */
const SETTLE_MS = 1_000;

interface CpuUse {
  renderer: number;
  gpu: number;
}

/**
 * Renderer CPU time over 10 s with 60 animated tiles on screen: the core's previews (160 px animated WebP)
 * against the full GIFs (480x270) in the same tiles. Both from the harness's own origin (the GIFs from the
 * download cache, where copying put them), so only decoding and drawing differ. CPU time is Chromium's own
 * per-process count (SystemInfo.getProcessInfo): the renderer (main thread, compositor, raster and image
 * decode threads: with --disable-gpu all raster is software, in the renderer), and, reported beside it, the
 * GPU process, which composites the frames in software.
 */
export async function measureTileCpu(env: PickerBenchEnv): Promise<Figure> {
  const previews = await cpuWhileShowing(env, null);
  const originals = await cpuWhileShowing(env, (id) => `${CACHE_PATH_PREFIX}${cacheKeyOf(id, 'original')}`);
  return {
    name: `picker renderer CPU, ${String(RECENT_GIFS)} animated tiles for ${String(MEASURE_MS / 1000)} s, previews (ms)`,
    value: previews.renderer * 1000,
    baseline: originals.renderer * 1000,
    digits: 0,
    note:
      `baseline: the same tiles showing the full ${String(REACTION_GIF.width)}x${String(REACTION_GIF.height)} ` +
      `${String(REACTION_GIF.frames)}-frame GIFs; GPU process (software compositing) ` +
      `${(previews.gpu * 1000).toFixed(0)} vs ${(originals.gpu * 1000).toFixed(0)} ms; headless Chromium --disable-gpu`,
  };
}

/** CPU seconds used while the picker shows Recent for 10 s; `originalUrl` swaps the previews for the GIFs. */
async function cpuWhileShowing(
  env: PickerBenchEnv,
  originalUrl: ((artworkId: string) => string) | null,
): Promise<CpuUse> {
  const { context } = env.chromium;
  const page = await context.newPage();
  // Only the page measured may keep a renderer busy.
  for (const other of context.pages()) if (other !== page) await other.close();
  const pageWin = await pageWindow(page);
  try {
    await pageWin.fitViewport(VIEWPORT.width, VIEWPORT.height);
    const nextPaint = await paintReports(page);
    if (originalUrl !== null) await showOriginals(page, (item) => originalUrl(item.artwork.id));
    await page.goto(`${env.harness.url}picker`);
    await page.evaluate(watchTilesPainted, probeOptions(RECENT_GIFS));
    await nextPaint();
    const animated = await page.locator('button.tile.animated img').count();
    if (animated < RECENT_GIFS) {
      throw new Error(
        `Only ${String(animated)} of ${String(RECENT_GIFS)} tiles animate: the viewport is too small.`,
      );
    }
    await sleep(SETTLE_MS);
    const before = await env.chromium.cpuSeconds();
    await sleep(MEASURE_MS);
    const after = await env.chromium.cpuSeconds();
    const used = (type: string): number => (after.get(type) ?? 0) - (before.get(type) ?? 0);
    return { renderer: used('renderer'), gpu: used('GPU') };
  } finally {
    await pageWin.close();
    await page.close();
  }
}
