import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom, type Rotation } from '../../../main/core/rotation';
import { makeArtwork } from '../library/make-artwork';
import {
  defaultArtwork,
  FakeWorld,
  FAVORITES,
  LANDSCAPE,
  MINUTE,
  NEKOS_BEST,
  NEKOSIA,
  PORTRAIT,
  type FakeComposed,
} from './fake-ports';

describe('Rotation sources and filters', () => {
  let rotation: Rotation<FakeComposed> | null = null;
  afterEach(async () => {
    await rotation?.stop();
    rotation = null;
  });

  function unstarted(world: FakeWorld, random?: () => number): Rotation<FakeComposed> {
    rotation = world.rotation({ prefetchDepth: 0 }, random);
    return rotation;
  }

  it('draws the source of each monitor in proportion to its weight (seeded)', async () => {
    const world = new FakeWorld({
      sources: [
        { ...NEKOSIA, weight: 3 },
        { ...NEKOS_BEST, weight: 1 },
        { kind: 'nekos.best', category: 'waifu', weight: 0 },
      ],
    });
    world.monitors = [LANDSCAPE, { ...LANDSCAPE, id: 'DP-2', x: 2560 }];
    const r = unstarted(world, seededRandom(7));
    for (let i = 0; i < 400; i++) expect((await r.next()).ok).toBe(true);
    const ids = world.appliedIds().flat();
    const share = ids.filter((id) => id.startsWith('nekosia:')).length / ids.length;
    expect(ids).toHaveLength(800);
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    expect(ids.some((id) => id.startsWith('nekos.best:waifu'))).toBe(false);
    // Both monitors draw on their own: some sets mix the two sources.
    expect(world.appliedIds().some(([a, b]) => a?.split(':')[0] !== b?.split(':')[0])).toBe(true);
  });

  it('skips artworks with a blacklisted tag (any case), suggestive ones when safe, and GIFs', async () => {
    const world = new FakeWorld({ blacklist: ['Spoiler'], rating: 'safe' });
    // Only every fourth artwork passes: the others are blacklisted, suggestive or GIFs.
    world.makers.set('nekosia:catgirl', (n) => {
      const base = defaultArtwork(NEKOSIA, n);
      if (n % 4 === 1) return { ...base, tags: ['catgirl', 'spoiler'] };
      if (n % 4 === 2) return { ...base, rating: 'suggestive' };
      if (n % 4 === 3) return { ...base, kind: 'gif' };
      return base;
    });
    const r = unstarted(world);
    for (let i = 0; i < 12; i++) expect((await r.next()).ok).toBe(true);
    for (const id of world.appliedIds().flat()) expect(Number(id.split(':').at(-1)) % 4).toBe(0);
  });

  it('prefers artworks whose orientation fits each monitor', async () => {
    const world = new FakeWorld();
    world.monitors = [LANDSCAPE, PORTRAIT];
    // Mostly portrait art, some landscape, some of unknown size.
    world.makers.set('nekosia:catgirl', (n) => {
      const base = defaultArtwork(NEKOSIA, n);
      if (n % 5 === 0) return base; // landscape
      if (n % 5 === 1) return { ...base, width: null, height: null };
      return { ...base, width: 1200, height: 1800 };
    });
    const r = unstarted(world);
    for (let i = 0; i < 20; i++) expect((await r.next()).ok).toBe(true);
    const landscapeIds = new Set(world.appliedIds().map(([left]) => Number(left?.split(':').at(-1))));
    for (const n of landscapeIds) expect(n % 5).toBe(0);
    for (const [, right] of world.appliedIds())
      expect(Number(right?.split(':').at(-1)) % 5).toBeGreaterThan(1);
  });

  it('takes a poor fit rather than nothing', async () => {
    const world = new FakeWorld();
    world.makers.set('nekosia:catgirl', (n) => ({
      ...defaultArtwork(NEKOSIA, n),
      width: 1000,
      height: 2000,
    }));
    const r = unstarted(world);
    expect((await r.next()).ok).toBe(true);
    expect(world.candidateCalls).toHaveLength(1); // the first batch has no fit: one of it is taken
    expect((await r.next()).ok).toBe(true);
    expect(world.candidateCalls).toHaveLength(2); // asked once more for a better fit, then took a pooled one
  });

  it('falls back to the other sources when one fails, reports it, and tries it last for a while', async () => {
    const world = new FakeWorld({
      sources: [
        { ...NEKOSIA, weight: 100 },
        { ...NEKOS_BEST, weight: 1 },
      ],
    });
    world.failing.set('nekosia:catgirl', 'upstream_error');
    const r = unstarted(world);
    const result = await r.next();
    expect(result.ok).toBe(true);
    expect(world.lastApplied()[0]).toMatch(/^nekos\.best:neko:/);
    expect(world.errors).toEqual([
      expect.objectContaining({ step: 'source', source: 'nekosia:catgirl', code: 'upstream_error' }),
    ]);
    expect(r.state().lastError).toMatchObject({ source: 'nekosia:catgirl' });

    world.candidateCalls.length = 0;
    await r.next();
    expect(world.candidateCalls).toEqual([]); // served from the nekos.best batch; nekosia still cooling down
    world.failing.clear();
    await world.clock.advance(MINUTE);
    for (let i = 0; i < 10; i++) await r.next();
    expect(
      world
        .appliedIds()
        .flat()
        .some((id) => id.startsWith('nekosia:')),
    ).toBe(true);
  });

  it('never rejects, and backs off when everything keeps failing', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    world.failing.set('nekosia:catgirl', 'upstream_error');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      rotation = world.rotation();
      const r = rotation;
      await r.start();
      expect(await r.next()).toMatchObject({ ok: false, error: { code: 'upstream_error' } });
      for (let i = 0; i < 180; i++) await world.clock.advance(MINUTE);
      await r.whenIdle();
      const changes = world.errors.filter((error) => error.step === 'change').length;
      // 3 hours: retries after 30 s, 1, 2, 4, 8, 16 min, then every 30 min: about a dozen, not hundreds.
      expect(changes).toBeGreaterThan(5);
      expect(changes).toBeLessThan(16);
      expect(world.candidateCalls.length).toBeLessThan(60);
      expect(r.state()).toMatchObject({ status: 'running', failures: changes });

      world.failing.clear();
      await world.clock.advance(30 * MINUTE);
      await r.whenIdle();
      expect(world.applied).toHaveLength(1);
      expect(r.state()).toMatchObject({ failures: 0 });
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('offline: rotates through downloaded history items and favorites', async () => {
    const world = new FakeWorld({ sources: [NEKOSIA, NEKOS_BEST] });
    const r = unstarted(world);
    for (let i = 0; i < 4; i++) await r.next();
    const favorite = makeArtwork({ id: 'nekosia:favorite', width: 1920, height: 1080 });
    await world.library.addFavorite(favorite);
    world.cache.set(favorite.id, '/cache/favorite.png');
    const evicted = world.appliedIds()[0]?.[0] ?? '';
    world.cache.delete(evicted);
    const downloaded = new Set([...world.appliedIds().flat(), favorite.id].filter((id) => id !== evicted));

    world.offline = true;
    const shown: string[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await r.next();
      expect(result.ok).toBe(true);
      shown.push(world.lastApplied()[0] ?? '');
    }
    expect(r.state().offline).toBe(true);
    for (const id of shown) expect(downloaded.has(id)).toBe(true);
    expect(shown).not.toContain(evicted);
    expect(new Set(shown.slice(0, 4)).size).toBe(4); // every one of them before any repeats
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);

    world.offline = false;
    await world.clock.advance(20 * MINUTE);
    await r.next();
    expect(world.lastApplied()[0]).not.toMatch(/favorite/);
    expect(r.state().offline).toBe(false);
  });

  it('offline with nothing downloaded fails with offline', async () => {
    const world = new FakeWorld();
    world.offline = true;
    const r = unstarted(world);
    expect(await r.next()).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(r.state()).toMatchObject({ offline: true, failures: 1 });
  });

  it('rotates favorites, least recently shown first', async () => {
    const world = new FakeWorld({ sources: [FAVORITES] });
    const favorites = Array.from({ length: 5 }, (_, n) =>
      makeArtwork({ id: `nekosia:fav${n}`, width: 1920, height: 1080 }),
    );
    for (const favorite of favorites) await world.library.addFavorite(favorite);
    const r = unstarted(world);
    for (let i = 0; i < 10; i++) expect((await r.next()).ok).toBe(true);
    const ids = world.appliedIds().map(([id]) => id);
    expect(new Set(ids.slice(0, 5)).size).toBe(5);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
  });
});
