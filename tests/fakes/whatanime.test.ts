import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGif, encodeJpeg, encodePng } from './image-bytes';
import {
  startFakeWhatAnime,
  WHATANIME_DEFAULT_API_KEY,
  WHATANIME_DEFAULT_USER,
  type FakeWhatAnime,
} from './index';

interface Candidate {
  anilist: {
    id: number;
    idMal: number | null;
    title: { native: string; romaji: string; english: string | null };
  };
  filename: string;
  episode: number | null;
  from: number;
  at: number;
  to: number;
  similarity: number;
  video: string;
  image: string;
}
interface SearchBody {
  frameCount: number;
  error: string;
  result: Candidate[];
  quota: { remaining: number; limit: number };
}

const png = encodePng(64, 36, [10, 120, 200]);

function imageForm(bytes: Buffer, type: string, name = 'shot.png'): FormData {
  const form = new FormData();
  form.set('image', new Blob([bytes], { type }), name);
  return form;
}

describe('fake whatanimeisthis.com', () => {
  let fake: FakeWhatAnime;
  const post = (form: FormData, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${fake.baseUrl}/api/anime/search`, { method: 'POST', body: form, headers });
  const signIn = async (server = fake): Promise<string> => {
    const res = await fetch(`${server.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://nekodesk.app' },
      body: JSON.stringify({
        email: WHATANIME_DEFAULT_USER.email,
        password: WHATANIME_DEFAULT_USER.password,
      }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  beforeEach(async () => {
    fake = await startFakeWhatAnime();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('has no base path', () => {
    expect(fake.baseUrl).toBe(fake.origin);
  });

  it('searches an uploaded PNG: up to 5 candidates by similarity, and keeps the upload', async () => {
    const res = await post(imageForm(png, 'image/png', 'frieren.png'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchBody;
    expect(body.error).toBe('');
    expect(body.frameCount).toBeGreaterThan(0);
    expect(body.result).toHaveLength(5);
    const scores = body.result.map((c) => c.similarity);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0.87);
    expect(scores.some((s) => s < 0.87)).toBe(true);
    for (const c of body.result) {
      expect(c.from).toBeLessThanOrEqual(c.at);
      expect(c.at).toBeLessThanOrEqual(c.to);
      expect(c.image.startsWith(`${fake.origin}/preview/`)).toBe(true);
      expect(typeof c.anilist.title.native).toBe('string');
    }
    expect(body.quota).toEqual({ remaining: 4, limit: 5 });
    const upload = fake.lastUpload()!;
    expect(upload.contentType).toBe('image/png');
    expect(upload.fileName).toBe('frieren.png');
    expect(upload.bytes.equals(png)).toBe(true);

    const preview = await fetch(body.result[0]!.image);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await preview.arrayBuffer())[0]).toBe(0xff);
    expect((await fetch(body.result[0]!.video)).headers.get('content-type')).toBe('video/mp4');
  });

  it('gives the same image the same answer, and weak candidates for the no-match marker', async () => {
    const a = (await (await post(imageForm(png, 'image/png'))).json()) as SearchBody;
    const b = (await (await post(imageForm(png, 'image/png'))).json()) as SearchBody;
    expect(b.result).toEqual(a.result);
    const weak = (await (await post(imageForm(png, 'image/png', 'no-match.png'))).json()) as SearchBody;
    expect(weak.result.every((c) => c.similarity < 0.87)).toBe(true);
  });

  it('gives only weak candidates once told to, whatever the upload is called', async () => {
    fake.setWeakMatches(true);
    const weak = (await (await post(imageForm(png, 'image/png', 'screenshot.jpg'))).json()) as SearchBody;
    expect(weak.result.every((c) => c.similarity < 0.87)).toBe(true);
    fake.setWeakMatches(false);
    const strong = (await (await post(imageForm(png, 'image/png', 'screenshot.jpg'))).json()) as SearchBody;
    expect(strong.result[0]!.similarity).toBeGreaterThanOrEqual(0.87);
  });

  it('answers a search only after its upload would have taken at the given bandwidth', async () => {
    const slow = await startFakeWhatAnime({ enforceRateLimits: false, uploadBytesPerSecond: 100_000 });
    try {
      const bytes = Buffer.concat([png, Buffer.alloc(20_000)]); // ~20 KB: 0.2 s at 100 kB/s
      const started = performance.now();
      const res = await fetch(`${slow.origin}/api/anime/search`, {
        method: 'POST',
        body: imageForm(bytes, 'image/png'),
      });
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      const quick = performance.now();
      await fetch(`${slow.origin}/api/anime/rankings`);
      expect(performance.now() - quick).toBeLessThan(150); // only searches upload
    } finally {
      await slow.close();
    }
  });

  it('refuses an image over 25 MB with 413, before charging for it', async () => {
    const big = Buffer.concat([png, Buffer.alloc(25 * 1024 * 1024)]);
    const res = await post(imageForm(big, 'image/png'));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'Image is too large (max 25 MB)' });
    expect(fake.guestSearchesUsed()).toBe(0);
    expect(fake.lastUpload()).toBeUndefined();
  });

  it('accepts JPEG by magic bytes (not by declared type) and a url field', async () => {
    const jpeg = encodeJpeg(16, 16, [1, 2, 3]);
    expect((await post(imageForm(jpeg, 'application/octet-stream', 'x.bin'))).status).toBe(200);
    expect(fake.lastUpload()!.bytes.equals(jpeg)).toBe(true);
    const form = new FormData();
    form.set('url', 'https://example.com/screenshot.png');
    expect((await post(form)).status).toBe(200);
    expect(fake.lastSearchUrl()).toBe('https://example.com/screenshot.png');
  });

  it('rejects other image types, bad urls, empty forms and non-form bodies with 400 {error}', async () => {
    const gif = await post(imageForm(encodeGif(8, 8, [0, 0, 0]), 'image/png', 'fake.png'));
    expect(gif.status).toBe(400);
    expect(await gif.json()).toHaveProperty('error');
    const badUrl = new FormData();
    badUrl.set('url', 'file:///etc/passwd');
    expect((await post(badUrl)).status).toBe(400);
    expect((await post(new FormData())).status).toBe(400);
    const json = await fetch(`${fake.origin}/api/anime/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"url":"https://example.com/a.png"}',
    });
    expect(json.status).toBe(400);
    expect(fake.lastUpload()).toBeUndefined();
  });

  it('guests get 5 searches a day, then 429 with Retry-After until midnight UTC', async () => {
    let t = Date.UTC(2026, 4, 8, 23, 0, 0);
    const guest = await startFakeWhatAnime({ now: () => t });
    try {
      const search = (): Promise<Response> =>
        fetch(`${guest.origin}/api/anime/search`, { method: 'POST', body: imageForm(png, 'image/png') });
      for (let i = 0; i < 5; i++) expect((await search()).status).toBe(200);
      const res = await search();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3600');
      expect(await res.json()).toEqual({
        error: 'Daily search limit reached for guests. Sign in for more.',
        quota: { remaining: 0, limit: 5 },
      });
      expect(guest.guestSearchesUsed()).toBe(5);
      t += 3600_000;
      expect(guest.guestSearchesUsed()).toBe(0);
      const tomorrow = await search();
      expect(tomorrow.status).toBe(200);
      expect(((await tomorrow.json()) as SearchBody).quota).toEqual({ remaining: 4, limit: 5 });
    } finally {
      await guest.close();
    }
  });

  it('API keys: unknown → 401, known → charged to the owner', async () => {
    const bad = await post(imageForm(png, 'image/png'), { authorization: 'Bearer wa_nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'Invalid API key' });
    const ok = await post(imageForm(png, 'image/png'), {
      authorization: `Bearer ${WHATANIME_DEFAULT_API_KEY}`,
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as SearchBody).quota).toEqual({
      remaining: 9 + WHATANIME_DEFAULT_USER.credits,
      limit: 10,
    });
  });

  it('sign-in needs an Origin and the right password, and sets the better-auth cookie', async () => {
    const noOrigin = await fetch(`${fake.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: WHATANIME_DEFAULT_USER.email,
        password: WHATANIME_DEFAULT_USER.password,
      }),
    });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.json()).toEqual({ message: 'Invalid origin' });
    const wrong = await fetch(`${fake.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://nekodesk.app' },
      body: JSON.stringify({ email: WHATANIME_DEFAULT_USER.email, password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      code: 'INVALID_EMAIL_OR_PASSWORD',
      message: 'Invalid email or password',
    });

    const res = await fetch(`${fake.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://nekodesk.app' },
      body: JSON.stringify({
        email: WHATANIME_DEFAULT_USER.email,
        password: WHATANIME_DEFAULT_USER.password,
      }),
    });
    expect(await res.json()).toMatchObject({
      user: { email: WHATANIME_DEFAULT_USER.email },
      redirect: false,
    });
    expect(res.headers.get('set-cookie')).toMatch(
      /^better-auth\.session_token=[^;]+\.[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/,
    );
  });

  it('credits need a session; 10 free a day, then 1 credit each, then 402', async () => {
    expect((await fetch(`${fake.origin}/api/user/anime-credits`)).status).toBe(401);
    expect(
      (
        await fetch(`${fake.origin}/api/user/anime-credits`, {
          headers: { cookie: 'better-auth.session_token=x.y' },
        })
      ).status,
    ).toBe(401);
    const cookie = await signIn();
    const credits = async (): Promise<Record<string, unknown>> =>
      (await (
        await fetch(`${fake.origin}/api/user/anime-credits`, { headers: { cookie } })
      ).json()) as Record<string, unknown>;
    const before = await credits();
    expect(before).toMatchObject({ credits: 20, dailyFreeCredits: 10, dailyFreeRemaining: 10 });
    expect(before.resetsAt).toMatch(/T00:00:00\.000Z$/);

    fake.setCredits(WHATANIME_DEFAULT_USER.email, 2);
    for (let i = 0; i < 12; i++)
      expect((await post(imageForm(png, 'image/png'), { cookie })).status).toBe(200);
    expect(await credits()).toMatchObject({ credits: 0, dailyFreeRemaining: 0 });
    const broke = await post(imageForm(png, 'image/png'), { cookie });
    expect(broke.status).toBe(402);
    expect(await broke.json()).toEqual({ error: 'Not enough credits' });
    expect(
      (await post(imageForm(png, 'image/png'), { cookie: 'better-auth.session_token=forged.sig' })).status,
    ).toBe(401);
  });

  it('signed-in users are limited to 100 searches an hour', async () => {
    let t = Date.UTC(2026, 4, 8, 10, 0, 0);
    const server = await startFakeWhatAnime({
      now: () => t,
      users: [
        { email: WHATANIME_DEFAULT_USER.email, password: WHATANIME_DEFAULT_USER.password, credits: 500 },
      ],
    });
    try {
      const cookie = await signIn(server);
      const search = (): Promise<Response> =>
        fetch(`${server.origin}/api/anime/search`, {
          method: 'POST',
          body: imageForm(png, 'image/png'),
          headers: { cookie },
        });
      for (let i = 0; i < 100; i++) {
        if (i % 50 === 49) t += 60_000; // stay under the per-minute limit
        expect((await search()).status).toBe(200);
      }
      const res = await search();
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      t += 3600_000;
      expect((await search()).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('creates and lists API keys; a new key works as a Bearer key', async () => {
    expect((await fetch(`${fake.origin}/api/apikeys`)).status).toBe(401);
    const cookie = await signIn();
    const missing = await fetch(`${fake.origin}/api/apikeys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(400);
    const created = (await (
      await fetch(`${fake.origin}/api/apikeys`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'nekodesk' }),
      })
    ).json()) as { id: string; key: string; prefix: string; title: string; createdAt: string };
    expect(created.key).toMatch(/^wa_[0-9a-f]{32}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const list = (await (
      await fetch(`${fake.origin}/api/apikeys?page=1&pageSize=1`, { headers: { cookie } })
    ).json()) as {
      items: Record<string, unknown>[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('key');
    expect((await post(imageForm(png, 'image/png'), { authorization: `Bearer ${created.key}` })).status).toBe(
      200,
    );
    const page2 = (await (
      await fetch(`${fake.origin}/api/apikeys?page=2&pageSize=1`, { headers: { cookie } })
    ).json()) as {
      items: { title: string; lastUsedAt: string | null }[];
    };
    expect(page2.items[0]).toMatchObject({ title: 'nekodesk' });
    expect(page2.items[0]!.lastUsedAt).not.toBeNull();
  });

  it('rankings: validates period, hides adult entries unless asked', async () => {
    expect((await fetch(`${fake.origin}/api/anime/rankings?period=hourly`)).status).toBe(400);
    const safe = (await (await fetch(`${fake.origin}/api/anime/rankings?period=weekly&limit=50`)).json()) as {
      period: string;
      rankings: { rank: number; count: number; isAdult: boolean; coverImage: string }[];
    };
    expect(safe.period).toBe('weekly');
    expect(safe.rankings.some((r) => r.isAdult)).toBe(false);
    expect(safe.rankings.map((r) => r.rank)).toEqual(safe.rankings.map((_, i) => i + 1));
    const counts = safe.rankings.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const adult = (await (
      await fetch(`${fake.origin}/api/anime/rankings?includeAdult=true`)
    ).json()) as typeof safe;
    expect(adult.period).toBe('all');
    expect(adult.rankings.some((r) => r.isAdult)).toBe(true);
    const limited = (await (await fetch(`${fake.origin}/api/anime/rankings?limit=3`)).json()) as typeof safe;
    expect(limited.rankings).toHaveLength(3);
    expect((await fetch(limited.rankings[0]!.coverImage)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('recent searches page with limit and offset', async () => {
    const page = (await (
      await fetch(`${fake.origin}/api/anime/recent-searches?limit=5&offset=10`)
    ).json()) as {
      items: { id: string; createdAt: string; similarity: number }[];
      total: number;
      limit: number;
      offset: number;
    };
    expect(page).toMatchObject({ total: 30, limit: 5, offset: 10 });
    expect(page.items).toHaveLength(5);
    const first = (await (
      await fetch(`${fake.origin}/api/anime/recent-searches?limit=11`)
    ).json()) as typeof page;
    expect(first.items[10]).toEqual(page.items[0]);
    expect((await fetch(`${fake.origin}/api/anime/recent-searches?limit=x`)).status).toBe(400);
  });
});
