import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../main/core/library';
import { useTempDir } from '../../support/temp-dir';
import { makeArtwork } from './make-artwork';

describe('Library', () => {
  const tempDir = useTempDir('nekodesk-library-');

  it('keeps the history newest first, bounded by historyLimit, with sets sharing an id', async () => {
    let now = 1_000;
    const library = await Library.open(tempDir(), { now: () => now, historyLimit: () => 5 });
    const artworks = Array.from({ length: 8 }, () => makeArtwork());
    for (const [index, artwork] of artworks.entries()) {
      now += 1_000;
      await library.recordShown(
        [{ artwork, monitor: { id: 'DP-1', width: 1920, height: 1080 } }],
        `set-${index}`,
      );
    }
    const history = await library.history();
    expect(history.map((entry) => entry.artwork.id)).toEqual(
      artworks
        .slice(3)
        .reverse()
        .map((artwork) => artwork.id),
    );
    expect(history[0]).toMatchObject({ shownAt: 9_000, setId: 'set-7', monitor: { id: 'DP-1' } });

    const [left, right] = [makeArtwork(), makeArtwork()];
    await library.recordShown([{ artwork: left }, { artwork: right }]);
    const [first, second] = await library.history();
    expect(first?.setId).toBeDefined();
    expect(second?.setId).toBe(first?.setId);
    expect(second?.shownAt).toBe(first?.shownAt);
  });

  it('uses the default limit of 500', async () => {
    const library = Library.inMemory();
    for (let i = 0; i < 520; i++) await library.recordShown([{ artwork: makeArtwork() }]);
    expect(await library.history()).toHaveLength(500);
  });

  it('never evicts favorites; adding twice keeps one; removing works', async () => {
    const library = await Library.open(tempDir(), { historyLimit: () => 10 });
    const favorite = makeArtwork();
    expect(await library.addFavorite(favorite)).toBe(true);
    expect(await library.addFavorite(favorite)).toBe(false);
    for (let i = 0; i < 50; i++) await library.recordShown([{ artwork: makeArtwork() }]);
    expect((await library.favorites()).map((entry) => entry.artwork)).toEqual([favorite]);
    expect(await library.isFavorite(favorite.id)).toBe(true);
    expect(await library.removeFavorite(favorite.id)).toBe(true);
    expect(await library.removeFavorite(favorite.id)).toBe(false);
    expect(await library.favorites()).toEqual([]);
  });

  it('bans and unbans artwork ids', async () => {
    const library = await Library.open(tempDir());
    expect(await library.ban(['nekosia:a', 'nekosia:b', 'nekosia:a'])).toEqual(['nekosia:a', 'nekosia:b']);
    expect(await library.ban(['nekosia:a'])).toEqual([]);
    expect(await library.isBanned('nekosia:b')).toBe(true);
    expect(await library.unban('nekosia:b')).toBe(true);
    expect((await library.bans()).map((ban) => ban.id)).toEqual(['nekosia:a']);
  });

  it('is saved in library.json and read back by another instance (the CLI beside the app)', async () => {
    const dir = tempDir();
    const app = await Library.open(dir);
    const cli = await Library.open(dir);
    const favorite = makeArtwork();
    await app.addFavorite(favorite);
    await cli.ban(['nekos.best:x']);
    await app.recordShown([{ artwork: makeArtwork() }]);
    // Each saw the other's change before writing its own.
    const reopened = await Library.open(dir);
    expect((await reopened.favorites()).map((entry) => entry.artwork.id)).toEqual([favorite.id]);
    expect((await reopened.bans()).map((ban) => ban.id)).toEqual(['nekos.best:x']);
    expect(await reopened.history()).toHaveLength(1);
    expect(await cli.isFavorite(favorite.id)).toBe(true);
  });

  it('loses no change when two instances write at the same time', async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([Library.open(dir), Library.open(dir)]);
    const artworks = Array.from({ length: 20 }, () => makeArtwork());
    await Promise.all(artworks.map((artwork, index) => (index % 2 === 0 ? a : b).addFavorite(artwork)));
    const ids = (await (await Library.open(dir)).favorites()).map((entry) => entry.artwork.id);
    expect(new Set(ids)).toEqual(new Set(artworks.map((artwork) => artwork.id)));
    expect(readdirSync(dir).sort()).toEqual(['library.json', 'library.json.bak']);
  });

  it('reads a file with unknown fields and invalid entries, keeping every valid entry', async () => {
    const dir = tempDir();
    const good = makeArtwork();
    const file = path.join(dir, 'library.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        futureField: { keep: true },
        favorites: [
          { artwork: good, addedAt: 1, rating: 5 },
          { artwork: { id: 'broken' }, addedAt: 2 },
        ],
        bans: [{ id: 'nekosia:x', bannedAt: 3 }, { id: 42 }, 'nonsense'],
        history: [{ artwork: good, shownAt: 4, monitor: { id: 'DP-1', width: 10, height: 10 } }, null],
      }),
    );
    const library = await Library.open(dir);
    expect((await library.favorites()).map((entry) => entry.artwork)).toEqual([good]);
    expect((await library.bans()).map((ban) => ban.id)).toEqual(['nekosia:x']);
    expect(await library.history()).toHaveLength(1);
    expect(library.notices).toEqual([expect.stringContaining('4 invalid entries were left out')]);
    // The cleaned file keeps what a newer version wrote, and the original is kept aside.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved.futureField).toEqual({ keep: true });
    expect(readdirSync(dir).some((name) => name.startsWith('library.invalid-'))).toBe(true);
  });
});
