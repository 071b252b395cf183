import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artworkSchema } from '../../main/core/artwork';
import { expectOneLineError, runIn, useFakes, useHome } from './helpers';

describe('nekodesk nekos', () => {
  const { home, cwd } = useHome();
  const fakes = useFakes();
  const run = (...argv: string[]) => runIn(home(), argv, { env: fakes().env, cwd: cwd() });

  async function someAssetUrl(category = 'neko'): Promise<string> {
    const listed = await run('--json', 'nekos', 'image', category);
    return z.array(artworkSchema).parse(JSON.parse(listed.stdout))[0]?.url ?? '';
  }

  describe('categories', () => {
    it('prints every category, alphabetised, one per line', async () => {
      const result = await run('nekos', 'categories');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toEqual([...lines].sort());
      expect(lines).toContain('neko');
      expect(lines).toContain('hug');
      expect(lines.length).toBeGreaterThan(50);
    });

    it('prints a JSON array with --json (before or after the command)', async () => {
      const before = JSON.parse((await run('--json', 'nekos', 'categories')).stdout) as string[];
      const after = JSON.parse((await run('nekos', 'categories', '--json')).stdout) as string[];
      expect(before).toEqual(after);
      expect(before).toContain('waifu');
    });

    it('prints name → format with categories-full --json, and a table without', async () => {
      const json = z
        .record(z.string(), z.object({ format: z.enum(['png', 'gif']) }))
        .parse(JSON.parse((await run('nekos', 'categories-full', '--json')).stdout));
      expect(json.husbando).toEqual({ format: 'png' });
      expect(json.baka).toEqual({ format: 'gif' });
      const table = (await run('nekos', 'categories-full')).stdout.split('\n');
      expect(table[0]).toMatch(/^CATEGORY\s+FORMAT$/);
      expect(table).toContainEqual(expect.stringMatching(/^neko\s+png$/));
      expect(table.at(-2)).toMatch(/^\d+ categories: 4 png, \d+ gif$/);
    });
  });

  describe('image', () => {
    it('prints each artwork with its URL, size and attribution', async () => {
      const result = await run('nekos', 'image', 'neko', '--amount', '2');
      expect(result.code).toBe(0);
      const urls = result.stdout.split('\n').filter((line) => line.startsWith('http'));
      expect(urls).toHaveLength(2);
      expect(result.stdout).toMatch(/ {2}neko · image · \d+×\d+ · safe · nekos\.best:[0-9a-f-]{36}/);
      expect(result.stdout).toMatch(/ {2}Artist: .+ <https:\/\//);
      expect(result.stdout).toMatch(/ {2}Source: https:\/\//);
    });

    it('prints Artwork records with --json', async () => {
      const result = await run('--json', 'nekos', 'image', 'hug', '-a', '3');
      const artworks = z.array(artworkSchema).parse(JSON.parse(result.stdout));
      expect(artworks).toHaveLength(3);
      expect(artworks.every((artwork) => artwork.kind === 'gif' && artwork.category === 'hug')).toBe(true);
    });

    it('refuses an amount out of range with exit code 2', async () => {
      expectOneLineError(
        await run('nekos', 'image', 'neko', '--amount', '21'),
        2,
        /amount must be a whole number from 1 to 20/,
      );
      expectOneLineError(await run('nekos', 'image', 'neko', '--amount', 'lots'), 2, /--amount .* invalid/);
      expect(fakes().nekosBest.requests.filter((request) => request.path.endsWith('/neko'))).toHaveLength(0);
    });

    it('suggests the closest category for a typo', async () => {
      expectOneLineError(
        await run('nekos', 'image', 'kitsue'),
        2,
        /Unknown nekos\.best category "kitsue" — did you mean "kitsune"\?/,
      );
    });
  });

  describe('search', () => {
    it('joins the words of the query and searches GIFs', async () => {
      const result = await run(
        '--json',
        'nekos',
        'search',
        'Sousou',
        'no',
        'Frieren',
        '--type',
        'gif',
        '--amount',
        '4',
      );
      const artworks = z.array(artworkSchema).parse(JSON.parse(result.stdout));
      expect(artworks.every((artwork) => artwork.kind === 'gif')).toBe(true);
      const [request] = fakes().nekosBest.requests.filter((r) => r.path.endsWith('/search'));
      expect(request?.query.get('query')).toBe('Sousou no Frieren');
      expect(request?.query.get('type')).toBe('2');
    });

    it('searches images by default, within a category', async () => {
      const result = await run('nekos', 'search', 'pixelpaws', '--category', 'neko');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/neko · image/);
      expect(
        fakes()
          .nekosBest.requests.find((r) => r.path.endsWith('/search'))
          ?.query.get('type'),
      ).toBe('1');
    });

    it('refuses an unknown type', async () => {
      expectOneLineError(
        await run('nekos', 'search', 'x', '--type', 'video'),
        2,
        /Allowed choices are image, gif/,
      );
    });
  });

  describe('file', () => {
    it('saves the asset under its own name and prints the decoded metadata', async () => {
      const url = await someAssetUrl();
      const result = await run('nekos', 'file', url);
      expect(result.code).toBe(0);
      const name = url.split('/').pop() ?? '';
      const saved = readFileSync(path.join(cwd(), name));
      expect([...saved.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(result.stdout).toMatch(
        new RegExp(`^Saved ${path.join(cwd(), name).replace(/[.]/g, '\\.')} \\(.+, image/png\\)`),
      );
      expect(result.stdout).toMatch(/\nArtist: {6}\S/);
      expect(result.stdout).toMatch(/\nSource: {6}https:\/\//);
      expect(readdirSync(cwd())).toEqual([name]); // no temporary file left behind
    });

    it('decodes URL-encoded anime names in the metadata', async () => {
      const search = await run(
        '--json',
        'nekos',
        'search',
        'Cats',
        '&',
        'Crowns',
        '--type',
        'gif',
        '--amount',
        '20',
      );
      const match = z
        .array(artworkSchema)
        .parse(JSON.parse(search.stdout))
        .find((a) => a.anime === 'Cats & Crowns: 100% Nyan');
      const result = await run('--json', 'nekos', 'file', match?.url ?? '', '-o', 'reaction.gif');
      const printed = z
        .object({ path: z.string(), bytes: z.number(), metadata: z.object({ animeName: z.string() }) })
        .parse(JSON.parse(result.stdout));
      expect(printed.metadata.animeName).toBe('Cats & Crowns: 100% Nyan');
      expect(printed.path).toBe(path.join(cwd(), 'reaction.gif'));
      expect(readFileSync(printed.path).subarray(0, 3).toString()).toBe('GIF');
    });

    it('saves into a folder given with -o', async () => {
      const url = await someAssetUrl();
      mkdirSync(path.join(cwd(), 'pics'));
      expect((await run('nekos', 'file', url, '-o', 'pics')).code).toBe(0);
      expect(readdirSync(path.join(cwd(), 'pics'))).toEqual([url.split('/').pop()]);
    });

    it('refuses to overwrite unless --force, before downloading', async () => {
      const url = await someAssetUrl();
      writeFileSync(path.join(cwd(), 'mine.png'), 'precious');
      const before = fakes().nekosBest.requests.length;
      expectOneLineError(await run('nekos', 'file', url, '-o', 'mine.png'), 2, /already exists; use --force/);
      expect(readFileSync(path.join(cwd(), 'mine.png'), 'utf8')).toBe('precious');
      expect(fakes().nekosBest.requests.length).toBe(before);
      expect((await run('nekos', 'file', url, '-o', 'mine.png', '--force')).code).toBe(0);
      expect(readFileSync(path.join(cwd(), 'mine.png')).subarray(1, 4).toString()).toBe('PNG');
    });

    it('leaves no file at all when the download breaks', async () => {
      const url = await someAssetUrl();
      fakes().nekosBest.addFault({ fault: { kind: 'truncated' }, path: /\.png$/ });
      expectOneLineError(await run('nekos', 'file', url), 1, /cut off/);
      expect(readdirSync(cwd())).toEqual([]);
    });

    it('refuses URLs that are not nekos.best assets, and missing folders', async () => {
      expectOneLineError(
        await run('nekos', 'file', 'https://evil.example/x/y.png'),
        2,
        /Not a nekos\.best asset URL/,
      );
      expectOneLineError(
        await run('nekos', 'file', `${fakes().nekosBest.baseUrl}/endpoints`),
        2,
        /Not a nekos\.best asset URL/,
      );
      const url = await someAssetUrl();
      expectOneLineError(await run('nekos', 'file', url, '-o', 'no/such/dir/a.png'), 2, /does not exist/);
      expect(existsSync(path.join(cwd(), 'no'))).toBe(false);
    });
  });

  describe('when nekos.best misbehaves', () => {
    it.each([
      [
        { kind: 'slow', ms: 1500 },
        /^nekodesk: nekos\.best did not answer within [^;]+; try again later\.\n$/,
      ],
      [{ kind: 'reset' }, /^nekodesk: Could not reach 127\.0\.0\.1:\d+: .+\n$/],
      [{ kind: 'truncated' }, /^nekodesk: The response from nekos\.best was cut off/],
      [{ kind: 'invalid-json' }, /^nekodesk: nekos\.best sent a response that is not valid JSON\.\n$/],
      [
        { kind: 'wrong-content-type' },
        /^nekodesk: nekos\.best sent "text\/html" where JSON was expected\.\n$/,
      ],
      [{ kind: 'server-error' }, /^nekodesk: nekos\.best is having trouble \(HTTP 500\)/],
      [
        { kind: 'rate-limited', retryAfterSeconds: 30 },
        /^nekodesk: nekos\.best is rate limiting us; try again in 30 s\.\n$/,
      ],
    ] as const)('%o: one clear line, exit code 1', async (fault, message) => {
      fakes().nekosBest.addFault({ fault });
      const result = await run('nekos', 'categories');
      expectOneLineError(result, 1, message);
      expect(result.stdout).toBe('');
    });
  });
});
