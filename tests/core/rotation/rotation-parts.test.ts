import { describe, expect, it } from 'vitest';
import { isAllowed, orientationFit, seededRandom, weightedSourceOrder } from '../../../main/core/rotation';
import { rulesFrom } from '../../../main/core/rotation/candidate-rules';
import { clampDue, intervalMs, retryDelayMs, timerWaitMs } from '../../../main/core/rotation/due-schedule';
import { assignToMonitors, historySets } from '../../../main/core/rotation/history-sets';
import { wallpaperSettingsSchema } from '../../../main/core/settings/settings-schema';
import { makeArtwork } from '../library/make-artwork';
import { LANDSCAPE, MINUTE, NEKOS_BEST, NEKOSIA, PORTRAIT, FAVORITES } from './fake-ports';

describe('weightedSourceOrder', () => {
  it('puts each source first in proportion to its weight, the others after as fallbacks', () => {
    const random = seededRandom(1);
    const sources = [
      { ...NEKOSIA, weight: 6 },
      { ...NEKOS_BEST, weight: 3 },
      { ...FAVORITES, weight: 1 },
    ];
    const firsts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const order = weightedSourceOrder(sources, random);
      expect(order).toHaveLength(3);
      const kind = order[0]?.kind ?? '';
      firsts.set(kind, (firsts.get(kind) ?? 0) + 1);
    }
    expect((firsts.get('nekosia') ?? 0) / 20_000).toBeCloseTo(0.6, 1);
    expect((firsts.get('nekos.best') ?? 0) / 20_000).toBeCloseTo(0.3, 1);
    expect((firsts.get('favorites') ?? 0) / 20_000).toBeCloseTo(0.1, 1);
  });

  it('never uses weight 0 and puts sources cooling down last', () => {
    const sources = [{ ...NEKOSIA, weight: 100 }, NEKOS_BEST, { ...FAVORITES, weight: 0 }];
    const order = weightedSourceOrder(sources, seededRandom(3), (source) => source.kind === 'nekosia');
    expect(order.map((source) => source.kind)).toEqual(['nekos.best', 'nekosia']);
  });

  it('is the same for the same seed', () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});

describe('due times', () => {
  it('holds the interval to 1 minute – 24 hours', () => {
    expect(intervalMs({ intervalMinutes: 0 })).toBe(MINUTE);
    expect(intervalMs({ intervalMinutes: 30 })).toBe(30 * MINUTE);
    expect(intervalMs({ intervalMinutes: 10_000 })).toBe(24 * 60 * MINUTE);
  });

  it('backs off 30 s, 1 min, 2 min … never beyond the interval', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30 * MINUTE))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(50, 30 * MINUTE)).toBe(30 * MINUTE);
    expect(retryDelayMs(5, MINUTE)).toBe(MINUTE);
  });

  it('never waits more than one interval, and looks at the clock at least once a tick', () => {
    expect(clampDue(10_000_000, 0, 30 * MINUTE)).toBe(30 * MINUTE);
    expect(clampDue(5 * MINUTE, 0, 30 * MINUTE)).toBe(5 * MINUTE);
    expect(timerWaitMs(null, 0, MINUTE)).toBe(MINUTE);
    expect(timerWaitMs(10 * MINUTE, 0, MINUTE)).toBe(MINUTE);
    expect(timerWaitMs(10_000, 0, MINUTE)).toBe(10_000);
    expect(timerWaitMs(-5, 0, MINUTE)).toBe(250);
  });
});

describe('candidate rules', () => {
  it('refuses banned ids, blacklisted tags in any case, suggestive art when safe, and GIFs', () => {
    const settings = wallpaperSettingsSchema.parse({ blacklist: [' Spoiler '], rating: 'safe' });
    const rules = rulesFrom(settings, ['nekosia:banned']);
    expect(isAllowed(makeArtwork(), rules)).toBe(true);
    expect(isAllowed(makeArtwork({ id: 'nekosia:banned' }), rules)).toBe(false);
    expect(isAllowed(makeArtwork({ tags: ['SPOILER'] }), rules)).toBe(false);
    expect(isAllowed(makeArtwork({ rating: 'suggestive' }), rules)).toBe(false);
    expect(isAllowed(makeArtwork({ kind: 'gif' }), rules)).toBe(false);
    const suggestive = rulesFrom({ ...settings, rating: 'suggestive' }, []);
    expect(isAllowed(makeArtwork({ rating: 'suggestive' }), suggestive)).toBe(true);
  });

  it('scores orientation: match 2, unknown 1, mismatch 0', () => {
    expect(orientationFit(makeArtwork({ width: 1920, height: 1080 }), LANDSCAPE)).toBe(2);
    expect(orientationFit(makeArtwork({ width: null, height: null }), LANDSCAPE)).toBe(1);
    expect(orientationFit(makeArtwork({ width: 1000, height: 2000 }), LANDSCAPE)).toBe(0);
    expect(orientationFit(makeArtwork({ width: 1000, height: 2000 }), PORTRAIT)).toBe(2);
  });
});

describe('history sets', () => {
  it('groups entries shown together and puts each artwork back on its monitor', () => {
    const [a, b, c] = [makeArtwork(), makeArtwork(), makeArtwork()];
    const sets = historySets([
      { artwork: a, shownAt: 2, setId: 's2', monitor: { id: 'DP-1', width: 1, height: 1 } },
      { artwork: b, shownAt: 2, setId: 's2', monitor: { id: 'HDMI-1', width: 1, height: 1 } },
      { artwork: c, shownAt: 1 },
    ]);
    expect(sets.map((set) => set.setId)).toEqual(['s2', 'at:1']);
    const [latest] = sets;
    expect(assignToMonitors(latest?.shown ?? [], [PORTRAIT, LANDSCAPE])).toEqual([b, a]);
    // A third monitor appeared: it reuses the set's artworks.
    const third = { ...LANDSCAPE, id: 'DP-3' };
    expect(assignToMonitors(latest?.shown ?? [], [LANDSCAPE, third, PORTRAIT])).toEqual([a, a, b]);
    expect(assignToMonitors(sets[1]?.shown ?? [], [LANDSCAPE, PORTRAIT])).toEqual([c, c]);
  });
});
