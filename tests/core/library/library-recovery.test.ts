import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../main/core/library';
import { useTempDir } from '../../support/temp-dir';
import { makeArtwork } from './make-artwork';

/** A library with 3 favorites, 4 bans and some history, saved in `dir`. */
async function filledLibrary(dir: string): Promise<{ favorites: string[]; bans: string[] }> {
  const library = await Library.open(dir);
  const favorites = [makeArtwork(), makeArtwork(), makeArtwork()];
  for (const favorite of favorites) await library.addFavorite(favorite);
  await library.recordShown([{ artwork: makeArtwork() }, { artwork: makeArtwork() }]);
  const bans = ['nekosia:aa', 'nekosia:bb', 'nekos.best:cc', 'nekos.best:dd'];
  for (const id of bans) await library.ban([id]); // the last change of all is a ban
  return { favorites: favorites.map((favorite) => favorite.id).reverse(), bans: [...bans].reverse() };
}

async function contents(library: Library): Promise<{ favorites: string[]; bans: string[] }> {
  return {
    favorites: (await library.favorites()).map((entry) => entry.artwork.id),
    bans: (await library.bans()).map((ban) => ban.id),
  };
}

describe('library.json recovery', () => {
  const tempDir = useTempDir('nekodesk-library-recovery-');

  it.each([
    [
      'truncated',
      (file: string) => {
        truncateSync(file, Math.floor(readFileSync(file).length / 2));
      },
    ],
    [
      'emptied',
      (file: string) => {
        truncateSync(file, 0);
      },
    ],
    [
      'garbage',
      (file: string) => {
        writeFileSync(file, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x22]));
      },
    ],
    [
      'valid JSON but not a library',
      (file: string) => {
        writeFileSync(file, '[1, 2, 3]');
      },
    ],
  ])('restores a %s library.json from the backup with nothing lost', async (_name, damage) => {
    const dir = tempDir();
    const saved = await filledLibrary(dir);
    const file = path.join(dir, 'library.json');
    damage(file);

    const notices: string[] = [];
    const library = await Library.open(dir, { onNotice: (notice) => notices.push(notice) });
    expect(await contents(library)).toEqual(saved);
    expect(await library.history()).toHaveLength(2);
    expect(notices).toEqual([expect.stringMatching(/could not be read; it was restored from its backup/)]);
    expect(library.notices).toEqual(notices);
    // The damaged file is kept aside, and library.json is whole again.
    expect(readdirSync(dir).filter((name) => name.startsWith('library.corrupt-'))).toHaveLength(1);
    expect(await contents(await Library.open(dir))).toEqual(saved);
  });

  it('restores a deleted library.json from the backup', async () => {
    const dir = tempDir();
    const saved = await filledLibrary(dir);
    rmSync(path.join(dir, 'library.json'));
    const library = await Library.open(dir);
    expect(await contents(library)).toEqual(saved);
    expect(library.notices).toEqual([expect.stringMatching(/missing; it was restored from its backup/)]);
  });

  it('recovers when the file is damaged while the library is open (the other process)', async () => {
    const dir = tempDir();
    const saved = await filledLibrary(dir);
    const library = await Library.open(dir);
    writeFileSync(path.join(dir, 'library.json'), '{"favorites": [');
    expect(await contents(library)).toEqual(saved);
    await library.ban(['nekosia:ee']);
    expect((await contents(await Library.open(dir))).bans).toEqual(['nekosia:ee', ...saved.bans]);
  });

  it('starts an empty library with a notice when both files are bad, keeping the damaged one aside', async () => {
    const dir = tempDir();
    await filledLibrary(dir);
    writeFileSync(path.join(dir, 'library.json'), 'not json at all');
    writeFileSync(path.join(dir, 'library.json.bak'), '{"bans": "nope"}');
    const library = await Library.open(dir);
    expect(await contents(library)).toEqual({ favorites: [], bans: [] });
    expect(library.notices).toEqual([
      expect.stringMatching(/backup could not be read either; a new, empty library/),
    ]);
    const aside = readdirSync(dir).filter((name) => name.startsWith('library.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('not json at all');
    // The new library works and is saved.
    await library.ban(['nekosia:new']);
    expect((await contents(await Library.open(dir))).bans).toEqual(['nekosia:new']);
  });

  it('starts empty and quietly when there is no file yet', async () => {
    const dir = path.join(tempDir(), 'data', 'nested');
    const library = await Library.open(dir);
    expect(await contents(library)).toEqual({ favorites: [], bans: [] });
    expect(library.notices).toEqual([]);
    expect(existsSync(path.join(dir, 'library.json'))).toBe(false);
  });

  it('writes atomically: no temporary files are left, and the backup equals the file', async () => {
    const dir = tempDir();
    await filledLibrary(dir);
    expect(readdirSync(dir).sort()).toEqual(['library.json', 'library.json.bak']);
    expect(readFileSync(path.join(dir, 'library.json.bak'), 'utf8')).toBe(
      readFileSync(path.join(dir, 'library.json'), 'utf8'),
    );
  });
});
