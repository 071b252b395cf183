/**
 * "The first frame with N tiles painted", seen from outside the renderer with standard browser APIs (the
 * renderer has no hook for it): a probe polls once a frame (requestAnimationFrame, which does not run while
 * the page is hidden) until N tile images on screen have loaded, waits for `img.decode()` on each (decoded and
 * ready to paint), then for two more frames: the first paints them; the second begins only after Chromium
 * has committed that frame and activated it (a main frame waits for the previous one's activation, which
 * needs the visible tiles rastered), so it is drawn by then or at the next vsync. The probe then calls a
 * Playwright binding, and the time is taken in Node when the call arrives, on the same clock as the start
 * (the show, or the navigation).
 */
import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';

export const TILE_IMAGES = 'ul[aria-label="Reactions"] img';
const REPORT = '__nekodeskBenchPainted';
const TIMEOUT_MS = 30_000;

export interface Painted {
  /** Node's performance.now() when the page reported. */
  at: number;
  /** Tiles on screen, decoded, when it did. */
  tiles: number;
}

export interface ProbeOptions {
  minTiles: number;
  selector: string;
  report: string;
}

export function probeOptions(minTiles: number): ProbeOptions {
  return { minTiles, selector: TILE_IMAGES, report: REPORT };
}

/**
 * Runs in the page (serialized by Playwright: it must not use anything from this module). Its helpers are
 * properties, not named constants: tsx would wrap those in a `__name()` call that does not exist in the page.
 */
export function watchTilesPainted({ minTiles, selector, report }: ProbeOptions): void {
  const page = globalThis as unknown as PageGlobals & Record<string, ((tiles: number) => void) | undefined>;
  const probe: { send?: (tiles: number) => void; poll?: () => void } = {};
  probe.send = (tiles) => {
    page[report]?.(tiles);
  };
  probe.poll = () => {
    const ready = [...page.document.querySelectorAll(selector)].filter((image) => {
      const box = image.getBoundingClientRect();
      const onScreen =
        box.width > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < page.innerHeight &&
        box.left < page.innerWidth;
      return image.complete && image.naturalWidth > 0 && onScreen;
    });
    if (ready.length < minTiles) {
      page.requestAnimationFrame(() => probe.poll?.());
      return;
    }
    Promise.all(ready.map((image) => image.decode())).then(
      () => {
        page.requestAnimationFrame(() => {
          page.requestAnimationFrame(() => probe.send?.(ready.length));
        });
      },
      () => probe.send?.(-1),
    );
  };
  page.requestAnimationFrame(() => probe.poll?.());
}

/**
 * Exposes the report binding on `page` (before it loads, for probes installed with addInitScript) and returns
 * `next()`: the next report, failing when the page reports a broken image or none comes in 30 s.
 */
export async function paintReports(page: Page): Promise<() => Promise<Painted>> {
  let waiting: ((painted: Painted) => void) | null = null;
  let early: Painted | null = null;
  await page.exposeFunction(REPORT, (tiles: number) => {
    const painted = { at: performance.now(), tiles };
    if (waiting === null) early = painted;
    else waiting(painted);
    waiting = null;
  });
  return () =>
    new Promise<Painted>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting = null;
        reject(new Error(`No frame with the tiles painted within ${String(TIMEOUT_MS / 1000)} s.`));
      }, TIMEOUT_MS);
      const settle = (painted: Painted): void => {
        clearTimeout(timer);
        if (painted.tiles < 0) reject(new Error('A tile image could not be decoded.'));
        else resolve(painted);
      };
      if (early === null) waiting = settle;
      else settle(early);
      early = null;
    });
}
