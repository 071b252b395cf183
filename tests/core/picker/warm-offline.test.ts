import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { NekodeskError } from '../../../main/core/errors';
import {
  PickerFile,
  emptyPickerData,
  type PickerNekosBest,
  type RecentEntry,
} from '../../../main/core/picker';
import type { NekosBestClient } from '../../../main/core/sources/nekos-best/client';
import { startFakeNekosBest, type FakeServer } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';
import { at, ids, makePicker, testClient } from './helpers';

let fake: FakeServer;
let client: NekosBestClient;
const tempDir = useTempDir('nekodesk-picker-');

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

function recentOf(artworks: Artwork[], counts: number[]): RecentEntry[] {
  return artworks.map((artwork, i) => ({ artwork, mode: 'file', count: counts[i] ?? 1, copiedAt: i }));
}

describe('warm pool', () => {
  it('downloads a few GIFs of the most copied categories and every favorite, then works offline', async () => {
    const dir = tempDir();
    const store = await PickerFile.open(dir);
    const pick = async (category: string): Promise<Artwork> => at(await client.random(category, 1), 0);
    // Recent counts: wave 5, hug 3 (two GIFs), pat 2, cry 1 → top 3 are wave, hug, pat.
    const recent = recentOf(
      [await pick('wave'), await pick('hug'), await pick('pat'), await pick('cry')],
      [5, 3, 2, 1],
    );
    const favorite = await pick('dance');
    await store.update(() => ({
      ...emptyPickerData(),
      recent,
      favorites: [{ artwork: favorite, addedAt: 1 }],
    }));

    const online = await makePicker({
      dir,
      nekosBest: () => client,
      store,
      picker: { warmPerCategory: 2 },
    });
    const before = fake.requests.length;
    const result = await online.picker.warm();
    const asked = fake.requests.slice(before).map((request) => request.path);
    expect(asked.filter((p) => /\/api\/v2\/[a-z]+$/.test(p) && p !== '/api/v2/endpoints').sort()).toEqual([
      '/api/v2/hug',
      '/api/v2/pat',
      '/api/v2/wave',
    ]);
    expect(result.failed).toEqual([]);
    expect(result.categories).toEqual(['wave', 'hug', 'pat']);
    expect(result.ready).toHaveLength(3 * 2 + 1);
    expect(result.ready).toContain(favorite.id);
    for (const id of result.ready) {
      expect(online.cache.get(id, 'original')).not.toBeNull();
      await expect(online.picker.previewIfReady(id)).resolves.not.toBeNull();
    }
    const data = await store.read();
    expect(data.warm.map((artwork) => artwork.category).sort()).toEqual([
      'hug',
      'hug',
      'pat',
      'pat',
      'wave',
      'wave',
    ]);
    expect(online.picker.pinnedIds()).toEqual(new Set(result.ready));

    // A new picker, offline: the chips and the warm categories still show what is on disk.
    const off = await makePicker({
      dir,
      nekosBest: () => offline,
      store: new PickerFile(dir),
      cache: online.cache,
    });
    const chips = await off.picker.chips();
    expect(chips.map((chip) => chip.id)).toContain('wave');
    const wave = await off.picker.browse('wave', { limit: 20 });
    expect(wave.offline).toBe(true);
    expect(wave.done).toBe(true);
    const warmWave = data.warm.filter((artwork) => artwork.category === 'wave');
    expect(ids(wave.artworks)).toEqual(expect.arrayContaining(ids(warmWave)));
    // Recent's wave GIF was never downloaded (unless the warm pool happened to pick the same one): not shown offline.
    const recentWave = at(recent, 0).artwork.id;
    if (!ids(warmWave).includes(recentWave)) expect(ids(wave.artworks)).not.toContain(recentWave);
    expect(ids(wave.artworks).every((id) => online.cache.get(id, 'original') !== null)).toBe(true);
    // The first page (no more than the warm pool) opens without any request at all.
    const first = await off.picker.browse('hug', { limit: 2 });
    expect(first.offline).toBe(false);
    expect(ids(first.artworks).sort()).toEqual(
      ids(data.warm.filter((artwork) => artwork.category === 'hug')).sort(),
    );
    const dance = await off.picker.browse('dance', { limit: 10 });
    expect(ids(dance.artworks)).toEqual([favorite.id]);
    expect((await off.picker.browse('smug', { limit: 10 })).artworks).toEqual([]);
    // Copying a cached GIF works offline.
    await expect(off.picker.copy(favorite.id, 'file')).resolves.toMatchObject({ mode: 'file' });
  });

  it('warms the first GIF categories for a new user', async () => {
    const dir = tempDir();
    const { picker, store } = await makePicker({
      dir,
      nekosBest: () => client,
      picker: { warmCategories: 2, warmPerCategory: 1 },
    });
    const result = await picker.warm();
    expect(result.ready).toHaveLength(2);
    const chips = (await picker.chips()).filter((chip) => chip.kind === 'category');
    const expected = chips.slice(0, 2).map((chip) => chip.category);
    expect((await store.read()).warm.map((artwork) => artwork.category)).toEqual(expected);
  });

  it('fails plainly when offline with nothing remembered', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => offline });
    await expect(picker.chips()).rejects.toMatchObject({ code: 'offline' });
    await expect(picker.browse('wave')).resolves.toEqual({ artworks: [], done: true, offline: true });
    await expect(picker.warm()).resolves.toEqual({ ready: [], failed: [], categories: [] });
  });
});
