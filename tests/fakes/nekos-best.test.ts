import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNekosBest, type FakeServer } from './index';

interface Item {
  url: string;
  dimensions: { width: number; height: number };
  anime_name?: string;
  artist_name?: string;
  artist_href?: string;
  source_url?: string;
}

async function results(res: Response): Promise<Item[]> {
  return ((await res.json()) as { results: Item[] }).results;
}

describe('fake nekos.best', () => {
  let fake: FakeServer;
  beforeEach(async () => {
    fake = await startFakeNekosBest({ enforceRateLimits: false }); // limits have their own tests below
  });
  afterEach(async () => {
    await fake.close();
  });

  it('lists about 60 categories, unsorted, 4 of them png', async () => {
    const res = await fetch(`${fake.baseUrl}/endpoints`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Record<string, { format: string }>;
    const names = Object.keys(body);
    expect(names.length).toBeGreaterThanOrEqual(55);
    expect(names).not.toEqual([...names].sort());
    expect(names.filter((n) => body[n]!.format === 'png').sort()).toEqual([
      'husbando',
      'kitsune',
      'neko',
      'waifu',
    ]);
    expect(names.every((n) => ['png', 'gif'].includes(body[n]!.format))).toBe(true);
  });

  it('sends the real rate-limit headers on JSON answers', async () => {
    const res = await fetch(`${fake.baseUrl}/neko`);
    expect(res.headers.get('x-rate-limit-limit')).toBe('1m');
    expect(res.headers.get('x-rate-limit-remaining')).toBe('199');
    expect(res.headers.get('x-rate-limit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.0000000Z$/);
    const second = await fetch(`${fake.baseUrl}/hug`);
    expect(second.headers.get('x-rate-limit-remaining')).toBe('198');
  });

  it('returns image items with artist fields and GIF items with anime_name, pointing at itself', async () => {
    const images = await results(await fetch(`${fake.baseUrl}/waifu?amount=3`));
    expect(images).toHaveLength(3);
    for (const item of images) {
      expect(Object.keys(item).sort()).toEqual([
        'artist_href',
        'artist_name',
        'dimensions',
        'source_url',
        'url',
      ]);
      expect(item.url).toMatch(new RegExp(`^${fake.baseUrl}/waifu/[0-9a-f-]{36}\\.png$`));
    }
    const [gif] = await results(await fetch(`${fake.baseUrl}/hug`));
    expect(Object.keys(gif!).sort()).toEqual(['anime_name', 'dimensions', 'url']);
    expect(gif!.url).toMatch(/\/api\/v2\/hug\/[0-9a-f-]{36}\.gif$/);
  });

  it('validates amount (1..20, integers) and 404s unknown categories', async () => {
    expect(await results(await fetch(`${fake.baseUrl}/pat?amount=20`))).toHaveLength(20);
    for (const bad of ['0', '21', 'abc', '1.5', '-1', '']) {
      const res = await fetch(`${fake.baseUrl}/neko?amount=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toHaveProperty('message');
    }
    const missing = await fetch(`${fake.baseUrl}/not-a-category`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await missing.json()).toHaveProperty('message');
  });

  it('serves asset bytes with URL-encoded metadata headers matching the JSON', async () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      const [item] = await results(await fetch(`${fake.baseUrl}/search?query=a&type=2&amount=1`));
      const res = await fetch(item!.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/gif');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.toString('latin1', 0, 6)).toBe('GIF89a');
      expect(bytes.readUInt16LE(6)).toBe(item!.dimensions.width);
      const header = res.headers.get('anime_name')!;
      expect(header).toMatch(/^[\x20-\x7e]+$/); // encoded: ASCII only
      expect(decodeURIComponent(header)).toBe(item!.anime_name);
      seen.set(item!.anime_name!, header);
    }
    // the catalogue holds names that prove the encoding
    const all = await results(
      await fetch(`${fake.baseUrl}/search?query=%E8%91%AC%E9%80%81&type=2&amount=20`),
    );
    expect(all[0]!.anime_name).toBe('葬送のフリーレン');
    const amp = await results(
      await fetch(`${fake.baseUrl}/search?query=${encodeURIComponent('&')}&type=2&amount=1`),
    );
    const res = await fetch(amp[0]!.url);
    expect(res.headers.get('anime_name')).toBe(encodeURIComponent(amp[0]!.anime_name!));
    expect(res.headers.get('anime_name')).toContain('%26');
  });

  it('serves PNG assets with artist headers and the declared size', async () => {
    const [item] = await results(await fetch(`${fake.baseUrl}/kitsune`));
    const res = await fetch(item!.url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(decodeURIComponent(res.headers.get('artist_name')!)).toBe(item!.artist_name);
    expect(decodeURIComponent(res.headers.get('source_url')!)).toBe(item!.source_url);
    expect(decodeURIComponent(res.headers.get('artist_href')!)).toBe(item!.artist_href);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(item!.dimensions.width);
    expect(png.readUInt32BE(20)).toBe(item!.dimensions.height);
    expect((await fetch(`${fake.baseUrl}/kitsune/00000000-0000-4000-a000-000000000000.png`)).status).toBe(
      404,
    );
    expect((await fetch(item!.url.replace('.png', '.gif'))).status).toBe(404);
  });

  it('gives different items different colours', async () => {
    const items = await results(await fetch(`${fake.baseUrl}/neko?amount=5`));
    const bodies = await Promise.all(
      items.map(async (i) => Buffer.from(await (await fetch(i.url)).arrayBuffer())),
    );
    expect(new Set(bodies.map((b) => b.toString('hex'))).size).toBeGreaterThan(1);
  });

  it('searches: type and query required, matches names case-insensitively, filters by category', async () => {
    expect((await fetch(`${fake.baseUrl}/search?query=frieren`)).status).toBe(400);
    expect((await fetch(`${fake.baseUrl}/search?query=frieren&type=3`)).status).toBe(400);
    expect((await fetch(`${fake.baseUrl}/search?type=2`)).status).toBe(400);
    expect((await fetch(`${fake.baseUrl}/search?query=x&type=2&amount=99`)).status).toBe(400);
    expect((await fetch(`${fake.baseUrl}/search?query=x&type=1&category=hug`)).status).toBe(400);

    const gifs = await results(await fetch(`${fake.baseUrl}/search?query=FRIEREN&type=2&amount=5`));
    expect(gifs.length).toBeGreaterThan(0);
    for (const g of gifs) expect(g.anime_name!.toLowerCase()).toContain('frieren');

    const artists = await results(await fetch(`${fake.baseUrl}/search?query=pixelpaws&type=1&amount=3`));
    for (const a of artists) expect(a.artist_name).toBe('pixelpaws');

    const inCategory = await results(
      await fetch(`${fake.baseUrl}/search?query=a&type=2&category=pat&amount=3`),
    );
    for (const g of inCategory) expect(g.url).toContain('/api/v2/pat/');
  });

  it('answers 200 with unrelated results when a search matches nothing', async () => {
    const res = await fetch(`${fake.baseUrl}/search?query=zzzz-no-such-anime&type=1&amount=5`);
    expect(res.status).toBe(200);
    const items = await results(res);
    expect(items).toHaveLength(5);
    for (const i of items) expect(i.artist_name!.toLowerCase()).not.toContain('zzzz');
  });

  it('enforces 200 per minute on categories, per the injected clock', async () => {
    let t = Date.UTC(2026, 4, 8, 9, 7, 58);
    const limited = await startFakeNekosBest({ now: () => t });
    try {
      for (let i = 0; i < 200; i++) expect((await fetch(`${limited.baseUrl}/neko`)).status).toBe(200);
      const res = await fetch(`${limited.baseUrl}/neko`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('x-rate-limit-reset')).toBe('2026-05-08T09:08:00.0000000Z');
      expect(await res.json()).toHaveProperty('message');
      t += 2000; // the next minute starts
      const next = await fetch(`${limited.baseUrl}/neko`);
      expect(next.status).toBe(200);
      expect(next.headers.get('x-rate-limit-remaining')).toBe('199');
      expect(next.headers.get('x-rate-limit-reset')).toBe('2026-05-08T09:09:00.0000000Z');
    } finally {
      await limited.close();
    }
  });

  it('enforces 7 per 5 seconds on /search, and not at all when disabled', async () => {
    let t = Date.UTC(2026, 4, 8, 9, 0, 0);
    const limited = await startFakeNekosBest({ now: () => t });
    const free = await startFakeNekosBest({ now: () => t, enforceRateLimits: false });
    try {
      const search = (base: string): Promise<Response> => fetch(`${base}/search?query=a&type=2`);
      for (let i = 0; i < 7; i++) expect((await search(limited.baseUrl)).status).toBe(200);
      const res = await search(limited.baseUrl);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBe(5);
      expect((await fetch(`${limited.baseUrl}/neko`)).status).toBe(200); // categories unaffected
      t += 5000;
      expect((await search(limited.baseUrl)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await search(free.baseUrl)).status).toBe(200);
    } finally {
      await limited.close();
      await free.close();
    }
  });
});
