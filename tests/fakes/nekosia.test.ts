import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNekosia, type FakeServer } from './index';

interface Image {
  id: string;
  colors: { main: string; palette: string[] };
  image: { original: { url: string; extension: string }; compressed: { url: string; extension: string } };
  metadata: {
    original: { width: number; height: number; size: number; extension: string };
    compressed: { size: number };
  };
  category: string;
  tags: string[];
  rating: string;
  anime: { title: string | null; character: string | null };
  source: { url: string | null; direct: string | null };
  attribution: { artist: { username: string | null; profile: string | null }; copyright: string | null };
}
type Body = Record<string, unknown> & { success: boolean; status: number; count: number; images?: Image[] };

describe('fake Nekosia', () => {
  let fake: FakeServer;
  const get = async (path: string): Promise<{ status: number; body: Body }> => {
    const res = await fetch(`${fake.baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as Body };
  };
  beforeEach(async () => {
    fake = await startFakeNekosia();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('count=1: the image fields sit next to success, status and count (matched, not returned)', async () => {
    const { status, body } = await get('/images/catgirl');
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, status: 200 });
    expect(body.count).toBeGreaterThan(1);
    expect(body.images).toBeUndefined();
    const image = body as unknown as Image;
    expect(image.id).toMatch(/^[0-9a-f]{24}$/);
    expect(image.tags).toContain('catgirl');
    expect(image.colors.main).toMatch(/^#[0-9A-F]{6}$/);
    expect(image.colors.palette).toHaveLength(14);
    expect(image.image.original.url).toBe(`${fake.origin}/images/${image.category}/${image.id}.png`);
    expect(image.image.compressed).toEqual({
      url: `${fake.origin}/images/${image.category}/${image.id}-compressed.jpg`,
      extension: 'jpeg',
    });
    expect(Object.keys(image.attribution)).toEqual(['artist', 'copyright']);
    expect(image.rating).toBe('safe');
  });

  it('count>1: {success, status, count, images}', async () => {
    const { body } = await get('/images/random?count=5');
    expect(body.images).toHaveLength(5);
    expect(body.count).toBeGreaterThan(5);
    expect(new Set(body.images!.map((i) => i.id)).size).toBe(5);
    expect(body).not.toHaveProperty('id');
  });

  it('sends key as null or leaves it out without a session, a string with one', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => get('/images/random')));
    expect(keys.some(({ body }) => 'key' in body && body.key === null)).toBe(true);
    expect(keys.some(({ body }) => !('key' in body))).toBe(true);
    const { body } = await get('/images/random?session=id&id=437808476106784770');
    expect(typeof body.key).toBe('string');
  });

  it('varies null fields across the catalogue', async () => {
    const { body } = await get('/images/random?count=20');
    const images = body.images!;
    expect(images.some((i) => i.anime.title === null)).toBe(true);
    expect(images.some((i) => i.anime.title !== null)).toBe(true);
    expect(images.some((i) => i.source.url === null || i.source.direct === null)).toBe(true);
    expect(images.some((i) => i.attribution.artist.profile === null)).toBe(true);
  });

  it('rejects bad parameters with 400 {success:false,status:400,message}', async () => {
    const cases = [
      '/images/catgirl?rating=explicit',
      '/images/catgirl?count=0',
      '/images/catgirl?count=21',
      '/images/catgirl?count=two',
      '/images/catgirl?session=cookie',
      '/images/catgirl?session=id',
      '/images/catgirl?session=id&id=abc',
      `/images/catgirl?session=id&id=${'x'.repeat(129)}`,
      '/images/catgirl?session=id&id=user_name',
      '/images/catgirl?session=id&id=who%3Fami',
      '/images/nothing',
      '/images/',
    ];
    for (const path of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.success).toBe(false);
      expect(body.status).toBe(400);
      expect(typeof body.message).toBe('string');
    }
  });

  it('answers an unknown category like the real service', async () => {
    const { status, body } = await get('/images/catgirl-test');
    expect(status).toBe(400);
    expect(body.message).toMatch(/^No images matching the specified criteria were found/);
    expect(body.example).toBe(`${fake.baseUrl}/images/catgirl`);
  });

  it('filters by rating, additionalTags and blacklistedTags; nothing skips the safety filter', async () => {
    const suggestive = await get('/images/random?count=20&rating=suggestive');
    expect(suggestive.body.images!.every((i) => i.rating === 'suggestive')).toBe(true);
    expect(suggestive.body.images!.some((i) => i.tags.includes('swimsuit'))).toBe(false);

    const tagged = await get('/images/random?count=20&additionalTags=white-hair,fox-ears');
    for (const i of tagged.body.images!)
      expect(i.tags.some((t) => ['white-hair', 'fox-ears'].includes(t))).toBe(true);

    const blacklisted = await get('/images/catgirl?count=20&blacklistedTags=cat-ears,sad');
    for (const i of blacklisted.body.images!) {
      expect(i.tags).not.toContain('cat-ears');
      expect(i.tags).not.toContain('sad');
    }

    const nothing = await get('/images/nothing?count=20&additionalTags=swimsuit&rating=suggestive');
    expect(nothing.status).toBe(200);
    expect(nothing.body.images!.every((i) => i.tags.includes('swimsuit'))).toBe(true);
    expect((await get('/images/random?additionalTags=swimsuit&rating=suggestive')).status).toBe(400);
  });

  it('never repeats an image within a session until all matching ones were shown', async () => {
    for (const session of ['session=id&id=discord-user-1234', 'session=ip']) {
      const first = await get(`/images/catgirl?${session}`);
      const total = first.body.count;
      const shown = [(first.body as unknown as Image).id];
      while (shown.length < total) {
        const { body } = await get(`/images/catgirl?${session}&count=2`);
        shown.push(...body.images!.map((i) => i.id).slice(0, total - shown.length));
      }
      expect(new Set(shown).size).toBe(total);
      // all shown: the session resets and images come again
      const again = await get(`/images/catgirl?${session}&count=${Math.min(total, 20)}`);
      expect(again.status).toBe(200);
      expect(again.body.images!.every((i) => shown.includes(i.id))).toBe(true);
    }
    // another session is independent
    const other = await get('/images/catgirl?session=id&id=someone-else');
    expect(other.status).toBe(200);
  });

  it('gets an image by id; an unknown id is a 400', async () => {
    const { body } = await get('/images/foxgirl');
    const id = (body as unknown as Image).id;
    const byId = await get(`/getImageById/${id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ success: true, status: 200, id });
    const missing = await get('/getImageById/000000000000000000000000');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ success: false, status: 400 });
  });

  it('lists tags, anime titles and characters', async () => {
    const { body } = await get('/tags');
    expect(body).toMatchObject({ success: true, status: 200 });
    expect(body.tags).toEqual(expect.arrayContaining(['catgirl', 'white-hair', 'swimsuit']));
    expect(body.anime).toEqual(expect.arrayContaining(['Sousou no Frieren']));
    expect(body.characters).toEqual(expect.arrayContaining(['Frieren']));
  });

  it('serves the original PNG and compressed JPEG with the sizes the metadata states', async () => {
    const image = (await get('/images/maid')).body as unknown as Image;
    const png = await fetch(image.image.original.url);
    expect(png.headers.get('content-type')).toBe('image/png');
    const pngBytes = Buffer.from(await png.arrayBuffer());
    expect(pngBytes.length).toBe(image.metadata.original.size);
    expect(pngBytes.readUInt32BE(16)).toBe(image.metadata.original.width);
    const jpg = await fetch(image.image.compressed.url);
    expect(jpg.headers.get('content-type')).toBe('image/jpeg');
    const jpgBytes = Buffer.from(await jpg.arrayBuffer());
    expect([...jpgBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpgBytes.length).toBe(image.metadata.compressed.size);
    expect((await fetch(`${fake.origin}/images/maid/000000000000000000000000.png`)).status).toBe(404);
  });

  it('limits to 300 requests per 5 minutes (injected clock)', async () => {
    let t = 1_000_000;
    const limited = await startFakeNekosia({ now: () => t });
    try {
      for (let i = 0; i < 300; i++) {
        const res = await fetch(`${limited.baseUrl}/tags`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      const res = await fetch(`${limited.baseUrl}/tags`);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ success: false, status: 429 });
      t += 5 * 60_000;
      expect((await fetch(`${limited.baseUrl}/tags`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
