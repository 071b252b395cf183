import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WHATANIME_DEFAULT_API_KEY, WHATANIME_DEFAULT_USER } from '../fakes';
import { animeFrame } from '../fakes/whatanime-screenshot';
import { expectOneLineError, runIn, useFakes, useHome, type RunOptions } from './helpers';

const resultJson = z.object({
  id: z.string(),
  label: z.string(),
  source: z.literal('pick'),
  upload: z.object({
    originalBytes: z.number(),
    bytes: z.number(),
    width: z.number(),
    height: z.number(),
    cropped: z.boolean(),
  }),
  imageUrl: z.string(),
  quota: z.object({ remaining: z.number(), limit: z.number() }).nullable(),
  candidates: z.array(
    z.object({
      title: z.string(),
      similarity: z.number(),
      likely: z.boolean(),
      link: z.string().nullable(),
      imageUrl: z.string().nullable(),
      videoUrl: z.string().nullable(),
    }),
  ),
});

describe('nekodesk identify: history, account, previews', () => {
  const { home, cwd } = useHome();
  const fakes = useFakes();
  const run = (argv: string[], options: RunOptions = {}) =>
    runIn(home(), argv, { cwd: cwd(), ...options, env: { ...fakes().env, ...options.env } });

  async function screenshot(name: string, seed: number): Promise<string> {
    const file = path.join(cwd(), name);
    writeFileSync(
      file,
      await animeFrame({ width: 960, height: 540, bars: { top: 60, bottom: 60 }, seed, grain: 0 }),
    );
    return file;
  }

  it('--json prints the identification, with the upload kept in the cache as a file:// URL', async () => {
    const result = resultJson.parse(
      JSON.parse((await run(['--json', 'identify', await screenshot('a.png', 1)])).stdout),
    );
    expect(result.upload).toMatchObject({ width: 960, height: 420, cropped: true });
    expect(result.imageUrl).toMatch(/^file:\/\//);
    const file = fileURLToPath(result.imageUrl);
    expect(file.startsWith(path.join(home(), 'cache'))).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(result.candidates.every((c) => c.imageUrl === null && c.videoUrl === null)).toBe(true);
  });

  it("--previews downloads each candidate's still and clip and prints where they are", async () => {
    const result = await run(['identify', await screenshot('b.png', 2), '--previews']);
    const previews = result.stdout.split('\n').filter((line) => line.startsWith('   preview: '));
    expect(previews).toHaveLength(5);
    for (const line of previews) {
      const files = line.slice('   preview: '.length).split('  ');
      expect(files).toHaveLength(2);
      for (const file of files) expect(existsSync(file)).toBe(true);
    }
  });

  it('lists the history newest first, deletes one entry, then clears it', async () => {
    const first = resultJson.parse(
      JSON.parse((await run(['--json', 'identify', await screenshot('one.png', 3)])).stdout),
    );
    await run(['identify', await screenshot('two.png', 4)]);
    const list = await run(['identify', 'history']);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^\S+ {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}two\.png {2}→ {2}.+ at \d{2}:\d{2} · \d+\.\d%/,
    );
    expect(lines[1]).toMatch(new RegExp(`^${first.id} .* one\\.png `));
    expect(lines.at(-1)).toBe('1–2 of 2');

    expect((await run(['identify', 'history', '--delete', first.id])).stdout).toBe(
      `Deleted ${first.id}; 1 left.\n`,
    );
    expect(existsSync(fileURLToPath(first.imageUrl))).toBe(false);
    expectOneLineError(
      await run(['identify', 'history', '--delete', first.id]),
      1,
      /no longer in the history/,
    );
    expect((await run(['identify', 'history', '--clear'])).stdout).toBe('History cleared.\n');
    expect((await run(['identify', 'history'])).stdout).toBe('No identifications yet.\n');
  });

  it('account: a guest, then the quota the last search reported, then the signed-in email', async () => {
    expect((await run(['identify', 'account'])).stdout).toBe(
      'Guest (5 searches a day)\nSearches left today: not known yet (the service says with each search)\n',
    );
    await run(['identify', 'https://example.com/a.png']);
    expect((await run(['identify', 'account'])).stdout).toMatch(/Searches left today: 4 \(limit 5\)/);
    await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], {
      stdin: `${WHATANIME_DEFAULT_USER.password}\n`,
    });
    const json = z
      .object({ kind: z.string(), email: z.string().nullable(), maskedKey: z.string().nullable() })
      .parse(JSON.parse((await run(['--json', 'identify', 'account'])).stdout));
    expect(json).toEqual({ kind: 'session', email: WHATANIME_DEFAULT_USER.email, maskedKey: null });
  });

  it('account: a key given with --api-key shows masked, never whole', async () => {
    const out = await run(['identify', 'account', '--api-key', WHATANIME_DEFAULT_API_KEY]);
    expect(out.stdout).toMatch(/^Searching with an API key\nAPI key: wa_f…mnop\n/);
    expect(out.stdout).not.toContain(WHATANIME_DEFAULT_API_KEY);
  });
});
