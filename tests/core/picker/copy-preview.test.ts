import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownImage } from '../../../main/core/clipboard';
import { COPY_MODES } from '../../../main/core/settings/settings-schema';
import { PickerFile, emptyPickerData, pickerPreviewDir } from '../../../main/core/picker';
import type { NekosBestClient } from '../../../main/core/sources/nekos-best/client';
import { startFakeNekosBest, type FakeServer } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';
import { at, makePicker, testClient } from './helpers';

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

function assetRequests(url: string): number {
  const { pathname } = new URL(url);
  return fake.requests.filter((request) => request.path === pathname).length;
}

describe('previews', () => {
  it('makes a small animated WebP and a still poster once, shared by concurrent requests', async () => {
    const dir = tempDir();
    const { picker, cache } = await makePicker({ dir, nekosBest: () => client });
    const artwork = at((await picker.browse('wave', { limit: 1 })).artworks, 0);
    const before = assetRequests(artwork.url);
    expect(await picker.previewIfReady(artwork.id)).toBeNull();

    const [a, b, c] = await Promise.all([0, 1, 2].map(() => picker.preview(artwork.id)));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(assetRequests(artwork.url) - before).toBe(1);
    expect(cache.get(artwork.id, 'original')).not.toBeNull();
    const files = a ?? { animated: '', poster: '' };
    expect(path.dirname(path.dirname(files.animated))).toBe(pickerPreviewDir(cache.root));
    expect(files.animated.startsWith(path.join(dir, 'cache') + path.sep)).toBe(true);

    const animated = await sharp(files.animated, { animated: true }).metadata();
    expect(animated.format).toBe('webp');
    expect(animated.pages ?? 1).toBeGreaterThanOrEqual(2);
    expect(animated.width).toBeLessThanOrEqual(160);
    expect(animated.pageHeight ?? 0).toBeGreaterThan(0);
    expect(animated.pageHeight ?? Infinity).toBeLessThanOrEqual(160);

    const poster = await sharp(files.poster, { animated: true }).metadata();
    expect(poster.format).toBe('webp');
    expect(poster.pages ?? 1).toBe(1);
    expect(poster.width).toBeLessThanOrEqual(160);

    // Once made, it is served from disk, even by a new picker that has not seen the artwork yet.
    const again = await makePicker({ dir, nekosBest: () => client, cache });
    await expect(again.picker.previewIfReady(artwork.id)).resolves.toEqual(files);
    await expect(again.picker.preview(artwork.id)).resolves.toEqual(files);
    expect(assetRequests(artwork.url) - before).toBe(1);
  });

  it('answers not_found for an artwork the picker never saw', async () => {
    const { picker } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    await expect(picker.preview('nekos.best:00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('copy', () => {
  it('downloads on demand, writes the payload of each mode and records Recent in picker.json', async () => {
    const dir = tempDir();
    const store = await PickerFile.open(dir);
    const { picker, clipboard, cache } = await makePicker({ dir, nekosBest: () => client, store });
    const [first, second] = (await picker.browse('pat', { limit: 2 })).artworks;
    if (!first || !second) throw new Error('no GIFs');
    const progress: [number, number | null][] = [];

    const copied = await picker.copy(first.id, 'file', {
      onProgress: (n, total) => progress.push([n, total]),
    });
    const file = cache.get(first.id, 'original')?.path ?? '';
    expect(copied.file).toBe(file);
    expect(progress[0]).toEqual([0, null]);
    expect(progress.at(-1)?.[0]).toBeGreaterThan(0);
    expect(at(clipboard.writes, 0)).toEqual({ files: [file], text: first.url });

    await picker.copy(first.id, 'link');
    expect(at(clipboard.writes, 1)).toEqual({ files: [], text: first.url });
    await picker.copy(first.id, 'markdown');
    expect(at(clipboard.writes, 2)).toEqual({ files: [], text: markdownImage(first) });
    await picker.copy(second.id, 'image');
    const image = at(clipboard.writes, 3);
    expect(image.text).toBe(second.url);
    const png = await sharp(Buffer.from(image.imagePng ?? new Uint8Array())).metadata();
    expect(png.format).toBe('png');
    expect(clipboard.writes).toHaveLength(4);
    expect(new Set(COPY_MODES)).toEqual(new Set(['file', 'link', 'markdown', 'image']));

    // Default and alternate modes come from the settings (file / link).
    await picker.copy(second.id);
    expect(at(clipboard.writes, 4).files).toHaveLength(1);
    const alternate = await picker.copy(second.id, undefined, { alternate: true });
    expect(alternate.mode).toBe('link');

    const recent = (await picker.browse('recent')).artworks.map((artwork) => artwork.id);
    expect(recent).toEqual([second.id, first.id]);
    const onDisk = await new PickerFile(dir).read();
    expect(onDisk.recent.map((entry) => [entry.artwork.id, entry.count, entry.mode])).toEqual([
      [second.id, 3, 'link'],
      [first.id, 3, 'markdown'],
    ]);
    // A new picker over the same file knows them (copy works by id without browsing again).
    const reopened = await makePicker({ dir, nekosBest: () => client, store: new PickerFile(dir), cache });
    await expect(reopened.picker.copy(first.id, 'link')).resolves.toMatchObject({ mode: 'link' });
  });

  it('keeps Recent bounded', async () => {
    const dir = tempDir();
    const store = await PickerFile.open(dir);
    const artworks = (await Promise.all(['wave', 'hug', 'pat'].map((c) => client.random(c, 20)))).flat();
    const many = Array.from({ length: 70 }, (_, i) => ({
      artwork: { ...at(artworks, i % artworks.length), id: `nekos.best:bounded-${i}` },
      mode: 'file' as const,
      count: 1,
      copiedAt: i,
    }));
    await store.update(() => ({ ...emptyPickerData(), recent: many }));
    const { picker } = await makePicker({ dir, nekosBest: () => client, store });
    await picker.copy(at(many, 0).artwork.id, 'link');
    const data = await store.read();
    expect(data.recent).toHaveLength(60);
    expect(at(data.recent, 0).artwork.id).toBe('nekos.best:bounded-0');
  });

  it('answers not_found for an unknown id and writes nothing', async () => {
    const { picker, clipboard } = await makePicker({ dir: tempDir(), nekosBest: () => client });
    await expect(picker.copy('nekos.best:unknown', 'file')).rejects.toMatchObject({ code: 'not_found' });
    await expect(picker.toggleFavorite('nekos.best:unknown')).rejects.toMatchObject({ code: 'not_found' });
    expect(clipboard.writes).toHaveLength(0);
  });
});

describe('favorites and picker.json', () => {
  it('persists favorites across pickers', async () => {
    const dir = tempDir();
    const { picker } = await makePicker({ dir, nekosBest: () => client, store: await PickerFile.open(dir) });
    const [a, b] = (await picker.browse('smile', { limit: 2 })).artworks;
    if (!a || !b) throw new Error('no GIFs');
    await expect(picker.toggleFavorite(a.id)).resolves.toBe(true);
    await expect(picker.toggleFavorite(b.id)).resolves.toBe(true);
    await expect(picker.toggleFavorite(a.id)).resolves.toBe(false);
    expect([...picker.favoriteIds()]).toEqual([b.id]);

    const again = await makePicker({ dir, nekosBest: () => client, store: await PickerFile.open(dir) });
    expect((await again.picker.browse('favorites')).artworks.map((artwork) => artwork.id)).toEqual([b.id]);
    await expect(again.picker.isFavorite(b.id)).resolves.toBe(true);
  });

  it('recovers a corrupt picker.json from its backup, or starts empty, keeping the damaged file', async () => {
    const dir = tempDir();
    const store = await PickerFile.open(dir);
    const artwork = at(await client.random('wave', 1), 0);
    await store.update((data) => ({ ...data, favorites: [{ artwork, addedAt: 1 }] }));
    await writeFile(path.join(dir, 'picker.json'), '{"version":1,"recent":[', 'utf8');

    const notices: string[] = [];
    const repaired = await PickerFile.open(dir, { onNotice: (notice) => notices.push(notice) });
    expect((await repaired.read()).favorites.map((entry) => entry.artwork.id)).toEqual([artwork.id]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/restored from its backup/);
    const text = await readFile(path.join(dir, 'picker.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1 });

    await writeFile(path.join(dir, 'picker.json'), 'garbage', 'utf8');
    await writeFile(path.join(dir, 'picker.json.bak'), 'garbage too', 'utf8');
    const fresh = await PickerFile.open(dir);
    expect(await fresh.read()).toEqual(emptyPickerData());
    expect(fresh.notices.join(' ')).toMatch(/start empty/);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).filter((name) => name.startsWith('picker.corrupt-'))).toHaveLength(2);
  });

  it('drops invalid entries and keeps the valid ones', async () => {
    const dir = tempDir();
    const artwork = at(await client.random('wave', 1), 0);
    await writeFile(
      path.join(dir, 'picker.json'),
      JSON.stringify({ version: 1, recent: [{ nonsense: true }], favorites: [{ artwork, addedAt: 5 }] }),
      'utf8',
    );
    const store = await PickerFile.open(dir);
    const data = await store.read();
    expect(data.recent).toEqual([]);
    expect(data.favorites).toHaveLength(1);
    expect(store.notices.join(' ')).toMatch(/1 invalid entry/);
  });
});
