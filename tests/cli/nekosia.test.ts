import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artworkSchema } from '../../main/core/artwork';
import { expectOneLineError, runIn, useFakes, useHome } from './helpers';

const imagesJson = z.object({
  matched: z.number(),
  sessionKey: z.string().nullable(),
  artworks: z.array(artworkSchema),
});

describe('nekodesk nekosia', () => {
  const { home } = useHome();
  const fakes = useFakes();
  const run = (...argv: string[]) => runIn(home(), argv, { env: fakes().env });
  const imageRequests = () =>
    fakes().nekosia.requests.filter((request) => request.path.startsWith('/api/v1/images/'));

  describe('images', () => {
    it('prints how many matched and each image with its tags', async () => {
      const result = await run('nekosia', 'images', 'catgirl', '--count', '2');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^2 of \d+ matching images\n/);
      expect(result.stdout).toMatch(/ {2}\S+ · image · \d+×\d+ · safe · nekosia:[0-9a-f]{24}/);
      expect(result.stdout).toMatch(/ {2}Tags: .*catgirl/);
    });

    it('prints { matched, sessionKey, artworks } with --json', async () => {
      const parsed = imagesJson.parse(
        JSON.parse(
          (await run('--json', 'nekosia', 'images', 'random', '-n', '3', '--rating', 'suggestive')).stdout,
        ),
      );
      expect(parsed.artworks).toHaveLength(3);
      expect(parsed.artworks.every((artwork) => artwork.rating === 'suggestive')).toBe(true);
    });

    it('sends comma-separated tags and blacklist', async () => {
      await run(
        'nekosia',
        'images',
        'random',
        '--tags',
        'white-hair,cat-ears',
        '--blacklist',
        'sad',
        '--blacklist',
        'maid',
      );
      const [request] = imageRequests();
      expect(request?.query.get('additionalTags')).toBe('white-hair,cat-ears');
      expect(request?.query.get('blacklistedTags')).toBe('sad,maid');
    });

    it('uses the installation id from the settings for --session id', async () => {
      expect((await run('nekosia', 'images', 'catgirl', '--session', 'id')).code).toBe(0);
      const settings = z
        .object({ installationId: z.string() })
        .parse(JSON.parse(readFileSync(path.join(home(), 'settings.json'), 'utf8')));
      const [request] = imageRequests();
      expect(request?.query.get('session')).toBe('id');
      expect(request?.query.get('id')).toBe(settings.installationId);
    });

    it('takes --id as an id session', async () => {
      await run('nekosia', 'images', 'catgirl', '--id', 'discord-437808476106784770');
      const [request] = imageRequests();
      expect(request?.query.get('session')).toBe('id');
      expect(request?.query.get('id')).toBe('discord-437808476106784770');
    });

    it.each([
      [['nothing'], /"nothing" category .* additional tag/],
      [['catgirl', '--id', 'a!b@c'], /session id must be 4 to 128 characters/],
      [['catgirl', '--count', '50'], /count must be a whole number from 1 to 20/],
      [['catgirl', '--rating', 'explicit'], /Allowed choices are safe, suggestive/],
      [['catgirl', '--session', 'ip', '--id', 'abcd'], /only used with the "id" session/],
    ])('refuses %j locally with exit code 2', async (args, message) => {
      expectOneLineError(await run('nekosia', 'images', ...args), 2, message);
      expect(fakes().nekosia.requests).toHaveLength(0);
    });

    it("passes on Nekosia's message when nothing matches (exit code 2)", async () => {
      expectOneLineError(
        await run('nekosia', 'images', 'catgirl-test'),
        2,
        /No images matching the specified criteria/,
      );
    });

    it.each([
      [{ kind: 'slow', ms: 1500 }, /did not answer/],
      [{ kind: 'reset' }, /Could not reach/],
      [{ kind: 'truncated' }, /cut off/],
      [{ kind: 'invalid-json' }, /not valid JSON/],
      [{ kind: 'wrong-content-type' }, /"text\/html" where JSON was expected/],
      [{ kind: 'server-error', status: 503 }, /Nekosia is having trouble \(HTTP 503\)/],
      [{ kind: 'rate-limited', retryAfterSeconds: 120 }, /Nekosia is rate limiting us; try again in 2 min/],
    ] as const)('%o: one clear line, exit code 1', async (fault, message) => {
      fakes().nekosia.addFault({ fault });
      expectOneLineError(await run('nekosia', 'images', 'catgirl'), 1, message);
    });
  });

  describe('tags', () => {
    it('prints the three lists under headings', async () => {
      const result = await run('nekosia', 'tags');
      expect(result.stdout).toMatch(/^Tags \(\d+\)\n {2}/);
      expect(result.stdout).toMatch(/\n {2}catgirl\n/);
      expect(result.stdout).toMatch(/\n\nAnime \(\d+\)\n(?: {2}.+\n)*? {2}Sousou no Frieren\n/);
      expect(result.stdout).toMatch(/\n\nCharacters \(\d+\)\n/);
    });

    it('prints { tags, anime, characters } with --json', async () => {
      const lists = z
        .object({ tags: z.array(z.string()), anime: z.array(z.string()), characters: z.array(z.string()) })
        .parse(JSON.parse((await run('nekosia', 'tags', '--json')).stdout));
      expect(lists.characters).toContain('Frieren');
    });
  });

  describe('image', () => {
    it('prints one image by id, with or without the nekosia: prefix', async () => {
      const listed = imagesJson.parse(JSON.parse((await run('--json', 'nekosia', 'images', 'maid')).stdout))
        .artworks[0];
      const id = listed?.id ?? '';
      const plain = await run('--json', 'nekosia', 'image', id.replace('nekosia:', ''));
      const prefixed = await run('--json', 'nekosia', 'image', id);
      expect(artworkSchema.parse(JSON.parse(plain.stdout))).toEqual(listed);
      expect(JSON.parse(prefixed.stdout)).toEqual(JSON.parse(plain.stdout));
    });

    it('says when there is no such image (exit code 1)', async () => {
      expectOneLineError(
        await run('nekosia', 'image', 'ffffffffffffffffffffffff'),
        1,
        /Nekosia has no image with the id "ffffffffffffffffffffffff"/,
      );
    });
  });
});
