import { describe, expect, it } from 'vitest';
import { fileExists, useIdentifyHarness } from './service-setup';

describe('rankings', () => {
  const harness = useIdentifyHarness();

  it('hides adult entries unless the settings show them, says how many, and renumbers', async () => {
    const h = await harness();
    const page = await h.service.rankings('weekly', { offset: 0, limit: 50 });
    expect(page).toMatchObject({ period: 'weekly', offset: 0, total: 7, hiddenAdult: 2 });
    expect(page.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(page.items.some((item) => item.isAdult)).toBe(false);
    const counts = page.items.map((item) => item.count ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    h.settings.showAdult = true;
    const all = await h.service.rankings('weekly', { offset: 0, limit: 50 });
    expect(all).toMatchObject({ total: 9, hiddenAdult: 0 });
    expect(all.items.filter((item) => item.isAdult)).toHaveLength(2);
  });

  it('pages over one answer per period, with covers downloaded into the cache and AniList links', async () => {
    const h = await harness();
    const first = await h.service.rankings('all', { offset: 0, limit: 3 });
    const second = await h.service.rankings('all', { offset: 3, limit: 3 });
    expect(second.items.map((item) => item.rank)).toEqual([4, 5, 6]);
    expect(new Set([...first.items, ...second.items].map((item) => item.title)).size).toBe(6);
    const asked = h.fake.requests.filter((r) => r.path === '/api/anime/rankings');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.query.get('includeAdult')).toBe('true');
    for (const item of [...first.items, ...second.items]) {
      expect(item.coverUrl).toMatch(/^test-cache:\/\/i\/[0-9a-f]{40}\.jpg$/);
      expect(fileExists(h.fileOf(item.coverUrl))).toBe(true);
      expect(item.link).toMatch(/^https:\/\/anilist\.co\/anime\/\d+$/);
    }
    // Covers already downloaded are not asked for again.
    const covers = () => h.fake.requests.filter((r) => r.path.startsWith('/covers/')).length;
    const before = covers();
    await h.service.rankings('all', { offset: 0, limit: 3 });
    expect(covers()).toBe(before);
  });

  it('shows an entry without a cover when its cover cannot be had', async () => {
    const h = await harness();
    h.fake.addFault({ fault: { kind: 'server-error' }, path: /^\/covers\// });
    const page = await h.service.rankings('daily', { offset: 0, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((item) => item.coverUrl === null)).toBe(true);
  });

  it('passes on a failure of the list itself, and asks again next time', async () => {
    const h = await harness();
    h.fake.addFault({ fault: { kind: 'server-error' }, path: /rankings$/, times: 2 });
    await expect(h.service.rankings('daily', { offset: 0, limit: 2 })).rejects.toMatchObject({
      code: 'upstream_error',
    });
    expect((await h.service.rankings('daily', { offset: 0, limit: 2 })).items).toHaveLength(2);
  });
});

describe('recent searches', () => {
  const harness = useIdentifyHarness();

  it('pages with the service, stills downloaded into the cache', async () => {
    const h = await harness();
    const first = await h.service.recent({ offset: 0, limit: 4 });
    const next = await h.service.recent({ offset: 4, limit: 4 });
    expect(first).toMatchObject({ offset: 0, limit: 4, total: 30 });
    expect(next.offset).toBe(4);
    expect(first.items).toHaveLength(4);
    expect(new Set([...first.items, ...next.items].map((item) => item.id)).size).toBe(8);
    for (const item of first.items) {
      expect(fileExists(h.fileOf(item.imageUrl))).toBe(true);
      expect(item.title).not.toBe('');
    }
  });
});
