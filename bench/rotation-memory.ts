import type { Artwork } from '../main/core/artwork';
import { Library } from '../main/core/library';
import { Rotation, seededRandom, type RotationPorts } from '../main/core/rotation';
import { wallpaperSettingsSchema, type WallpaperSource } from '../main/core/settings/settings-schema';
import type { Monitor } from '../main/core/wallpaper/types';
import { FakeClock } from '../tests/support/fake-clock';
import type { Benchmark, Figure } from './figure';

const WARM_UP = 1_000;
const ROTATIONS = 10_000;
const BUDGET_MB = 5;
const MINUTE = 60_000;
const MONITORS: Monitor[] = [
  { id: 'DP-1', x: 0, y: 0, width: 2560, height: 1440, primary: true },
  { id: 'HDMI-1', x: 2560, y: 0, width: 1080, height: 1920 },
];
const SETTINGS = wallpaperSettingsSchema.parse({
  sources: [
    { kind: 'nekosia', category: 'catgirl', tags: [], weight: 2 },
    { kind: 'nekos.best', category: 'neko', weight: 1 },
    { kind: 'favorites', weight: 1 },
  ],
  intervalMinutes: 1,
  changeOnStart: false,
});

function artwork(source: WallpaperSource, n: number): Artwork {
  const nekosia = source.kind === 'nekosia';
  const url = `https://images.example/${source.kind}/${n}.png`;
  return {
    id: `${nekosia ? 'nekosia' : 'nekos.best'}:${n}`,
    source: nekosia ? 'nekosia' : 'nekos.best',
    kind: 'image',
    category: source.kind === 'favorites' ? 'favorite' : source.category,
    url,
    previewUrl: url,
    width: n % 3 === 0 ? 1920 : 1200,
    height: n % 3 === 0 ? 1080 : 1800,
    rating: 'safe',
    tags: ['catgirl', 'white-hair'],
    anime: 'Sousou no Frieren',
    character: 'Frieren',
    artist: { name: 'Mochi Usagi', url: 'https://artists.example/mochi' },
    sourceUrl: null,
    colors: nekosia ? { main: '#aabbcc', palette: ['#aabbcc', '#112233'] } : null,
  };
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** The rotation on a fake clock and in-memory ports: every change a timer change, with prefetch. */
export const rotationMemory: Benchmark = {
  name: 'rotation memory',
  async run(): Promise<Figure[]> {
    const clock = new FakeClock();
    const library = Library.inMemory({ now: () => clock.now() });
    let served = 0;
    let applied = 0;
    const ports: RotationPorts<{ spanFile: string }> = {
      clock,
      monitors: () => Promise.resolve(MONITORS),
      candidates: async (source, count) => {
        if (source.kind === 'favorites') return (await library.favorites()).map((entry) => entry.artwork);
        return Array.from({ length: count }, () => artwork(source, served++));
      },
      download: (item) => Promise.resolve(`/cache/${item.id}.png`),
      cachedFile: (item) => Promise.resolve(`/cache/${item.id}.png`),
      compose: (_monitors, picks) => Promise.resolve({ spanFile: `/composed/${picks.length}-${served}.jpg` }),
      apply: () => {
        applied += 1;
        return Promise.resolve();
      },
      library,
      settings: () => SETTINGS,
      onChange: () => undefined,
      onError: () => undefined,
      random: seededRandom(3),
    };
    for (let n = 0; n < 50; n++)
      await library.addFavorite(artwork({ kind: 'favorites', weight: 1 }, 1_000_000 + n));
    const rotation = new Rotation(ports);
    await rotation.start();
    const rotate = async (times: number): Promise<void> => {
      const target = applied + times;
      while (applied < target) {
        await clock.advance(MINUTE);
        await rotation.whenIdle();
      }
    };
    await rotate(WARM_UP); // the history is full (500) and the pools are warm
    const before = heapMb();
    await rotate(ROTATIONS);
    const after = heapMb();
    const failures = rotation.state().failures;
    await rotation.stop();
    const growth = Math.max(0, after - before);
    const gcNote = (globalThis as { gc?: () => void }).gc
      ? 'heapUsed after forced GC'
      : 'WITHOUT --expose-gc: heapUsed without forced GC, noisy';
    return [
      {
        name: `core heap growth over ${ROTATIONS.toLocaleString('en')} rotations (MB)`,
        value: growth,
        baseline: BUDGET_MB,
        digits: 2,
        note: `baseline: the ${BUDGET_MB} MB budget (ratio = growth / budget); ${gcNote}; ${before.toFixed(1)} → ${after.toFixed(1)} MB; fake clock, in-memory ports, 2 monitors, history 500; ${failures} failures`,
        target: { atMost: BUDGET_MB },
      },
    ];
  },
};
