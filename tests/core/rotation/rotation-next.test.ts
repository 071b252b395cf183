import { afterEach, describe, expect, it } from 'vitest';
import type { Rotation } from '../../../main/core/rotation';
import { defaultArtwork, FakeWorld, LANDSCAPE, NEKOSIA, PORTRAIT, type FakeComposed } from './fake-ports';

describe('Rotation next, previous, favorites and bans', () => {
  let rotation: Rotation<FakeComposed> | null = null;
  afterEach(async () => {
    await rotation?.stop();
    rotation = null;
  });

  async function started(world: FakeWorld, prefetchDepth?: number): Promise<Rotation<FakeComposed>> {
    rotation = world.rotation(prefetchDepth === undefined ? {} : { prefetchDepth });
    await rotation.start();
    await rotation.whenIdle();
    return rotation;
  }

  it('keeps two wallpapers prefetched (downloaded and composed), so next() only applies', async () => {
    const world = new FakeWorld();
    world.monitors = [LANDSCAPE, PORTRAIT];
    const r = await started(world);
    expect(r.state().prefetched).toBe(2);
    expect(world.downloads).toHaveLength(6); // on screen + two upcoming, two monitors each
    expect(world.composes).toHaveLength(3);

    let atApply: { downloads: number; composes: number } | null = null;
    world.applyHook = () => {
      atApply = { downloads: world.downloads.length, composes: world.composes.length };
      return Promise.resolve();
    };
    const upcoming = world.composes[1];
    const result = await r.next();
    expect(result.ok).toBe(true);
    expect(atApply).toEqual({ downloads: 6, composes: 3 }); // nothing fetched or composed on the way
    expect(world.lastApplied()).toEqual(upcoming);

    await r.whenIdle();
    expect(r.state().prefetched).toBe(2); // refilled in the background
    expect(world.downloads).toHaveLength(8);
  });

  it('without a prefetch, next() downloads and composes first', async () => {
    const world = new FakeWorld();
    const r = await started(world, 0);
    expect(r.state().prefetched).toBe(0);
    const before = world.downloads.length;
    await r.next();
    expect(world.downloads.length).toBe(before + 1);
    expect(world.composes).toHaveLength(2);
  });

  it('waits for a prefetch under way instead of starting another', async () => {
    const world = new FakeWorld();
    rotation = world.rotation();
    const r = rotation;
    await r.start();
    // The prefetch has started but not finished; next() takes its first set.
    const result = await r.next();
    expect(result.ok).toBe(true);
    await r.whenIdle();
    expect(world.downloads).toHaveLength(4); // start + next + two prefetched; nothing wasted
    expect(new Set(world.downloads).size).toBe(4);
  });

  it('serialises overlapping calls: each applies once, in call order', async () => {
    const world = new FakeWorld();
    const r = await started(world);
    let running = 0;
    let maxRunning = 0;
    world.applyHook = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    const results = await Promise.all([r.next(), r.next(), r.previous(), r.next()]);
    expect(maxRunning).toBe(1);
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
    const applied = world.appliedIds().slice(1);
    expect(applied).toHaveLength(4);
    expect(results.map((result) => (result.ok ? result.data.map((item) => item.artwork.id) : []))).toEqual(
      applied,
    );
    expect(applied[2]).toEqual(applied[0]); // previous() went back to the first next()
  });

  it('previous() re-applies earlier sets from the history, further back each time', async () => {
    const world = new FakeWorld();
    world.monitors = [LANDSCAPE, PORTRAIT];
    const r = await started(world);
    await r.next();
    await r.next();
    await r.whenIdle();
    const [a, b, c] = world.appliedIds();
    const downloads = world.downloads.length;

    expect((await r.previous()).ok).toBe(true);
    expect(world.lastApplied()).toEqual(b);
    expect(r.current().map((item) => item.monitorId)).toEqual(['DP-1', 'HDMI-1']);
    expect((await r.previous()).ok).toBe(true);
    expect(world.lastApplied()).toEqual(a);
    const none = await r.previous();
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(world.downloads.length).toBe(downloads); // from the cache

    await r.next();
    const fresh = world.lastApplied();
    for (const shown of [a, b, c]) expect(fresh.some((id) => shown?.includes(id))).toBe(false);
  });

  it('previous() works in a new process (the CLI) from the history alone', async () => {
    const world = new FakeWorld();
    const app = world.rotation();
    await app.next();
    await app.next();
    const [first] = world.appliedIds();
    const cli = world.rotation();
    expect((await cli.previous()).ok).toBe(true);
    expect(world.lastApplied()).toEqual(first);
  });

  it('favoriteCurrent() adds what is shown (one monitor or all) to the favorites', async () => {
    const world = new FakeWorld();
    world.monitors = [LANDSCAPE, PORTRAIT];
    const r = await started(world);
    const [left, right] = r.current();
    const one = await r.favoriteCurrent('HDMI-1');
    expect(one).toEqual({ ok: true, data: [right?.artwork] });
    await r.favoriteCurrent();
    const ids = (await world.library.favorites()).map((entry) => entry.artwork.id).sort();
    expect(ids).toEqual([left?.artwork.id, right?.artwork.id].sort());
    expect(await r.favoriteCurrent('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('banCurrent() bans what is shown and moves on at once; banned ids are never picked', async () => {
    const world = new FakeWorld();
    await world.library.ban(['nekosia:catgirl:0', 'nekosia:catgirl:2']);
    const r = await started(world);
    const shown = world.appliedIds().flat();
    expect(shown).not.toContain('nekosia:catgirl:0');

    const banned = r.current()[0]?.artwork.id ?? '';
    const result = await r.banCurrent();
    expect(result.ok).toBe(true);
    expect(world.applied).toHaveLength(2);
    expect(await world.library.isBanned(banned)).toBe(true);
    expect(world.lastApplied()).not.toContain(banned);
    for (let i = 0; i < 10; i++) await r.next();
    const all = world.appliedIds().flat();
    expect(all.filter((id) => id === banned)).toHaveLength(1);
    expect(all).not.toContain('nekosia:catgirl:2');
    // previous() skips sets with a banned artwork.
    await r.previous();
    expect(world.lastApplied()).not.toContain(banned);
  });

  it('drops prefetched sets that became banned or do not fit a new monitor layout', async () => {
    const world = new FakeWorld();
    const r = await started(world);
    const queued = world.composes.slice(1).flat();
    await world.library.ban(queued.slice(0, 1));
    world.monitors = [LANDSCAPE, PORTRAIT];
    await r.next();
    const applied = world.lastApplied();
    expect(applied).toHaveLength(2);
    expect(applied).not.toContain(queued[0]);
  });

  it('never repeats an artwork within the kept history', async () => {
    const world = new FakeWorld({ historyLimit: 10 });
    // The source only ever has 14 different artworks.
    world.makers.set('nekosia:catgirl', (n) => defaultArtwork(NEKOSIA, n % 14));
    const r = await started(world);
    for (let i = 0; i < 40; i++) expect((await r.next()).ok).toBe(true);
    const ids = world.appliedIds().map(([id]) => id);
    for (let i = 0; i + 10 < ids.length; i++) {
      const window = ids.slice(i, i + 11);
      expect(new Set(window).size).toBe(window.length);
    }
  });

  it('says so when nothing new passes the filters, instead of repeating', async () => {
    const world = new FakeWorld();
    world.makers.set('nekosia:catgirl', (n) => defaultArtwork(NEKOSIA, n % 3));
    const r = world.rotation({ prefetchDepth: 0 });
    rotation = r;
    for (let i = 0; i < 3; i++) expect((await r.next()).ok).toBe(true);
    const result = await r.next();
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(world.applied).toHaveLength(3);
  });
});
