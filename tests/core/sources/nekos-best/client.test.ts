import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { artworkSchema } from '../../../../main/core/artwork';
import { USER_AGENT } from '../../../../main/core/app-info';
import { NekosBestClient } from '../../../../main/core/sources/nekos-best/client';
import { startFakeNekosBest, type FakeServer } from '../../../fakes';
import { failure, requestsTo, testHttp, useNekodeskHome } from '../helpers';

const UUID_ID = /^nekos\.best:[0-9a-f-]{36}$/;

describe('NekosBestClient', () => {
  useNekodeskHome();
  let server: FakeServer;
  let client: NekosBestClient;

  beforeAll(async () => {
    server = await startFakeNekosBest({ enforceRateLimits: false });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearFaults();
    server.requests.length = 0;
    client = new NekosBestClient(testHttp(), server.baseUrl);
  });

  describe('categories', () => {
    it('lists every category from /endpoints, alphabetised, with its format', async () => {
      const full = await client.categoriesFull();
      const names = Object.keys(full);
      expect(names).toEqual([...names].sort());
      expect(names.length).toBeGreaterThan(50);
      expect(full.neko).toEqual({ format: 'png' });
      expect(full.hug).toEqual({ format: 'gif' });
      // Categories added after the document was written are discovered, not hard-coded.
      expect(full.blowkiss).toEqual({ format: 'gif' });
      expect(await client.categories()).toEqual(names);
    });

    it('asks /endpoints once per process while the list is fresh, and again after the TTL', async () => {
      let now = 1_000_000;
      const cached = new NekosBestClient(testHttp(), server.baseUrl, {
        clock: { now: () => now },
        categoriesTtlMs: 60_000,
      });
      await cached.categories();
      await cached.categoriesFull();
      await cached.random('neko');
      expect(requestsTo(server, /\/endpoints$/)).toHaveLength(1);
      now += 61_000;
      await cached.categories();
      expect(requestsTo(server, /\/endpoints$/)).toHaveLength(2);
    });

    it('shares one /endpoints request between concurrent callers', async () => {
      await Promise.all([client.categories(), client.categoriesFull(), client.categories()]);
      expect(requestsTo(server, /\/endpoints$/)).toHaveLength(1);
    });

    it('keeps serving the last good list when a refresh fails', async () => {
      let now = 0;
      const cached = new NekosBestClient(testHttp(), server.baseUrl, {
        clock: { now: () => now },
        categoriesTtlMs: 1000,
      });
      const first = await cached.categories();
      now += 5000;
      server.addFault({ fault: { kind: 'server-error', status: 503 }, path: /endpoints/ });
      expect(await cached.categories()).toEqual(first);
    });

    it('fails clearly when the category list cannot be read', async () => {
      server.addFault({ fault: { kind: 'invalid-json' }, path: /endpoints/ });
      const error = await failure(client.categories(), 'invalid_response');
      expect(error.message).toMatch(/nekos\.best/);
    });
  });

  describe('random', () => {
    it('returns valid Artwork records of the category, with dimensions and attribution', async () => {
      const artworks = await client.random('neko', 3);
      expect(artworks).toHaveLength(3);
      for (const artwork of artworks) {
        expect(artworkSchema.parse(artwork)).toEqual(artwork);
        expect(artwork).toMatchObject({
          source: 'nekos.best',
          kind: 'image',
          category: 'neko',
          rating: 'safe',
          colors: null,
        });
        expect(artwork.id).toMatch(UUID_ID);
        expect(artwork.url.startsWith(`${server.baseUrl}/neko/`)).toBe(true);
        expect(artwork.previewUrl).toBe(artwork.url);
        expect(artwork.width).toBeGreaterThan(0);
        expect(artwork.artist?.name).toBeTruthy();
        expect(artwork.sourceUrl).toMatch(/^https:\/\//);
      }
      const [request] = requestsTo(server, /\/neko$/);
      expect(request?.query.get('amount')).toBe('3');
      expect(request?.headers['user-agent']).toBe(USER_AGENT);
    });

    it('maps GIF categories to kind gif with the anime name', async () => {
      const [artwork] = await client.random('hug');
      expect(artwork).toMatchObject({ kind: 'gif', category: 'hug', artist: null });
      expect(artwork?.anime).toBeTruthy();
      expect(artwork?.url.endsWith('.gif')).toBe(true);
    });

    it('accepts category names in any case', async () => {
      const [artwork] = await client.random(' Neko ');
      expect(artwork?.category).toBe('neko');
    });

    it.each([0, 21, 1.5, Number.NaN])('refuses amount %s before any request', async (amount) => {
      const error = await failure(client.random('neko', amount), 'invalid_input');
      expect(error.message).toMatch(/amount must be a whole number from 1 to 20/);
      expect(server.requests).toHaveLength(0);
    });

    it('refuses an unknown category without asking for it, suggesting the closest name', async () => {
      const error = await failure(client.random('nekko'), 'invalid_input');
      expect(error.message).toMatch(/Unknown nekos\.best category "nekko".*"neko"/);
      expect(server.requests.map((request) => request.path)).toEqual(['/api/v2/endpoints']);
    });

    it('refuses a malformed category name before any request', async () => {
      await failure(client.random('../endpoints'), 'invalid_input');
      await failure(client.random('neko?amount=20'), 'invalid_input');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('search', () => {
    it('searches GIFs with type=2 and takes each category from its URL', async () => {
      const artworks = await client.search({ query: 'Frieren', type: 'gif', amount: 5 });
      expect(artworks.length).toBeGreaterThan(0);
      for (const artwork of artworks) {
        expect(artwork.kind).toBe('gif');
        expect(artwork.url).toContain(`/${artwork.category}/`);
      }
      const [request] = requestsTo(server, /\/search$/);
      expect(Object.fromEntries(request?.query ?? [])).toEqual({ query: 'Frieren', type: '2', amount: '5' });
    });

    it('searches images with type=1 within a category', async () => {
      const artworks = await client.search({ query: 'Mochi', type: 'image', category: 'waifu' });
      expect(artworks.every((artwork) => artwork.category === 'waifu' && artwork.kind === 'image')).toBe(
        true,
      );
      const [request] = requestsTo(server, /\/search$/);
      expect(request?.query.get('type')).toBe('1');
      expect(request?.query.get('category')).toBe('waifu');
    });

    it('refuses a category of the other format, and empty or oversized queries, before searching', async () => {
      const mismatch = await failure(
        client.search({ query: 'x', type: 'image', category: 'hug' }),
        'invalid_input',
      );
      expect(mismatch.message).toMatch(/"hug" holds gifs.*type gif/);
      await failure(client.search({ query: '   ', type: 'gif' }), 'invalid_input');
      await failure(client.search({ query: 'x'.repeat(201), type: 'gif' }), 'invalid_input');
      await failure(client.search({ query: 'x', type: 'gif', amount: 25 }), 'invalid_input');
      expect(requestsTo(server, /\/search$/)).toHaveLength(0);
    });
  });

  describe('asset', () => {
    it('downloads an image with its decoded metadata headers', async () => {
      const [artwork] = await client.random('neko');
      const asset = await client.asset(artwork?.url ?? '');
      expect(asset.contentType).toBe('image/png');
      expect([...asset.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(asset.metadata.artistName).toBe(artwork?.artist?.name);
      expect(asset.metadata.artistHref).toBe(artwork?.artist?.url);
      expect(asset.metadata.sourceUrl).toBe(artwork?.sourceUrl);
      expect(asset).toMatchObject({ category: 'neko', format: 'png', kind: 'image' });
      expect(requestsTo(server, /\.png$/)[0]?.headers['user-agent']).toBe(USER_AGENT);
    });

    it('decodes URL-encoded non-ASCII and punctuation in anime names', async () => {
      const gifs = await client.search({ query: 'Cats & Crowns', type: 'gif', amount: 20 });
      const tricky = gifs.find((artwork) => artwork.anime === 'Cats & Crowns: 100% Nyan');
      expect(tricky).toBeDefined();
      const asset = await client.asset(tricky?.url ?? '');
      expect(asset.metadata.animeName).toBe('Cats & Crowns: 100% Nyan');
      expect(asset.kind).toBe('gif');
    });

    it.each([
      ['another host', 'https://evil.example/api/v2/neko/32b729e1-340e-442b-ae8f-a863dbcf4e15.png'],
      ['a non-http scheme', 'file:///etc/passwd'],
      ['a path outside the API', '/elsewhere/neko/32b729e1-340e-442b-ae8f-a863dbcf4e15.png'],
      ['a query string', '/api/v2/neko/32b729e1-340e-442b-ae8f-a863dbcf4e15.png?x=1'],
      ['another extension', '/api/v2/neko/32b729e1-340e-442b-ae8f-a863dbcf4e15.svg'],
      ['an API endpoint', '/api/v2/endpoints'],
      ['not a URL', 'neko.png'],
    ])('refuses %s without any request', async (_what, url) => {
      const full = url.startsWith('/') ? `${server.origin}${url}` : url;
      expect(client.isAssetUrl(full)).toBe(false);
      const error = await failure(client.asset(full), 'invalid_input');
      expect(error.message).toMatch(/Not a nekos\.best asset URL/);
      expect(server.requests).toHaveLength(0);
    });

    it('reports a missing asset as not_found', async () => {
      await failure(
        client.asset(`${server.baseUrl}/neko/00000000-0000-4000-a000-000000000000.png`),
        'not_found',
      );
    });

    it('refuses an HTML page served instead of the image', async () => {
      const [artwork] = await client.random('neko');
      server.addFault({ fault: { kind: 'wrong-content-type' }, path: /\.png$/ });
      const error = await failure(client.asset(artwork?.url ?? ''), 'invalid_response');
      expect(error.message).toMatch(/text\/html instead of an image/);
    });

    it('fails on a cut-off download instead of returning partial bytes', async () => {
      const [artwork] = await client.random('neko');
      server.addFault({ fault: { kind: 'truncated' }, path: /\.png$/ });
      await failure(client.asset(artwork?.url ?? ''), 'invalid_response');
    });
  });

  describe('upstream faults', () => {
    const cases = [
      [{ kind: 'slow', ms: 1500 }, 'timeout', /did not answer/],
      [{ kind: 'reset' }, 'offline', /Could not reach/],
      [{ kind: 'truncated' }, 'invalid_response', /cut off/],
      [{ kind: 'invalid-json' }, 'invalid_response', /not valid JSON/],
      [{ kind: 'wrong-content-type' }, 'invalid_response', /text\/html/],
      [{ kind: 'server-error', status: 502 }, 'upstream_error', /HTTP 502/],
      [{ kind: 'rate-limited', retryAfterSeconds: 30 }, 'rate_limited', /try again in 30 s/],
    ] as const;

    it.each(cases)('%o → %s', async (fault, code, message) => {
      await client.categories();
      server.addFault({ fault, path: /\/neko$/ });
      const error = await failure(client.random('neko'), code);
      expect(error.message).toMatch(message);
      if (code === 'rate_limited') expect(error.retryAfter).toBe(30);
    });

    it('retries a server error before giving up', async () => {
      await client.categories();
      server.addFault({ fault: { kind: 'server-error' }, path: /\/neko$/ });
      await failure(client.random('neko'), 'upstream_error');
      expect(requestsTo(server, /\/neko$/)).toHaveLength(2);
    });

    it('recovers when a fault is transient', async () => {
      await client.categories();
      server.addFault({ fault: { kind: 'server-error' }, path: /\/neko$/, times: 1 });
      expect(await client.random('neko')).toHaveLength(1);
    });
  });
});
