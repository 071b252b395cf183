import { afterEach, describe, expect, it } from 'vitest';
import { guestAuth, type WhatAnimeAuthProvider } from '../../../../main/core/sources/whatanime/auth';
import { WhatAnimeClient } from '../../../../main/core/sources/whatanime/client';
import {
  encodeJpeg,
  encodePng,
  startFakeWhatAnime,
  WHATANIME_DEFAULT_API_KEY,
  WHATANIME_DEFAULT_USER,
  type FakeWhatAnime,
  type FakeWhatAnimeOptions,
} from '../../../fakes';
import { failure, requestsTo, testHttp, useNekodeskHome } from '../helpers';

const png = new Uint8Array(encodePng(32, 18, [10, 120, 200]));
const NOON_UTC = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('WhatAnimeClient', () => {
  useNekodeskHome();
  let server: FakeWhatAnime;
  afterEach(() => server.close());

  async function start(
    options: FakeWhatAnimeOptions = {},
    auth: WhatAnimeAuthProvider = guestAuth,
  ): Promise<WhatAnimeClient> {
    server = await startFakeWhatAnime({ enforceRateLimits: false, ...options });
    return new WhatAnimeClient(testHttp(), server.origin, auth, { searchTimeoutMs: 400 });
  }

  async function signedIn(
    options: FakeWhatAnimeOptions = {},
  ): Promise<{ client: WhatAnimeClient; cookie: string }> {
    const guest = await start(options);
    const { cookie } = await guest.signIn(WHATANIME_DEFAULT_USER.email, WHATANIME_DEFAULT_USER.password);
    return {
      client: new WhatAnimeClient(testHttp(), server.origin, {
        credentials: () => ({ apiKey: null, session: cookie }),
      }),
      cookie,
    };
  }

  describe('search', () => {
    it('uploads the image as multipart/form-data and returns every candidate, best first', async () => {
      const client = await start();
      const result = await client.search({
        image: { bytes: png, fileName: 'frame.png', contentType: 'image/png' },
      });
      const upload = server.lastUpload();
      expect(upload?.contentType).toBe('image/png');
      expect(upload?.fileName).toBe('frame.png');
      expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), Buffer.from(png))).toBe(0);
      const [request] = requestsTo(server, /\/api\/anime\/search$/);
      expect(request?.method).toBe('POST');
      expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(request?.headers.authorization).toBeUndefined();

      expect(result.candidates).toHaveLength(5);
      const similarities = result.candidates.map((candidate) => candidate.similarity);
      expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
      const [best] = result.candidates;
      expect(best?.similarity).toBeGreaterThan(0.87);
      expect(best?.similarity).toBeLessThanOrEqual(1);
      expect(best?.title).toBeTruthy();
      expect(best?.anilistId).toBeGreaterThan(0);
      expect(best?.at).toBeGreaterThanOrEqual(best?.from ?? 0);
      expect(best?.previewImage).toMatch(new RegExp(`^${server.origin}/preview/`));
      expect(result.quota).toEqual({ remaining: 4, limit: 5 });
    });

    it('searches by URL', async () => {
      const client = await start();
      const result = await client.search({ url: 'https://example.com/frame.jpg' });
      expect(server.lastSearchUrl()).toBe('https://example.com/frame.jpg');
      expect(result.candidates.length).toBeGreaterThan(0);
    });

    it('accepts JPEG', async () => {
      const client = await start();
      const jpeg = new Uint8Array(encodeJpeg(16, 16, [1, 2, 3]));
      await client.search({
        image: { bytes: jpeg, fileName: 'C:\\shots\\a.jpg', contentType: 'image/jpeg' },
      });
      expect(server.lastUpload()?.fileName).toBe('a.jpg');
    });

    it.each([
      ['neither image nor url', {}, /either an image file or an image URL/],
      [
        'both',
        {
          url: 'https://example.com/a.png',
          image: { bytes: png, fileName: 'a.png', contentType: 'image/png' as const },
        },
        /not both/,
      ],
      ['a non-http URL', { url: 'file:///etc/passwd' }, /http\(s\)/],
      [
        'bytes that are not JPEG or PNG',
        {
          image: {
            bytes: new TextEncoder().encode('GIF89a....'),
            fileName: 'a.png',
            contentType: 'image/png' as const,
          },
        },
        /Only JPEG and PNG/,
      ],
      [
        'a content type that does not match the bytes',
        { image: { bytes: png, fileName: 'a.jpg', contentType: 'image/jpeg' as const } },
        /is a PNG image, not a JPEG one/,
      ],
      [
        'an image over 25 MB',
        {
          image: {
            bytes: new Uint8Array(25 * 1024 * 1024 + 1),
            fileName: 'a.png',
            contentType: 'image/png' as const,
          },
        },
        /larger than 25 MB/,
      ],
    ])('refuses %s before any request', async (_what, input, message) => {
      const client = await start();
      const error = await failure(client.search(input), 'invalid_input');
      expect(error.message).toMatch(message);
      expect(server.requests).toHaveLength(0);
    });

    it('sends the API key as a Bearer token when one is known', async () => {
      const client = await start(
        {},
        { credentials: () => ({ apiKey: WHATANIME_DEFAULT_API_KEY, session: 'ignored=1' }) },
      );
      await client.search({ url: 'https://example.com/a.png' });
      const [request] = requestsTo(server, /search$/);
      expect(request?.headers.authorization).toBe(`Bearer ${WHATANIME_DEFAULT_API_KEY}`);
      expect(request?.headers.cookie).toBeUndefined();
    });

    it('says the API key was refused', async () => {
      const client = await start({}, { credentials: () => ({ apiKey: 'wa_wrong', session: null }) });
      const error = await failure(client.search({ url: 'https://example.com/a.png' }), 'unauthorized');
      expect(error.message).toMatch(/Your API key was refused/);
    });

    it('says to sign in again when the session expired', async () => {
      const client = await start(
        {},
        { credentials: () => ({ apiKey: null, session: 'better-auth.session_token=stale.sig' }) },
      );
      const error = await failure(client.search({ url: 'https://example.com/a.png' }), 'unauthorized');
      expect(error.message).toMatch(/Sign in again/);
    });

    it("maps the guests' daily limit to quota_exceeded, with the wait", async () => {
      const client = await start({ guestDailyLimit: 1, now: () => NOON_UTC });
      await client.search({ url: 'https://example.com/a.png' });
      const error = await failure(client.search({ url: 'https://example.com/b.png' }), 'quota_exceeded');
      expect(error.message).toMatch(/free guest searches .* today/);
      expect(error.retryAfter).toBe(12 * 3600);
    });

    it('recognises the daily limit by what the service says, even minutes before midnight', async () => {
      const client = await start({ guestDailyLimit: 1, now: () => Date.UTC(2026, 10, 23, 23, 50, 0) });
      await client.search({ url: 'https://example.com/a.png' });
      const error = await failure(client.search({ url: 'https://example.com/b.png' }), 'quota_exceeded');
      expect(error.message).toMatch(/free guest searches .* today/);
      expect(error.retryAfter).toBe(10 * 60);
    });

    it('maps 402 (no credits left) to quota_exceeded', async () => {
      const { client } = await signedIn({ users: [{ ...WHATANIME_DEFAULT_USER, credits: 0 }] });
      for (let i = 0; i < 10; i++) await client.search({ url: `https://example.com/${i}.png` });
      const error = await failure(client.search({ url: 'https://example.com/x.png' }), 'quota_exceeded');
      expect(error.message).toMatch(/no whatanimeisthis\.com credits left/);
    });

    it("passes on the service's reason for a bad request", async () => {
      const client = await start();
      const error = await failure(
        client.search({ url: 'https://unreachable.invalid/a.png' }),
        'invalid_input',
      );
      expect(error.message).toMatch(/Failed to fetch image/);
    });

    it('gives a slow search its own timeout, and does not send it twice', async () => {
      const client = await start();
      server.addFault({ fault: { kind: 'slow', ms: 1500 }, path: /search/ });
      const error = await failure(client.search({ url: 'https://example.com/a.png' }), 'timeout');
      expect(error.message).toMatch(/whatanimeisthis\.com did not answer/);
      expect(requestsTo(server, /search$/)).toHaveLength(1);
    });

    it('never retries a search (it costs a credit)', async () => {
      const client = await start();
      server.addFault({ fault: { kind: 'server-error' }, path: /search/ });
      await failure(client.search({ url: 'https://example.com/a.png' }), 'upstream_error');
      expect(requestsTo(server, /search$/)).toHaveLength(1);
    });
  });

  describe('sign-in and session endpoints', () => {
    it('signs in with an Origin header and returns the session cookie', async () => {
      const client = await start();
      const session = await client.signIn(WHATANIME_DEFAULT_USER.email, WHATANIME_DEFAULT_USER.password);
      expect(session.cookie).toMatch(/^better-auth\.session_token=[^;\s]+$/);
      expect(session.user?.email).toBe(WHATANIME_DEFAULT_USER.email);
      const [request] = requestsTo(server, /sign-in/);
      expect(request?.headers.origin).toBe(server.origin);
      expect(JSON.parse(request?.body.toString() ?? '')).toEqual({
        email: WHATANIME_DEFAULT_USER.email,
        password: WHATANIME_DEFAULT_USER.password,
      });
    });

    it('says the email or password is wrong', async () => {
      const client = await start();
      const error = await failure(client.signIn(WHATANIME_DEFAULT_USER.email, 'nope'), 'unauthorized');
      expect(error.message).toBe('Wrong email or password.');
    });

    it('refuses an empty password or a malformed email locally', async () => {
      const client = await start();
      await failure(client.signIn('not-an-email', 'x'), 'invalid_input');
      await failure(client.signIn('a@b.c', ''), 'invalid_input');
      expect(server.requests).toHaveLength(0);
    });

    it('reads credits with the session cookie', async () => {
      const { client, cookie } = await signedIn();
      const credits = await client.credits();
      expect(credits).toMatchObject({
        credits: WHATANIME_DEFAULT_USER.credits,
        dailyFreeCredits: 10,
        dailyFreeRemaining: 10,
      });
      expect(credits.resetsAt).toMatch(/T00:00:00/);
      expect(requestsTo(server, /anime-credits/)[0]?.headers.cookie).toBe(cookie);
    });

    it('tells a guest to sign in, without a request', async () => {
      const client = await start();
      const error = await failure(client.credits(), 'unauthorized');
      expect(error.message).toMatch(/Sign in/);
      expect(server.requests).toHaveLength(0);
    });

    it('lists and creates API keys', async () => {
      const { client } = await signedIn();
      const created = await client.apiKeys.create('  laptop ');
      expect(created.title).toBe('laptop');
      expect(created.key).toMatch(/^wa_/);
      expect(created.key.startsWith(created.prefix ?? '?')).toBe(true);
      const page = await client.apiKeys.list({ page: 1, pageSize: 10 });
      expect(page.items.map((key) => key.title)).toEqual(['default', 'laptop']);
      expect(page).toMatchObject({ page: 1, pageSize: 10, total: 2 });
      expect(JSON.stringify(page)).not.toContain(created.key);
      const [post] = requestsTo(server, /apikeys$/).filter((request) => request.method === 'POST');
      expect(post?.headers['content-type']).toBe('application/json');
      await failure(client.apiKeys.create('  '), 'invalid_input');
      await failure(client.apiKeys.list({ pageSize: 500 }), 'invalid_input');
    });
  });

  describe('public endpoints', () => {
    it('reads rankings of a period', async () => {
      const client = await start();
      const result = await client.rankings({ period: 'weekly', limit: 3 });
      expect(result.period).toBe('weekly');
      expect(result.rankings.map((entry) => entry.rank)).toEqual([1, 2, 3]);
      const counts = result.rankings.map((entry) => entry.count ?? 0);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(
        result.rankings.every((entry) => !entry.isAdult && entry.coverImage?.startsWith(server.origin)),
      ).toBe(true);
      expect(Object.fromEntries(requestsTo(server, /rankings/)[0]?.query ?? [])).toEqual({
        period: 'weekly',
        limit: '3',
      });
    });

    it('asks for adult titles only when told to', async () => {
      const client = await start();
      const all = await client.rankings({ includeAdult: true, limit: 100 });
      expect(requestsTo(server, /rankings/)[0]?.query.get('includeAdult')).toBe('true');
      expect(all.rankings.some((entry) => entry.isAdult)).toBe(true);
    });

    it('refuses an unknown period or limit locally', async () => {
      const client = await start();
      await failure(client.rankings({ period: 'hourly' as 'daily' }), 'invalid_input');
      await failure(client.rankings({ limit: 0 }), 'invalid_input');
      expect(server.requests).toHaveLength(0);
    });

    it('pages through recent searches', async () => {
      const client = await start();
      const first = await client.recentSearches({ limit: 5 });
      const second = await client.recentSearches({ limit: 5, offset: 5 });
      expect(first.items).toHaveLength(5);
      expect(first).toMatchObject({ total: 30, limit: 5, offset: 0 });
      expect(second.offset).toBe(5);
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
      expect(first.items[0]?.similarity).toBeLessThanOrEqual(1);
    });
  });

  describe('upstream faults', () => {
    it.each([
      [{ kind: 'slow', ms: 1500 }, 'timeout'],
      [{ kind: 'reset' }, 'offline'],
      [{ kind: 'truncated' }, 'invalid_response'],
      [{ kind: 'invalid-json' }, 'invalid_response'],
      [{ kind: 'wrong-content-type' }, 'invalid_response'],
      [{ kind: 'server-error', status: 503 }, 'upstream_error'],
    ] as const)('%o → %s', async (fault, code) => {
      const client = await start();
      server.addFault({ fault });
      await failure(client.rankings(), code);
    });

    it('429 → rate_limited with the time to wait', async () => {
      const client = await start();
      server.addFault({ fault: { kind: 'rate-limited', retryAfterSeconds: 45 } });
      const error = await failure(client.recentSearches(), 'rate_limited');
      expect(error.retryAfter).toBe(45);
      expect(error.message).toMatch(/try again in 45 s/);
    });
  });
});
