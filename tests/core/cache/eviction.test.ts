import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { DownloadCache, type CacheEntry } from '../../../main/core/cache';
import { startFakeNekosBest, type FakeServer } from '../../fakes';
import { FakeClock } from '../../support/fake-clock';
import { useTempDir } from '../../support/temp-dir';
import { nekosBestArtworks, testHttp } from './helpers';

let nekos: FakeServer;
let art: Artwork[];
const tempDir = useTempDir('nekodesk-cache-evict-');

beforeAll(async () => {
  nekos = await startFakeNekosBest({ enforceRateLimits: false });
  art = nekosBestArtworks(nekos.baseUrl).slice(0, 6);
});

afterAll(async () => {
  await nekos.close();
});

interface Setup {
  root: string;
  clock: FakeClock;
  pinned: Set<string>;
  cache: DownloadCache;
}

async function setup(limitBytes?: number, root = tempDir()): Promise<Setup> {
  const clock = new FakeClock();
  const pinned = new Set<string>();
  const cache = await DownloadCache.open({ root, http: testHttp(), clock, pinned: () => pinned, limitBytes });
  return { root, clock, pinned, cache };
}

/** Stores artworks one second apart (so their last-use times differ); returns their entries. */
async function store(cache: DownloadCache, clock: FakeClock, artworks: Artwork[]): Promise<CacheEntry[]> {
  const entries: CacheEntry[] = [];
  for (const artwork of artworks) {
    await clock.advance(1000);
    entries.push(await cache.ensure(artwork, 'original'));
  }
  return entries;
}

function cachedIds(cache: DownloadCache, artworks: Artwork[]): string[] {
  return artworks
    .filter((artwork) => cache.get(artwork.id, 'original') !== null)
    .map((artwork) => artwork.id);
}

function at(index: number): Artwork {
  const artwork = art[index];
  if (!artwork) throw new Error(`no artwork ${index}`);
  return artwork;
}

describe('DownloadCache eviction', () => {
  it('evicts the least recently used entry first, counting a get as a use', async () => {
    const { cache, clock } = await setup();
    const [a, b, c] = await store(cache, clock, [at(0), at(1), at(2)]);
    if (!a || !b || !c) throw new Error('missing entries');
    await clock.advance(1000);
    cache.get(at(0).id, 'original'); // A is now the most recently used; B the least
    await cache.setLimit(a.size + b.size + c.size); // fits all three
    await clock.advance(1000);
    const d = await cache.ensure(at(3), 'original'); // over the limit: B goes
    expect(cachedIds(cache, art.slice(0, 4))).toEqual([at(0).id, at(2).id, at(3).id]);
    expect(existsSync(b.path)).toBe(false);
    expect(existsSync(d.path)).toBe(true);
    expect(cache.stats().bytes).toBeLessThanOrEqual(a.size + b.size + c.size);
    await cache.close();
  });

  it('never evicts a pinned artwork, even when the limit is 0', async () => {
    const { cache, clock, pinned } = await setup();
    const entries = await store(cache, clock, art.slice(0, 4));
    pinned.add(at(0).id); // the oldest: first in line without the pin
    expect(await cache.setLimit(0)).toBe(3);
    expect(cachedIds(cache, art.slice(0, 4))).toEqual([at(0).id]);
    expect(cache.stats()).toEqual({ entries: 1, bytes: entries[0]?.size, limitBytes: 0 });
    for (const entry of entries.slice(1)) expect(existsSync(entry.path)).toBe(false);
    await cache.close();
  });

  it('keeps the file a download just stored even when it alone is over the limit', async () => {
    const { cache } = await setup(1);
    const entry = await cache.ensure(at(0), 'original');
    expect(existsSync(entry.path)).toBe(true);
    const next = await cache.ensure(at(1), 'original');
    expect(existsSync(entry.path)).toBe(false);
    expect(existsSync(next.path)).toBe(true);
    await cache.close();
  });

  it('remembers last-use times across a restart', async () => {
    const first = await setup();
    const [a, , c] = await store(first.cache, first.clock, art.slice(0, 3));
    await first.clock.advance(1000);
    first.cache.get(at(0).id, 'original'); // the oldest becomes the most recently used
    await first.cache.close();

    const second = await setup(undefined, first.root);
    await second.cache.setLimit((a?.size ?? 0) + (c?.size ?? 0));
    expect(cachedIds(second.cache, art.slice(0, 3))).toEqual([at(0).id, at(2).id]);
    await second.cache.close();
  });

  it('refuses a limit that is not a whole number of bytes', async () => {
    const { cache } = await setup();
    await expect(cache.setLimit(-1)).rejects.toThrow(/whole number of bytes/);
    await expect(cache.setLimit(Number.NaN)).rejects.toThrow(/whole number of bytes/);
    expect(cache.stats().limitBytes).toBe(1024 ** 3);
    await cache.close();
  });
});
