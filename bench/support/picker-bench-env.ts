import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../harness/server';
import { launchBenchChromium, type BenchChromium } from './bench-chromium';
import { harnessCalls, type HarnessCall } from './harness-calls';
import { makeReactionGif } from './reaction-gifs';
import { startReactionUpstream, type ReactionUpstream } from './reaction-upstream';

export const UPSTREAM_LATENCY_MS = 100;
/** A full Recent row: the picker opens on it with this many tiles. */
export const RECENT_GIFS = 60;
/** Distinct GIF files behind the 60 artworks (each takes sharp about a second to encode). */
const DISTINCT_GIFS = 3;
const GIFS_PER_CATEGORY = 5;

export interface PickerBenchEnv {
  harness: Harness;
  chromium: BenchChromium;
  close(): Promise<void>;
}

/**
 * A returning user's picker: the browser harness over a fake nekos.best answering after 100 ms with real-sized
 * GIFs, 60 GIFs copied before (so the picker opens on a full Recent row) and their previews made by the core,
 * as the app's warm pool leaves them. Chromium is started too.
 */
export async function openPickerBenchEnv(): Promise<PickerBenchEnv> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    // Chromium starts while sharp encodes the GIFs.
    const starting = launchBenchChromium();
    starting.catch(() => undefined); // awaited below; a failure surfaces there
    cleanups.push(async () => (await starting).close());
    const gifs: Buffer[] = [];
    for (let seed = 0; seed < DISTINCT_GIFS; seed++) gifs.push(await makeReactionGif(seed));
    const upstream: ReactionUpstream = await startReactionUpstream({ latencyMs: UPSTREAM_LATENCY_MS, gifs });
    cleanups.push(() => upstream.close());
    const home = await mkdtemp(path.join(tmpdir(), 'nekodesk-bench-picker-paint-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const harness = await startHarness({
      env: { NEKODESK_HOME: home, NEKODESK_NEKOS_BEST_URL: upstream.baseUrl },
      log: () => undefined,
    });
    cleanups.push(() => harness.close());
    const chromium = await starting;

    await fillRecent(await harnessCalls(harness.url));
    return { harness, chromium, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Copies 60 GIFs of 12 categories (downloads them), then has the core make every preview. */
async function fillRecent(call: HarnessCall): Promise<void> {
  const categories = (await call('picker:chips', undefined))
    .filter((chip) => chip.kind === 'category' && chip.format === 'gif')
    .slice(0, RECENT_GIFS / GIFS_PER_CATEGORY);
  const pages = await Promise.all(
    categories.map((chip) => call('picker:browse', { chip: chip.id, offset: 0, limit: GIFS_PER_CATEGORY })),
  );
  const ids = pages.flatMap((page) => page.items.map((item) => item.artwork.id));
  if (ids.length < RECENT_GIFS) throw new Error(`Only ${String(ids.length)} GIFs to fill Recent with.`);
  await Promise.all(ids.map((id) => call('picker:copy', { artworkId: id })));
  const previews = await call('picker:previews', { artworkIds: ids });
  const missing = previews.filter((preview) => preview.previewUrl === null).length;
  if (missing > 0) throw new Error(`The core could not make ${String(missing)} of the previews.`);
  const recent = await call('picker:browse', { chip: 'recent', offset: 0, limit: RECENT_GIFS });
  if (recent.items.length < RECENT_GIFS) throw new Error('Recent did not keep the GIFs copied.');
}
