/**
 * The warm pool follows the favorites and the most used categories after start-up (`WarmPoolKeeper`): the real
 * picker core and download cache against the fake nekos.best, the debounce on a fake clock.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { DownloadCache } from '../../../main/core/cache';
import { NekodeskError } from '../../../main/core/errors';
import { systemClock } from '../../../main/core/clock';
import { HttpClient } from '../../../main/core/http/http-client';
import { NO_RATE_LIMIT } from '../../../main/core/http/upstream-limits';
import {
  PickerFile,
  WarmPoolKeeper,
  type PickerNekosBest,
  type PickerService,
} from '../../../main/core/picker';
import type { NekosBestClient } from '../../../main/core/sources/nekos-best/client';
import { startFakeNekosBest, type FakeServer } from '../../fakes';
import { FakeClock } from '../../support/fake-clock';
import { useTempDir } from '../../support/temp-dir';
import { at, makePicker, testClient } from './helpers';

let fake: FakeServer;
let client: NekosBestClient;
const tempDir = useTempDir('nekodesk-picker-keeper-');
const DEBOUNCE = 3000;

beforeAll(async () => {
  fake = await startFakeNekosBest({ enforceRateLimits: false });
  client = testClient(fake.baseUrl);
});
afterAll(async () => {
  await fake.close();
});

const offline: PickerNekosBest = {
  categoriesFull: () => Promise.reject(new NekodeskError('offline', 'nekos.best could not be reached.')),
  random: () => Promise.reject(new NekodeskError('offline', 'nekos.best could not be reached.')),
  search: () => Promise.reject(new NekodeskError('offline', 'nekos.best could not be reached.')),
};

function assetRequests(artwork: Artwork): number {
  const { pathname } = new URL(artwork.url);
  return fake.requests.filter((request) => request.path === pathname).length;
}

/** A cache that keeps what `pinned` names, as the app's does (it asks the picker at every eviction). */
async function pinningCache(dir: string, pinned: () => ReadonlySet<string>): Promise<DownloadCache> {
  return DownloadCache.open({
    root: path.join(dir, 'cache', 'artwork'),
    http: new HttpClient({
      fetch: (input, init) => fetch(input, init),
      clock: systemClock,
      limits: { 'nekos.best:asset': NO_RATE_LIMIT },
      retry: { maxAttempts: 1 },
    }),
    pinned,
  });
}

async function keptPicker(dir: string, clock: FakeClock, errors: unknown[] = []) {
  let picker: PickerService | null = null;
  const cache = await pinningCache(dir, () => picker?.pinnedIds() ?? new Set());
  const harness = await makePicker({
    dir,
    nekosBest: () => client,
    clock,
    cache,
    store: await PickerFile.open(dir),
    picker: { warmCategories: 1, warmPerCategory: 1 },
  });
  picker = harness.picker;
  const keeper = new WarmPoolKeeper(harness.picker, clock, {
    debounceMs: DEBOUNCE,
    onError: (error) => errors.push(error),
  });
  return { ...harness, keeper };
}

