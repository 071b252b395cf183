import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { NekodeskError } from '../../../main/core/errors';
import { PickerSearchIndex, type PickerNekosBest } from '../../../main/core/picker';
import type { NekosBestClient } from '../../../main/core/sources/nekos-best/client';
import { startFakeNekosBest, type FakeServer } from '../../fakes';
import { FakeClock, flushAsync } from '../../support/fake-clock';
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

function requests(pattern: RegExp): number {
  return fake.requests.filter((request) => pattern.test(request.path)).length;
}

function gif(id: string, anime: string | null, category = 'wave'): Artwork {
  return {
    id: `nekos.best:${id}`,
    source: 'nekos.best',
    kind: 'gif',
    category,
    url: `https://nekos.best/api/v2/${category}/${id}.gif`,
    previewUrl: `https://nekos.best/api/v2/${category}/${id}.gif`,
    width: 200,
    height: 112,
    rating: 'safe',
    tags: [],
    anime,
    character: null,
    artist: null,
    sourceUrl: null,
    colors: null,
  };
}

describe('chips', () => {
  it('lists Recent, Favorites, then every GIF category; image categories only when asked', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    const chips = await picker.chips();
    expect(chips.slice(0, 2).map((chip) => chip.id)).toEqual(['recent', 'favorites']);
    const categories = chips.slice(2);
    const all = await client.categoriesFull();
    const gifs = Object.keys(all).filter((name) => all[name]?.format === 'gif');
    expect(categories.map((chip) => chip.category)).toEqual([...gifs].sort());
    expect(categories.every((chip) => chip.format === 'gif' && chip.kind === 'category')).toBe(true);
    expect(at(categories, 0).label).toMatch(/^[A-Z]/);

    const withImages = await makePicker({
      dir: tempDir(),
      nekosBest: () => client,
      settings: { showImageCategories: true },
    });
    const full = await withImages.picker.chips();
    expect(full.length).toBe(2 + Object.keys(all).length);
    expect(full.filter((chip) => chip.format === 'image').map((chip) => chip.category)).toEqual([
      'husbando',
      'kitsune',
      'neko',
      'waifu',
    ]);
  });
});

