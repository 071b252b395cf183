import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { Figure } from './figure';
import { pageWindow } from './support/bench-chromium';
import type { PageGlobals } from './support/page-globals';
import { showOriginals } from './support/original-tiles';
import { UPSTREAM_LATENCY_MS, type PickerBenchEnv } from './support/picker-bench-env';
import { REACTION_GIF } from './support/reaction-gifs';
import { median } from './support/stats';
import { paintReports, probeOptions, watchTilesPainted } from './support/tile-paint';

/** The picker window's size (PICKER_SIZE in main/shell/windows.ts): 4 columns, 3 rows of tiles on screen. */
const PICKER_VIEWPORT = { width: 520, height: 440 } as const;
const MIN_TILES = 12;
const WARM_TRIALS = 7;
const NAIVE_TRIALS = 5;
/** How long the picker stays hidden before each show: long enough for Chromium to drop its raster tiles. */
const HIDDEN_MS = 500;

/**
 * Picker shown → first frame with 12 tiles painted. Warm, as the app does it: the page was loaded into the
 * picker window before (hidden windows still load and paint), the core has the pool and the previews, and the
 * window is hidden and shown again; the show is the window's (minimized → normal), the page's rendering resumes.
 * Naive: no window kept, no previews: a fresh page load whose tiles are the original GIFs from nekos.best
 * (100 ms away).
 */
export async function measureShowToPaint(env: PickerBenchEnv): Promise<Figure> {
  const pickerUrl = `${env.harness.url}picker`;
  const warm = await warmShows(env, pickerUrl);
  const naive: number[] = [];
  for (let trial = 0; trial < NAIVE_TRIALS; trial++) naive.push(await naiveLoad(env, pickerUrl));
  return {
    name: `picker shown → ${String(MIN_TILES)} tiles painted, warm (median ms)`,
    value: median(warm),
    baseline: median(naive),
    digits: 1,
    note:
      `baseline: fresh page load, tiles = the original ${String(REACTION_GIF.width)}x${String(REACTION_GIF.height)} GIFs ` +
      `from nekos.best +${String(UPSTREAM_LATENCY_MS)} ms; ` +
      `warm: loaded page, window minimized ${String(HIDDEN_MS)} ms then restored; ` +
      `headless Chromium ${String(PICKER_VIEWPORT.width)}x${String(PICKER_VIEWPORT.height)}, ` +
      `${String(WARM_TRIALS)}/${String(NAIVE_TRIALS)} trials, end = decoded + 2 frames`,
  };
}

async function warmShows(env: PickerBenchEnv, pickerUrl: string): Promise<number[]> {
  const { context } = env.chromium;
  const page = context.pages()[0] ?? (await context.newPage());
  const pickerWindow = await pageWindow(page);
  try {
    const nextPaint = await paintReports(page);
    await pickerWindow.fitViewport(PICKER_VIEWPORT.width, PICKER_VIEWPORT.height);
    await page.goto(pickerUrl);
    await page.evaluate(watchTilesPainted, probeOptions(MIN_TILES));
    await nextPaint();
    await sleep(500); // the tiles' fade-in ends; the picker is ready to be hidden
    const times: number[] = [];
    for (let trial = 0; trial < WARM_TRIALS; trial++) {
      await pickerWindow.hide();
      await visibility(page, 'hidden');
      await sleep(HIDDEN_MS);
      // Armed while hidden: requestAnimationFrame runs again only once the window is shown.
      await page.evaluate(watchTilesPainted, probeOptions(MIN_TILES));
      const shownAt = performance.now();
      await pickerWindow.show();
      const painted = await nextPaint();
      times.push(painted.at - shownAt);
    }
    return times;
  } finally {
    await pickerWindow.close();
    await page.close();
  }
}

async function naiveLoad(env: PickerBenchEnv, pickerUrl: string): Promise<number> {
  // A context of its own each time: an empty HTTP cache, as for a page that was never loaded. The originals
  // come from nekos.best's origin, which the page's policy (img-src 'self') would refuse: bypassCSP lets them.
  const context = await env.chromium.browser.newContext({ bypassCSP: true, viewport: PICKER_VIEWPORT });
  try {
    const page = await context.newPage();
    const nextPaint = await paintReports(page);
    await page.addInitScript(watchTilesPainted, probeOptions(MIN_TILES));
    await showOriginals(page, (item) => item.artwork.url);
    const startedAt = performance.now();
    const [painted] = await Promise.all([nextPaint(), page.goto(pickerUrl)]);
    return painted.at - startedAt;
  } finally {
    await context.close();
  }
}

async function visibility(page: Page, state: PageGlobals['document']['visibilityState']): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const now = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.visibilityState);
    if (now === state) return;
    await sleep(10);
  }
  throw new Error(`The picker page did not become ${state}.`);
}
