import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artworkSchema, type Artwork } from '../../../main/core/artwork';
import { createCore, type Core } from '../../../main/core/create-core';
import { Library } from '../../../main/core/library';
import { clientCandidates, Rotation, seededRandom } from '../../../main/core/rotation';
import { wallpaperSettingsSchema, type WallpaperSettings } from '../../../main/core/settings/settings-schema';
import { startFakeNekosBest, startFakeNekosia, type FakeServer } from '../../fakes';
import { FakeClock } from '../../support/fake-clock';
import { useTempDir } from '../../support/temp-dir';
import { TEST_HTTP_OPTIONS } from '../sources/helpers';
import { makeArtwork } from '../library/make-artwork';
import { LANDSCAPE, PORTRAIT } from './fake-ports';

const INSTALLATION_ID = 'b1d4c9e0-5a7f-4e2b-9c3d-7f6e5d4c3b2a';

describe('the rotation over the real clients (fake Nekosia and nekos.best)', () => {
  const tempDir = useTempDir('nekodesk-rotation-it-');
  let nekosia: FakeServer;
  let nekosBest: FakeServer;
  let core: Core;

  beforeAll(async () => {
    [nekosia, nekosBest] = await Promise.all([
      startFakeNekosia({ enforceRateLimits: false }),
      startFakeNekosBest({ enforceRateLimits: false }),
    ]);
    core = createCore({
      urls: {
        nekosiaUrl: nekosia.baseUrl,
        nekosBestUrl: nekosBest.baseUrl,
        whatanimeUrl: 'http://127.0.0.1:9',
      },
      installationId: INSTALLATION_ID,
      http: TEST_HTTP_OPTIONS,
    });
  });
  afterAll(() => Promise.all([nekosia.close(), nekosBest.close()]));

  async function setUp(settings: Partial<WallpaperSettings>) {
    const dir = tempDir();
    let current = wallpaperSettingsSchema.parse(settings);
    const library = await Library.open(dir);
    const downloaded: Artwork[] = [];
    const applied: string[][] = [];
    const rotation = new Rotation(
      {
        clock: new FakeClock(),
        monitors: () => Promise.resolve([LANDSCAPE, PORTRAIT]),
        candidates: clientCandidates({
          clients: () => core,
          library,
          settings: () => current,
          sessionId: INSTALLATION_ID,
        }),
        download: async (artwork, signal) => {
          const response = await fetch(artwork.url, signal === undefined ? {} : { signal });
          const file = path.join(
            dir,
            `${createHash('sha256').update(artwork.id).digest('hex').slice(0, 16)}.img`,
          );
          await writeFile(file, Buffer.from(await response.arrayBuffer()));
          downloaded.push(artwork);
          return file;
        },
        compose: (_monitors, picks) =>
          Promise.resolve({ spanFile: picks.map((pick) => pick.file).join('|') }),
        apply: (composed) => {
          applied.push(composed.spanFile.split('|'));
          return Promise.resolve();
        },
        library,
        settings: () => current,
        random: seededRandom(5),
      },
      { prefetchDepth: 0 },
    );
    return {
      rotation,
      library,
      applied,
      downloaded,
      set: (patch: Partial<WallpaperSettings>) => {
        current = { ...current, ...patch };
      },
    };
  }

  it('fetches with the installation session, the rating and the blacklist; shows no repeats', async () => {
    const world = await setUp({
      sources: [
        { kind: 'nekosia', category: 'catgirl', tags: [], weight: 1 },
        { kind: 'nekos.best', category: 'neko', weight: 1 },
      ],
      blacklist: ['white-hair', 'not a valid upstream tag'],
    });
    nekosia.requests.length = 0;
    for (let i = 0; i < 6; i++) {
      const result = await world.rotation.next();
      expect(result.ok).toBe(true);
    }
    const shown = (await world.library.history()).map((entry) => entry.artwork);
    expect(shown).toHaveLength(12);
    expect(new Set(shown.map((artwork) => artwork.id)).size).toBe(12);
    for (const artwork of shown) {
      expect(artworkSchema.parse(artwork)).toEqual(artwork);
      expect(artwork.tags).not.toContain('white-hair');
      expect(artwork.kind).toBe('image');
    }
    expect(new Set(shown.map((artwork) => artwork.source))).toEqual(new Set(['nekosia', 'nekos.best']));

    const request = nekosia.requests.find((seen) => seen.path.endsWith('/images/catgirl'));
    expect(request?.query.get('session')).toBe('id');
    expect(request?.query.get('id')).toBe(INSTALLATION_ID);
    expect(request?.query.get('rating')).toBe('safe');
    expect(request?.query.get('blacklistedTags')).toBe('white-hair');
    expect(Number(request?.query.get('count'))).toBeGreaterThan(1);
    expect(world.downloaded).toHaveLength(12);
  });

  it('falls back to nekos.best when Nekosia fails', async () => {
    const world = await setUp({
      sources: [
        { kind: 'nekosia', category: 'catgirl', tags: [], weight: 100 },
        { kind: 'nekos.best', category: 'neko', weight: 1 },
      ],
    });
    nekosia.addFault({ fault: { kind: 'server-error', status: 500 }, path: /\/images\// });
    try {
      const result = await world.rotation.next();
      expect(result.ok).toBe(true);
      const shown = result.ok ? result.data.map((item) => item.artwork.source) : [];
      expect(shown).toEqual(['nekos.best', 'nekos.best']);
    } finally {
      nekosia.clearFaults();
    }
  });

  it('shows favorites from the library', async () => {
    const world = await setUp({ sources: [{ kind: 'favorites', weight: 1 }] });
    // Favorites with real, downloadable URLs: take two from the fake nekos.best.
    const [first, second] = await core.nekosBest.random('neko', 2);
    for (const artwork of [first, second]) if (artwork) await world.library.addFavorite(artwork);
    await world.library.addFavorite(makeArtwork({ kind: 'gif' })); // never a wallpaper
    const result = await world.rotation.next();
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.data.map((item) => item.artwork.id).sort() : [];
    expect(ids).toEqual([first?.id, second?.id].sort());
  });
});