describe('browse', () => {
  it('cuts pages from a per-category pool: paging and re-opening never ask again', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    const before = requests(/\/api\/v2\/wave$/);
    const first = await picker.browse('wave', { offset: 0, limit: 2 });
    expect(first.artworks).toHaveLength(2);
    expect(first.offline).toBe(false);
    expect(first.artworks.every((artwork) => artwork.category === 'wave' && artwork.kind === 'gif')).toBe(
      true,
    );
    const afterFirst = requests(/\/api\/v2\/wave$/);
    expect(afterFirst - before).toBe(1); // one batch of 20

    const second = await picker.browse('wave', { offset: 2, limit: 2 });
    const again = await picker.browse('wave', { offset: 0, limit: 2 });
    expect(requests(/\/api\/v2\/wave$/)).toBe(afterFirst);
    expect(ids(again.artworks)).toEqual(ids(first.artworks));
    expect(new Set([...ids(first.artworks), ...ids(second.artworks)]).size).toBe(4);
    const query = fake.requests.findLast((request) => request.path.endsWith('/wave'))?.query;
    expect(query?.get('amount')).toBe('20');
  });

  it('stops asking when a category has nothing new, and says the list is done', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    const page = await picker.browse('hug', { offset: 0, limit: 50 });
    expect(page.artworks.length).toBe(5); // the fake holds 5 GIFs per category
    expect(page.done).toBe(true);
    expect(new Set(ids(page.artworks)).size).toBe(5);
  });

  it('rejects bad paging and unknown chips', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    await expect(picker.browse('wave', { offset: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(picker.browse('wave', { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(picker.browse('no such chip!')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(picker.browse('nosuchcategory')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('local search', () => {
  const index = new PickerSearchIndex();
  index.add([
    gif('1', 'Sousou no Frieren'),
    gif('2', 'Pokémon Horizons', 'happy'),
    gif('3', 'Bocchi the Rock!', 'dance'),
    gif('4', 'Spy x Family', 'wave'),
    gif('5', 'Frieren Fan Club', 'cry'),
    gif('6', null, 'wave'),
    gif('7', 'Kaspyan', 'pat'),
  ]);
  const search = (query: string, category?: string): string[] =>
    ids(index.search(query, category === undefined ? {} : { category })).map((id) => id.slice(11));

  it('matches word prefixes first, then substrings', () => {
    expect(search('frie')).toEqual(['1', '5']);
    expect(search('rieren')).toEqual(['1', '5']); // substring
    expect(search('fam')).toEqual(['4']);
    expect(search('bocchi roc')).toEqual(['3']); // every word must match
    expect(search('dance')).toEqual(['3']); // category
    expect(search('spy')).toEqual(['4', '7']); // exact word first, then a word containing it
    expect(search('sp')).toEqual(['4', '7']); // "Spy" starts with it; "Kaspyan" only contains it
  });

  it('ignores case and diacritics, both ways', () => {
    expect(search('POKEMON')).toEqual(['2']);
    expect(search('pokémon')).toEqual(['2']);
    expect(search('SOUSOU')).toEqual(['1']);
    expect(search('ＦＲＩＥＲＥＮ')).toEqual(['1', '5']); // full-width
  });

  it('filters by category and answers nothing for a blank query', () => {
    expect(search('frieren', 'cry')).toEqual(['5']);
    expect(search('   ')).toEqual([]);
    expect(search('zzz')).toEqual([]);
  });

  it('knows everything the picker has browsed', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    const page = await picker.browse('smile', { limit: 5 });
    const anime = at(page.artworks, 0).anime ?? '';
    const word = anime.split(/\s+/)[0] ?? '';
    const result = picker.search(word.slice(0, 3).toUpperCase(), { category: 'smile' });
    expect(ids(result.local)).toContain(at(page.artworks, 0).id);
    picker.cancelSearch();
    await expect(result.remote).resolves.toBeNull();
  });
});

/** A nekos.best whose searches answer only when the test says, each recorded with the fake clock's time. */
function heldSearches(clock: FakeClock) {
  const calls: { query: string; at: number; resolve: (artworks: Artwork[]) => void }[] = [];
  const port: PickerNekosBest = {
    categoriesFull: () => client.categoriesFull(),
    random: (category, amount) => client.random(category, amount),
    search: (params) =>
      new Promise<Artwork[]>((resolve) => {
        calls.push({ query: params.query, at: clock.now(), resolve });
      }),
  };
  return { port, calls };
}

describe('remote search', () => {
  it('is debounced: typing fast sends only the last query, after the quiet time', async () => {
    const clock = new FakeClock();
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client, clock });
    const before = requests(/\/search$/);
    const typed = ['f', 'fr', 'fri', 'frie', 'frieren'].map((query) => picker.search(query));
    await clock.advance(249);
    expect(requests(/\/search$/)).toBe(before);
    await clock.advance(1);
    const last = at(typed, 4);
    const answer = await last.remote;
    expect(answer?.length).toBeGreaterThan(0);
    expect(requests(/\/search$/)).toBe(before + 1);
    const sent = fake.requests.findLast((request) => request.path.endsWith('/search'));
    expect(sent?.query.get('query')).toBe('frieren');
    expect(sent?.query.get('type')).toBe('2');
    for (const older of typed.slice(0, 4)) await expect(older.remote).resolves.toBeNull();
    expect(picker.remoteSearchesSent).toBe(1);
    // What came back is now in the local index.
    expect(picker.search('frieren').local.length).toBeGreaterThan(0);
    picker.cancelSearch();
  });

  it('sends nothing for a blank query', async () => {
    const clock = new FakeClock();
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client, clock });
    const before = requests(/\/search$/);
    const blank = picker.search('   ');
    expect(blank.local).toEqual([]);
    await clock.advance(1000);
    await expect(blank.remote).resolves.toEqual([]);
    expect(requests(/\/search$/)).toBe(before);
  });

  it('keeps within 7 searches per 5 seconds', async () => {
    const clock = new FakeClock();
    const { port, calls } = heldSearches(clock);
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => port, clock });
    for (let i = 0; i < 8; i++) {
      const search = picker.search(`query ${i}`);
      await clock.advance(260);
      const call = calls[i];
      if (i < 7) {
        expect(call?.query).toBe(`query ${i}`);
        call?.resolve([]);
        await expect(search.remote).resolves.toEqual([]);
      } else {
        expect(call).toBeUndefined(); // the eighth waits for the window
        await clock.advance(5_000);
        expect(calls[7]?.query).toBe('query 7');
        calls[7]?.resolve([]);
        await expect(search.remote).resolves.toEqual([]);
      }
    }
    const times = calls.map((call) => call.at);
    for (let i = 7; i < times.length; i++)
      expect(at(times, i) - at(times, i - 7)).toBeGreaterThanOrEqual(5_000);
  });

  it('never lets an older answer replace a newer one', async () => {
    const clock = new FakeClock();
    const { port, calls } = heldSearches(clock);
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => port, clock });
    const older = picker.search('spy');
    await clock.advance(250);
    const newer = picker.search('bocchi');
    await clock.advance(250);
    expect(calls.map((call) => call.query)).toEqual(['spy', 'bocchi']);
    expect(newer.seq).toBeGreaterThan(older.seq);

    const newerArt = [gif('n1', 'Bocchi the Rock!')];
    const olderArt = [gif('o1', 'Spy x Family')];
    at(calls, 1).resolve(newerArt);
    await expect(newer.remote).resolves.toEqual(newerArt);
    await expect(picker.remote(newer.seq)).resolves.toEqual({
      seq: newer.seq,
      superseded: false,
      artworks: newerArt,
    });
    at(calls, 0).resolve(olderArt); // the older answer arrives last
    await expect(older.remote).resolves.toBeNull();
    await expect(picker.remote(older.seq)).resolves.toEqual({
      seq: older.seq,
      superseded: true,
      artworks: [],
    });
    await flushAsync();
    // Still learnt: the local index knows the late answer's GIF.
    expect(ids(picker.search('spy').local)).toContain('nekos.best:o1');
    picker.cancelSearch();
  });

  it('reports a failure of the latest search, but not of a superseded one', async () => {
    const clock = new FakeClock();
    let fail = true;
    const port: PickerNekosBest = {
      categoriesFull: () => client.categoriesFull(),
      random: (category, amount) => client.random(category, amount),
      search: () =>
        fail ? Promise.reject(new NekodeskError('offline', 'offline')) : Promise.resolve([gif('x', 'X')]),
    };
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => port, clock });
    const failing = picker.search('anything');
    await clock.advance(250);
    await expect(failing.remote).rejects.toMatchObject({ code: 'offline' });
    fail = false;
    const ok = picker.search('anything');
    await clock.advance(250);
    await expect(ok.remote).resolves.toHaveLength(1);
  });
});