describe('a favorite', () => {
  it('is downloaded and pinned the moment it is added, then copies offline', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const { picker, cache, keeper } = await keptPicker(dir, clock);
    const gif = at((await picker.browse('dance', { limit: 1 })).artworks, 0);
    expect(cache.get(gif.id, 'original')).toBeNull();

    await expect(picker.toggleFavorite(gif.id)).resolves.toBe(true);
    await keeper.idle();

    // Ready without waiting for the re-warm's quiet time: no time has passed on the clock.
    expect(keeper.scheduled).toBe(true);
    expect(cache.get(gif.id, 'original')).not.toBeNull();
    await expect(picker.previewIfReady(gif.id)).resolves.not.toBeNull();
    expect(picker.pinnedIds()).toContain(gif.id);
    await cache.setLimit(0);
    expect(cache.get(gif.id, 'original')).not.toBeNull();

    // Offline, in a picker that starts from the files: it is in Favorites and copies without a request.
    const requests = assetRequests(gif);
    const off = await makePicker({ dir, nekosBest: () => offline, store: new PickerFile(dir), cache });
    expect((await off.picker.browse('favorites')).artworks.map((artwork) => artwork.id)).toEqual([gif.id]);
    const copied = await off.picker.copy(gif.id, 'file');
    expect(copied.payload.files).toEqual([cache.get(gif.id, 'original')?.path]);
    expect(assetRequests(gif)).toBe(requests);
    keeper.dispose();
  });

  it('is unpinned when unfavorited, so the cache may evict it', async () => {
    const dir = tempDir();
    const { picker, cache, keeper } = await keptPicker(dir, new FakeClock());
    const gif = at((await picker.browse('dance', { limit: 1 })).artworks, 0);
    await picker.toggleFavorite(gif.id);
    await keeper.idle();

    await expect(picker.toggleFavorite(gif.id)).resolves.toBe(false);
    await keeper.idle();
    expect(picker.pinnedIds()).not.toContain(gif.id);
    await cache.setLimit(0);
    expect(cache.get(gif.id, 'original')).toBeNull();
    keeper.dispose();
  });

  it('that could not be downloaded is fetched by the re-warm once things settle', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const { picker, cache, keeper } = await keptPicker(dir, clock, errors);
    const gif = at((await picker.browse('dance', { limit: 1 })).artworks, 0);
    fake.addFault({ fault: { kind: 'reset' }, path: new RegExp(`${new URL(gif.url).pathname}$`), times: 1 });

    await picker.toggleFavorite(gif.id);
    await keeper.idle();
    expect(errors).toHaveLength(1);
    expect(cache.get(gif.id, 'original')).toBeNull();

    await clock.advance(DEBOUNCE);
    await keeper.idle();
    expect(keeper.scheduled).toBe(false);
    expect(cache.get(gif.id, 'original')).not.toBeNull();
    keeper.dispose();
  });
});

describe('the most used categories', () => {
  it('re-warm the pool once copying settles on other categories, and only then', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const { picker, store, keeper } = await keptPicker(dir, clock);
    const first = await keeper.warm();
    expect(first.categories).toHaveLength(1);
    expect(first.categories).not.toEqual(['wave']);
    const warmCategories = async (): Promise<string[]> =>
      (await store.read()).warm.map((artwork) => artwork.category);
    expect(await warmCategories()).toEqual(first.categories);

    const [a, b] = (await picker.browse('wave', { limit: 2 })).artworks;
    if (!a || !b) throw new Error('no GIFs');
    await picker.copy(a.id, 'link');
    await keeper.idle();
    expect(keeper.scheduled).toBe(true);

    // Every change restarts the quiet time: nothing is warmed while copies keep coming.
    await clock.advance(DEBOUNCE - 1000);
    await picker.copy(b.id, 'link');
    await keeper.idle();
    await clock.advance(DEBOUNCE - 1000);
    await keeper.idle();
    expect(await warmCategories()).toEqual(first.categories);

    await clock.advance(1000);
    await keeper.idle();
    expect(keeper.scheduled).toBe(false);
    expect(await warmCategories()).toEqual(['wave']);

    // A copy that leaves the top categories as they are schedules nothing.
    await picker.copy(a.id, 'link');
    await keeper.idle();
    expect(keeper.scheduled).toBe(false);
    keeper.dispose();
  });

  it('stop being followed once the keeper is disposed', async () => {
    const clock = new FakeClock();
    const { picker, keeper } = await keptPicker(tempDir(), clock);
    await keeper.warm();
    keeper.dispose();
    const gif = at((await picker.browse('wave', { limit: 1 })).artworks, 0);
    await picker.copy(gif.id, 'link');
    await picker.toggleFavorite(gif.id);
    await keeper.idle();
    expect(keeper.scheduled).toBe(false);
    expect(clock.pending).toBe(0);
  });
});
