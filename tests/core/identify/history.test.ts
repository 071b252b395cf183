import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_FILE_NAME, MAX_HISTORY_ENTRIES, UNSAVED_MEDIA_TTL_MS } from '../../../main/core/identify';
import { animeFrame } from '../../fakes/whatanime-screenshot';
import { failure } from '../sources/helpers';
import { useIdentifyHarness, type Harness } from './service-setup';

/** Every file an identification shows (its upload and its previews). */
function filesOf(
  h: Harness,
  result: { imageUrl: string | null; candidates: { imageUrl: string | null; videoUrl: string | null }[] },
): string[] {
  return [result.imageUrl, ...result.candidates.flatMap((c) => [c.imageUrl, c.videoUrl])]
    .map((url) => h.fileOf(url))
    .filter((file): file is string => file !== null);
}

describe('identification history', () => {
  const harness = useIdentifyHarness();
  const frame = (seed: number) => animeFrame({ width: 320, height: 180, seed, grain: 0 });

  it('keeps each identification, newest first, with its images, and pages over them', async () => {
    const h = await harness();
    const first = await h.service.identifyImage(await frame(1), { name: 'one.png', source: 'drop' });
    const second = await h.service.identifyUrl('https://example.com/two.png');
    const page = await h.service.history({ offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(page.items[1]).toEqual(first);
    expect((await h.service.history({ offset: 1, limit: 1 })).items.map((i) => i.label)).toEqual(['one.png']);
    expect(JSON.parse(readFileSync(path.join(h.dataDir, HISTORY_FILE_NAME), 'utf8'))).toMatchObject({
      version: 1,
      entries: [{ id: second.id }, { id: first.id }],
    });
  });

  it('keeps nothing when the settings say not to', async () => {
    const h = await harness({ settings: { keepHistory: false } });
    await h.service.identifyUrl('https://example.com/a.png');
    expect(await h.service.history({ offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('deletes one entry with the images no other entry uses, or all of them', async () => {
    const h = await harness();
    const a = await h.service.identifyImage(await frame(1), { name: 'a.png', source: 'drop' });
    const b = await h.service.identifyImage(await frame(2), { name: 'b.png', source: 'drop' });
    // The same screenshot again: it shares its upload and previews with `a`.
    const again = await h.service.identifyImage(await frame(1), { name: 'a again.png', source: 'drop' });
    expect(filesOf(h, again)).toEqual(filesOf(h, a));

    const left = await h.service.deleteHistory(b.id, { limit: 20 });
    expect(left.items.map((item) => item.id)).toEqual([again.id, a.id]);
    expect(filesOf(h, b).some((file) => existsSync(file))).toBe(false);
    expect(filesOf(h, a).every((file) => existsSync(file))).toBe(true);

    await h.service.deleteHistory(a.id, { limit: 20 });
    expect(filesOf(h, again).every((file) => existsSync(file))).toBe(true); // still shown by `again`

    expect(await h.service.deleteHistory(undefined, { limit: 20 })).toEqual({ items: [], total: 0 });
    expect(filesOf(h, again).some((file) => existsSync(file))).toBe(false);
    await failure(h.service.deleteHistory(a.id, { limit: 20 }), 'not_found');
  });

  it(`keeps at most ${MAX_HISTORY_ENTRIES} entries; the oldest goes with its images`, async () => {
    const h = await harness();
    const oldest = await h.service.identifyImage(await frame(3), { name: 'oldest.png', source: 'drop' });
    const file = path.join(h.dataDir, HISTORY_FILE_NAME);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string }[] };
    const template = data.entries[0];
    const filler = Array.from({ length: MAX_HISTORY_ENTRIES - 1 }, (_, i) => ({
      ...template,
      id: `filler-${i}`,
      imageKey: null,
      candidates: [],
    }));
    writeFileSync(file, JSON.stringify({ version: 1, entries: [...filler, ...data.entries] }));

    const newest = await h.service.identifyUrl('https://example.com/newest.png');
    const page = await h.service.history({ offset: 0, limit: 1 });
    expect(page.total).toBe(MAX_HISTORY_ENTRIES);
    expect(page.items[0]?.id).toBe(newest.id);
    const all = JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string }[] };
    expect(all.entries.some((entry) => entry.id === oldest.id)).toBe(false);
    expect(filesOf(h, oldest).some((f) => existsSync(f))).toBe(false);
  });

  it('shows an image deleted from the cache as none, not as a broken link', async () => {
    const h = await harness();
    const result = await h.service.identifyImage(await frame(5), { name: 'a.png', source: 'drop' });
    const upload = h.fileOf(result.imageUrl);
    if (upload === null) throw new Error('no upload file');
    await import('node:fs/promises').then((fs) => fs.rm(upload));
    const [item] = (await h.service.history({ offset: 0, limit: 1 })).items;
    expect(item?.imageUrl).toBeNull();
    expect(item?.candidates[0]?.imageUrl).toBe(result.candidates[0]?.imageUrl);
  });

  it("deletes a day-old result's images on the next start unless the history keeps them", async () => {
    const h = await harness();
    const kept = await h.service.identifyImage(await frame(6), { name: 'kept.png', source: 'drop' });
    h.settings.keepHistory = false;
    const unsaved = await h.service.identifyImage(await frame(7), { name: 'unsaved.png', source: 'drop' });
    const dayAgo = new Date(Date.now() - UNSAVED_MEDIA_TTL_MS - 60_000);
    for (const file of [...filesOf(h, kept), ...filesOf(h, unsaved)]) utimesSync(file, dayAgo, dayAgo);

    await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect(filesOf(h, kept).every((file) => existsSync(file))).toBe(true);
    expect(filesOf(h, unsaved).some((file) => existsSync(file))).toBe(false);
  });

  it("keeps an unsaved result's images when they were first made long ago but shown again now", async () => {
    const h = await harness({ settings: { keepHistory: false } });
    const before = await h.service.identifyImage(await frame(9), { name: 'old.png', source: 'drop' });
    const twoDaysAgo = new Date(Date.now() - 2 * UNSAVED_MEDIA_TTL_MS);
    for (const file of filesOf(h, before)) utimesSync(file, twoDaysAgo, twoDaysAgo);
    // The same screenshot again: its upload and previews are already in the cache and are used as they are.
    const again = await h.service.identifyImage(await frame(9), { name: 'again.png', source: 'drop' });
    expect(filesOf(h, again)).toEqual(filesOf(h, before));
    await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect(filesOf(h, again).every((file) => existsSync(file))).toBe(true);
  });

  it("keeps a fresh unsaved result's images (the view may still show them)", async () => {
    const h = await harness({ settings: { keepHistory: false } });
    const unsaved = await h.service.identifyImage(await frame(8), { name: 'now.png', source: 'drop' });
    await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect(filesOf(h, unsaved).every((file) => existsSync(file))).toBe(true);
  });

  it('recovers a damaged history file from its backup, with a notice', async () => {
    const h = await harness();
    const kept = await h.service.identifyUrl('https://example.com/kept.png');
    writeFileSync(path.join(h.dataDir, HISTORY_FILE_NAME), '{"version":1,"entries":[{"id":');
    const reopened = await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect((await reopened.service.history({ offset: 0, limit: 5 })).items.map((i) => i.id)).toEqual([
      kept.id,
    ]);
    expect(reopened.notices.join('\n')).toMatch(
      /identification history could not be read; it was restored from its backup/,
    );
  });

  it('starts an empty history when neither the file nor its backup can be read, and keeps working', async () => {
    const h = await harness();
    writeFileSync(path.join(h.dataDir, HISTORY_FILE_NAME), 'not json');
    writeFileSync(path.join(h.dataDir, `${HISTORY_FILE_NAME}.bak`), '[]');
    const reopened = await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect(reopened.notices.join('\n')).toMatch(/a new, empty history was started/);
    await reopened.service.identifyUrl('https://example.com/after.png');
    expect((await reopened.service.history({ offset: 0, limit: 5 })).total).toBe(1);
  });

  it('drops invalid entries and keeps the valid ones', async () => {
    const h = await harness();
    const good = await h.service.identifyUrl('https://example.com/good.png');
    const file = path.join(h.dataDir, HISTORY_FILE_NAME);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] };
    writeFileSync(
      file,
      JSON.stringify({ version: 1, entries: [{ id: 'bad', at: 'yesterday' }, ...data.entries] }),
    );
    const reopened = await harness({ dataDir: h.dataDir, cacheDir: h.cacheDir });
    expect((await reopened.service.history({ offset: 0, limit: 5 })).items.map((i) => i.id)).toEqual([
      good.id,
    ]);
    expect(reopened.notices.join('\n')).toMatch(
      /1 invalid entry was left out of your identification history/,
    );
  });
});
