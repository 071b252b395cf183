import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library, artworkFileName, sanitizeFileNamePart } from '../../../main/core/library';
import { useTempDir } from '../../support/temp-dir';
import { makeArtwork } from './make-artwork';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('exportFavorites', () => {
  const tempDir = useTempDir('nekodesk-export-');

  it('copies each cached favorite under a safe, readable name and reports the others', async () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    mkdirSync(cache);
    const frieren = makeArtwork({ id: 'nekosia:65f0a1b2c3d4e5f6a7b8c9d0' });
    const hostile = makeArtwork({
      id: 'nekos.best:7b1c7f2e-1111-2222-3333-444455556666',
      source: 'nekos.best',
      anime: '../../etc/passwd',
      character: 'CON',
      artist: { name: 'a<b>:c"d|e?f*g\u0000h\u202Ei', url: null },
      url: 'https://evil.example/..%2F..%2Fboot.ini',
    });
    const missing = makeArtwork();
    const notImage = makeArtwork();
    const files = new Map([
      [frieren.id, path.join(cache, 'abc.bin')],
      [hostile.id, path.join(cache, 'def')],
      [notImage.id, path.join(cache, 'ghi.png')],
    ]);
    writeFileSync(path.join(cache, 'abc.bin'), PNG);
    writeFileSync(path.join(cache, 'def'), JPEG);
    writeFileSync(path.join(cache, 'ghi.png'), 'not an image');

    const library = Library.inMemory();
    for (const artwork of [frieren, hostile, missing, notImage]) await library.addFavorite(artwork);
    const out = path.join(dir, 'My favorites');
    const result = await library.exportFavorites(out, (artwork) =>
      Promise.resolve(files.get(artwork.id) ?? null),
    );

    expect(result.folder).toBe(out);
    expect(result.failed).toEqual([
      { id: notImage.id, reason: 'the cached file is not an image' },
      { id: missing.id, reason: 'not downloaded (it is not in the cache)' },
    ]);
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      'Sousou no Frieren - Frieren - Mochi Usagi (nekosia 65f0a1b2c3d4).png',
      'etc passwd - _CON - a b c d e f g h i (nekos.best 7b1c7f2e1111).jpg',
    ]);
    expect(result.exported.map((entry) => path.dirname(entry.file))).toEqual([out, out]);
    expect(readFileSync(path.join(out, names[0] ?? ''))).toEqual(PNG);
  });

  it('keeps names unique within one export', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.png');
    writeFileSync(file, PNG);
    const library = Library.inMemory();
    await library.addFavorite(makeArtwork({ id: 'nekosia:aaaaaaaaaaaa1' }));
    await library.addFavorite(makeArtwork({ id: 'nekosia:aaaaaaaaaaaa2' }));
    const result = await library.exportFavorites(path.join(dir, 'out'), () => Promise.resolve(file));
    expect(result.exported.map((entry) => path.basename(entry.file))).toEqual([
      'Sousou no Frieren - Frieren - Mochi Usagi (nekosia aaaaaaaaaaaa).png',
      'Sousou no Frieren - Frieren - Mochi Usagi (nekosia aaaaaaaaaaaa) 2.png',
    ]);
  });

  it('reports a file that cannot be copied without stopping the others', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.png');
    writeFileSync(good, PNG);
    const library = Library.inMemory();
    const gone = makeArtwork();
    const kept = makeArtwork();
    await library.addFavorite(kept);
    await library.addFavorite(gone);
    const result = await library.exportFavorites(path.join(dir, 'out'), (artwork) =>
      Promise.resolve(artwork.id === gone.id ? path.join(dir, 'vanished.png') : good),
    );
    expect(result.failed.map((entry) => entry.id)).toEqual([gone.id]);
    expect(result.exported.map((entry) => entry.id)).toEqual([kept.id]);
  });
});

describe('file names', () => {
  it('sanitises any text into one safe name part', () => {
    expect(sanitizeFileNamePart('  ..a/b\\c:d  ')).toBe('a b c d');
    expect(sanitizeFileNamePart('nul')).toBe('_nul');
    expect(sanitizeFileNamePart('葬送のフリーレン')).toBe('葬送のフリーレン');
    expect(sanitizeFileNamePart('x'.repeat(500))).toHaveLength(120);
  });

  it('falls back to the category and the source when the artwork has no names', () => {
    const artwork = makeArtwork({
      id: 'nekos.best:0000aaaa-bbbb',
      source: 'nekos.best',
      category: 'neko',
      anime: null,
      character: null,
      artist: null,
    });
    expect(artworkFileName(artwork, 'png')).toBe('neko (nekos.best 0000aaaabbbb).png');
  });
});
