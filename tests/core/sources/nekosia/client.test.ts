import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { artworkSchema } from '../../../../main/core/artwork';
import type { HttpTransport } from '../../../../main/core/http';
import { NekosiaClient } from '../../../../main/core/sources/nekosia/client';
import type { NekosiaImagesParams } from '../../../../main/core/sources/nekosia/params';
import { startFakeNekosia, type FakeServer } from '../../../fakes';
import { failure, requestsTo, testHttp, useNekodeskHome } from '../helpers';

const INSTALLATION_ID = '3f0c9a52-1b7e-4c1d-9e88-2a6b5d4c3e21';

/** A transport that answers every JSON call with `body` (for response shapes the fake never sends). */
function answering(body: unknown): HttpTransport {
  return {
    json: (_url, schema) =>
      Promise.resolve({ status: 200, headers: new Headers(), data: schema.parse(body) }),
    bytes: () => Promise.reject(new Error('not used')),
  };
}

describe('NekosiaClient', () => {
  useNekodeskHome();
  let server: FakeServer;
  let client: NekosiaClient;

  beforeAll(async () => {
    server = await startFakeNekosia({ enforceRateLimits: false });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearFaults();
    server.requests.length = 0;
    client = new NekosiaClient(testHttp(), server.baseUrl, { defaultSessionId: INSTALLATION_ID });
  });

  describe('images', () => {
    it('reads the count-1 envelope (image fields at the top level)', async () => {
      const result = await client.images('catgirl');
      expect(result.artworks).toHaveLength(1);
      expect(result.matched).toBeGreaterThan(1); // how many matched, not how many came back
      const [artwork] = result.artworks;
      expect(artworkSchema.parse(artwork)).toEqual(artwork);
      expect(artwork).toMatchObject({ source: 'nekosia', kind: 'image', rating: 'safe' });
      expect(artwork?.id).toMatch(/^nekosia:[0-9a-f]{24}$/);
      expect(artwork?.url).toMatch(/\.png$/);
      expect(artwork?.previewUrl).toMatch(/-compressed\.jpg$/);
      expect(artwork?.tags).toContain('catgirl');
      expect(artwork?.colors?.main).toMatch(/^#[0-9a-f]{6}$/);
      expect(artwork?.colors?.palette.length).toBeGreaterThan(0);
      expect(artwork?.width).toBeGreaterThan(0);
      const [request] = requestsTo(server, /\/images\/catgirl$/);
      expect(request?.query.get('rating')).toBe('safe');
      expect(request?.query.has('count')).toBe(false);
    });

    it('reads the images[] envelope for count > 1', async () => {
      const result = await client.images('catgirl', { count: 4 });
      expect(result.artworks).toHaveLength(4);
      expect(new Set(result.artworks.map((artwork) => artwork.id)).size).toBe(4);
      expect(requestsTo(server, /\/images\//)[0]?.query.get('count')).toBe('4');
    });

    it('sends tags and blacklist, and the results honour them', async () => {
      const result = await client.images('random', {
        count: 5,
        additionalTags: ['White-Hair'],
        blacklistedTags: ['maid', 'sad'],
      });
      const [request] = requestsTo(server, /\/images\//);
      expect(request?.query.get('additionalTags')).toBe('white-hair');
      expect(request?.query.get('blacklistedTags')).toBe('maid,sad');
      for (const artwork of result.artworks) {
        expect(artwork.tags).toContain('white-hair');
        expect(artwork.tags).not.toContain('sad');
      }
    });

    it('asks for suggestive images and maps their rating', async () => {
      const result = await client.images('random', { count: 3, rating: 'suggestive' });
      expect(result.artworks.every((artwork) => artwork.rating === 'suggestive')).toBe(true);
    });

    it('uses the installation id for an id session, and a session never repeats', async () => {
      const first = await client.images('catgirl', { count: 3, session: 'id' });
      const second = await client.images('catgirl', { count: 3, session: 'id' });
      const [request] = requestsTo(server, /\/images\//);
      expect(request?.query.get('session')).toBe('id');
      expect(request?.query.get('id')).toBe(INSTALLATION_ID);
      expect(first.sessionKey).toMatch(/^[0-9a-f]+$/);
      const ids = [...first.artworks, ...second.artworks].map((artwork) => artwork.id);
      expect(new Set(ids).size).toBe(6);
    });

    it('sends an explicit id, and an ip session without one', async () => {
      await client.images('catgirl', { session: 'id', id: 'discord-437808476106784770' });
      await client.images('catgirl', { session: 'ip' });
      const [withId, byIp] = requestsTo(server, /\/images\//);
      expect(withId?.query.get('id')).toBe('discord-437808476106784770');
      expect(byIp?.query.get('session')).toBe('ip');
      expect(byIp?.query.has('id')).toBe(false);
    });

    const refused: [string, string, NekosiaImagesParams, RegExp][] = [
      ['nothing without tags', 'nothing', {}, /"nothing" category .* needs at least one additional tag/],
      ['count 0', 'catgirl', { count: 0 }, /count must be a whole number from 1 to 20/],
      ['count 21', 'catgirl', { count: 21 }, /count must be a whole number from 1 to 20/],
      ['a short session id', 'catgirl', { session: 'id', id: 'abc' }, /4 to 128 characters/],
      ['a session id with !', 'catgirl', { session: 'id', id: 'hello!world' }, /without any of these/],
      ['a session id longer than 128', 'catgirl', { session: 'id', id: 'x'.repeat(129) }, /4 to 128/],
      ['an id without the id session', 'catgirl', { id: 'abcdef' }, /needs the "id" session/],
      [
        'a tag both wanted and blacklisted',
        'catgirl',
        { additionalTags: ['maid'], blacklistedTags: ['maid'] },
        /both wanted and blacklisted/,
      ],
      ['a tag with a comma', 'catgirl', { additionalTags: ['a,b'] }, /not a valid tag/],
      ['an unknown rating', 'catgirl', { rating: 'explicit' as 'safe' }, /rating must be/],
      ['an unknown session kind', 'catgirl', { session: 'cookie' as 'ip' }, /session must be/],
      ['a malformed category', '../tags', {}, /not a Nekosia category/],
    ];
    it.each(refused)('refuses %s before any request', async (_what, category, params, message) => {
      const error = await failure(client.images(category, params), 'invalid_input');
      expect(error.message).toMatch(message);
      expect(server.requests).toHaveLength(0);
    });

    it('needs an id for the id session when no installation id is known', async () => {
      const bare = new NekosiaClient(testHttp(), server.baseUrl);
      await failure(bare.images('catgirl', { session: 'id' }), 'invalid_input');
      expect(server.requests).toHaveLength(0);
    });

    it('runs "nothing" with tags, without the safety filters', async () => {
      const result = await client.images('nothing', { count: 2, additionalTags: ['cat-ears'] });
      expect(result.artworks.every((artwork) => artwork.tags.includes('cat-ears'))).toBe(true);
    });

    it("surfaces Nekosia's own message when nothing matches", async () => {
      const error = await failure(client.images('no-such-category'), 'invalid_input');
      expect(error.message).toMatch(/No images matching the specified criteria/);
    });
  });

  describe('imageById', () => {
    it('returns the same image the listing returned', async () => {
      const [listed] = (await client.images('foxgirl')).artworks;
      const byId = await client.imageById(listed?.id.replace('nekosia:', '') ?? '');
      expect(byId.id).toBe(listed?.id);
      expect(byId.url).toBe(listed?.url);
      expect(byId.tags).toEqual(listed?.tags);
    });

    it('reports an unknown id (a 400 upstream) as not_found', async () => {
      const error = await failure(client.imageById('0123456789abcdef01234567'), 'not_found');
      expect(error.message).toBe('Nekosia has no image with the id "0123456789abcdef01234567".');
    });

    it('refuses a malformed id before any request', async () => {
      await failure(client.imageById('../tags'), 'invalid_input');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('tags', () => {
    it('lists tags, anime and characters', async () => {
      const lists = await client.tags();
      expect(lists.tags).toContain('catgirl');
      expect(lists.anime).toContain('Sousou no Frieren');
      expect(lists.characters).toContain('Frieren');
    });

    it('accepts entries given as objects, and missing lists', async () => {
      const tolerant = new NekosiaClient(
        answering({ tags: [{ name: 'maid' }, 'cute', 7, null], anime: [{ title: 'Blue Archive' }] }),
        'http://x/api/v1',
      );
      expect(await tolerant.tags()).toEqual({
        tags: ['maid', 'cute'],
        anime: ['Blue Archive'],
        characters: [],
      });
    });

    it('fails clearly when no list is present', async () => {
      const broken = new NekosiaClient(answering({ success: true }), 'http://x/api/v1');
      const error = await failure(broken.tags(), 'invalid_response');
      expect(error.message).toMatch(/missing the field "tags"/);
    });
  });

  describe('hostile or odd responses', () => {
    it('drops an image whose own URL is not http(s) and keeps the others', async () => {
      const good = {
        id: '66a77347a4b979c761eb0cde',
        image: { original: { url: 'https://cdn.example/a.png' }, compressed: { url: 'javascript:alert(1)' } },
      };
      const bad = { id: '66a77347a4b979c761eb0cdf', image: { original: { url: 'javascript:alert(1)' } } };
      const odd = new NekosiaClient(
        answering({ success: true, count: 9, images: [bad, good] }),
        'http://x/api/v1',
      );
      const result = await odd.images('catgirl', { count: 2 });
      expect(result.matched).toBe(9);
      expect(result.sessionKey).toBeNull();
      expect(result.artworks.map((artwork) => artwork.id)).toEqual(['nekosia:66a77347a4b979c761eb0cde']);
      expect(result.artworks[0]?.previewUrl).toBe('https://cdn.example/a.png');
    });

    it('fails with invalid_response when no image is usable', async () => {
      const odd = new NekosiaClient(answering({ success: true, count: 1, id: 'x' }), 'http://x/api/v1');
      const error = await failure(odd.images('catgirl'), 'invalid_response');
      expect(error.message).toMatch(/image\.original\.url/);
    });
  });

  describe('upstream faults', () => {
    it.each([
      [{ kind: 'slow', ms: 1500 }, 'timeout'],
      [{ kind: 'reset' }, 'offline'],
      [{ kind: 'truncated' }, 'invalid_response'],
      [{ kind: 'invalid-json' }, 'invalid_response'],
      [{ kind: 'wrong-content-type' }, 'invalid_response'],
      [{ kind: 'server-error' }, 'upstream_error'],
    ] as const)('%o → %s', async (fault, code) => {
      server.addFault({ fault });
      const error = await failure(client.images('catgirl'), code);
      expect(error.message).toMatch(/Nekosia|127\.0\.0\.1/);
    });

    it('429 → rate_limited with the time to wait', async () => {
      server.addFault({ fault: { kind: 'rate-limited', retryAfterSeconds: 120 } });
      const error = await failure(client.tags(), 'rate_limited');
      expect(error.retryAfter).toBe(120);
      expect(error.message).toMatch(/try again in 2 min/);
    });
  });
});
