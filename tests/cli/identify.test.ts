import { closeSync, openSync, readFileSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeJpeg, encodePng, WHATANIME_DEFAULT_API_KEY, WHATANIME_DEFAULT_USER } from '../fakes';
import type { CliReadable } from '../../main/cli/io';
import { expectOneLineError, runIn, useFakes, useHome, type RunOptions } from './helpers';

const searchJson = z.object({
  candidates: z.array(
    z.object({
      title: z.string(),
      episode: z.union([z.number(), z.string(), z.null()]),
      at: z.number(),
      similarity: z.number(),
    }),
  ),
  quota: z.object({ remaining: z.number(), limit: z.number() }).nullable(),
});

describe('nekodesk identify', () => {
  const { home, cwd } = useHome();
  const fakes = useFakes();
  const run = (argv: string[], options: RunOptions = {}) =>
    runIn(home(), argv, { cwd: cwd(), ...options, env: { ...fakes().env, ...options.env } });
  const searches = () => fakes().whatanime.requests.filter((request) => request.path === '/api/anime/search');

  function screenshot(name = 'frame.png'): string {
    const file = path.join(cwd(), name);
    writeFileSync(
      file,
      name.endsWith('.png') ? encodePng(64, 36, [20, 40, 60]) : encodeJpeg(64, 36, [20, 40, 60]),
    );
    return file;
  }

  async function login(): Promise<void> {
    const result = await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], {
      stdin: `${WHATANIME_DEFAULT_USER.password}\n`,
    });
    expect(result.code).toBe(0);
  }

  describe('a screenshot', () => {
    it('prints every candidate (title, episode, mm:ss, similarity, link, unlikely ones marked), then what was uploaded', async () => {
      const result = await run(['identify', screenshot()]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const lines = result.stdout.split('\n');
      const heads = lines.filter((line) => /^\d\. /.test(line));
      expect(heads).toHaveLength(5);
      const details = lines.filter((line) => /^ {3}(?:episode|at) /.test(line));
      expect(details).toHaveLength(5);
      for (const detail of details)
        expect(detail).toMatch(
          /^ {3}(?:episode \S+ )?at \d{2}:\d{2} · \d{1,3}\.\d% similar(?: {2}\(unlikely\))?$/,
        );
      expect(lines.filter((line) => /^ {3}https:\/\/anilist\.co\/anime\/\d+$/.test(line))).toHaveLength(5);
      const percents = details.map((detail) => Number(/(\d+\.\d)%/.exec(detail)?.[1]));
      expect(percents).toEqual([...percents].sort((a, b) => b - a));
      details.forEach((detail, i) => {
        expect(detail.endsWith('(unlikely)')).toBe((percents[i] ?? 0) < 87);
      });
      expect(details[0]).not.toMatch(/unlikely/);
      expect(details.at(-1)).toMatch(/unlikely/);
      expect(lines[0]).toMatch(/^1\. /);
      expect(result.stdout).toMatch(
        /\n\nUploaded \d+ bytes \(from \d+ bytes: 64×36 JPEG, metadata removed\)\.\nSearches left: 4 \(limit 5\)\n$/,
      );
      // The cleaned JPEG went up, under a neutral name.
      expect(fakes().whatanime.lastUpload()).toMatchObject({
        fileName: 'screenshot.jpg',
        contentType: 'image/jpeg',
      });
      // No previews unless asked.
      expect(fakes().whatanime.requests.filter((r) => r.path.startsWith('/preview/'))).toHaveLength(0);
    });

    it('says so when no candidate is likely', async () => {
      fakes().whatanime.setWeakMatches(true);
      const result = await run(['identify', screenshot('frame.jpg')]);
      expect(result.stdout).toMatch(/No confident match/);
      expect(result.stdout.match(/\(unlikely\)/g)).toHaveLength(5);
    });

    it('prints the candidates as JSON with --json', async () => {
      const parsed = searchJson.parse(JSON.parse((await run(['--json', 'identify', screenshot()])).stdout));
      expect(parsed.candidates).toHaveLength(5);
      expect(parsed.candidates[0]?.similarity).toBeLessThanOrEqual(1);
    });

    it('searches an http(s) image URL', async () => {
      const result = await run(['identify', 'https://example.com/shot.png']);
      expect(result.code).toBe(0);
      expect(fakes().whatanime.lastSearchUrl()).toBe('https://example.com/shot.png');
    });

    it('refuses files that are not images by their bytes, whatever their name, and images that do not decode', async () => {
      const notes = path.join(cwd(), 'notes.png');
      writeFileSync(notes, 'just some text');
      expectOneLineError(await run(['identify', notes]), 2, /notes\.png is not an image/);
      const fake = path.join(cwd(), 'fake.png');
      writeFileSync(fake, 'GIF89a not really');
      expectOneLineError(await run(['identify', fake]), 2, /fake\.png could not be read as an image/);
      expect(searches()).toHaveLength(0);
    });

    it('refuses files over 25 MB before reading or sending them', async () => {
      const big = path.join(cwd(), 'big.png');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 25 * 1024 * 1024 + 1);
      closeSync(fd);
      expectOneLineError(await run(['identify', big]), 2, /big\.png is 25 MiB.*up to 25 MiB/);
      expect(searches()).toHaveLength(0);
    });

    it('refuses missing files, folders and non-http URLs', async () => {
      expectOneLineError(await run(['identify', 'nope.png']), 2, /nope\.png does not exist/);
      expectOneLineError(await run(['identify', '.']), 2, /is not a file/);
      expectOneLineError(await run(['identify', 'ftp://example.com/a.png']), 2, /Only http\(s\) image URLs/);
      expectOneLineError(await run(['identify', 'javascript:alert(1)']), 2, /Only http\(s\) image URLs/);
      expectOneLineError(await run(['identify']), 2, /needs a screenshot file, an image URL or --clipboard/);
      expectOneLineError(await run(['identify', 'a.png', '--clipboard']), 2, /not both/);
      expect(searches()).toHaveLength(0);
    });

    it('uses --api-key, then NEKODESK_WHATANIME_API_KEY, as a Bearer token', async () => {
      await run(['identify', 'https://example.com/a.png', '--api-key', WHATANIME_DEFAULT_API_KEY]);
      await run(['identify', 'https://example.com/b.png'], {
        env: { NEKODESK_WHATANIME_API_KEY: WHATANIME_DEFAULT_API_KEY },
      });
      expect(searches().map((request) => request.headers.authorization)).toEqual([
        `Bearer ${WHATANIME_DEFAULT_API_KEY}`,
        `Bearer ${WHATANIME_DEFAULT_API_KEY}`,
      ]);
    });

    it('says when the API key is refused', async () => {
      expectOneLineError(
        await run(['identify', 'https://example.com/a.png', '--api-key', 'wa_bogus']),
        1,
        /Your API key was refused/,
      );
    });

    it("explains the guests' daily limit", async () => {
      for (let i = 0; i < 5; i++)
        expect((await run(['identify', `https://example.com/${i}.png`])).code).toBe(0);
      expectOneLineError(
        await run(['identify', 'https://example.com/6.png']),
        1,
        /used the free guest searches .* today\. Sign in/,
      );
    });

    it.each([
      [{ kind: 'slow', ms: 1500 }, /did not answer/],
      [{ kind: 'reset' }, /Could not reach/],
      [{ kind: 'truncated' }, /cut off/],
      [{ kind: 'invalid-json' }, /not valid JSON/],
      [{ kind: 'wrong-content-type' }, /"text\/html" where JSON was expected/],
      [{ kind: 'server-error' }, /whatanimeisthis\.com is having trouble \(HTTP 500\)/],
      [{ kind: 'rate-limited', retryAfterSeconds: 20 }, /rate limiting us; try again in 20 s/],
    ] as const)('%o: one clear line, exit code 1', async (fault, message) => {
      fakes().whatanime.addFault({ fault });
      expectOneLineError(await run(['identify', screenshot()]), 1, message);
    });
  });

  describe('rankings and recent searches', () => {
    it('prints the rankings of a period', async () => {
      const result = await run(['identify', 'rankings', '--period', 'weekly', '--limit', '3']);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('Most searched anime (weekly)');
      expect(lines.slice(1)).toHaveLength(3);
      expect(lines[1]).toMatch(/^1\. .+ — [\d,]+ searches$/);
      expect(fakes().whatanime.requests[0]?.query.get('period')).toBe('weekly');
    });

    it('prints rankings as JSON, adult titles only with --adult', async () => {
      const schema = z.object({
        period: z.string(),
        rankings: z.array(z.object({ rank: z.number(), isAdult: z.boolean() })),
      });
      const plain = schema.parse(
        JSON.parse((await run(['identify', 'rankings', '--json', '--limit', '100'])).stdout),
      );
      const adult = schema.parse(
        JSON.parse((await run(['identify', 'rankings', '--json', '--limit', '100', '--adult'])).stdout),
      );
      expect(plain.rankings.some((entry) => entry.isAdult)).toBe(false);
      expect(adult.rankings.some((entry) => entry.isAdult)).toBe(true);
    });

    it('refuses an unknown period', async () => {
      expectOneLineError(
        await run(['identify', 'rankings', '--period', 'hourly']),
        2,
        /Allowed choices are daily, weekly, monthly, yearly, all/,
      );
    });

    it('prints recent searches with paging', async () => {
      const result = await run(['identify', 'recent', '--limit', '3', '--offset', '3']);
      const lines = result.stdout.trimEnd().split('\n');
      expect(
        lines
          .slice(0, 3)
          .every((line) => / · (?:episode \S+ )?at \d{2}:\d{2} · \d+\.\d% · \d{4}-/.test(line)),
      ).toBe(true);
      expect(lines.at(-1)).toBe('4–6 of 30');
    });
  });

  describe('account', () => {
    it('signs in with the password from stdin, keeps the session secret and uses it', async () => {
      const result = await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], {
        stdin: `${WHATANIME_DEFAULT_USER.password}\n`,
      });
      expect(result).toMatchObject({
        code: 0,
        stdout: `Signed in to whatanimeisthis.com as ${WHATANIME_DEFAULT_USER.email}.\n`,
        stderr: '',
      });
      const secretsFile = path.join(home(), 'cli-secrets.json');
      expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
      const stored = readFileSync(secretsFile, 'utf8');
      expect(stored).toMatch(/better-auth\.session_token=/);
      expect(readFileSync(path.join(home(), 'settings.json'), 'utf8')).not.toMatch(/session_token/);

      const credits = await run(['identify', 'credits']);
      expect(credits.stdout).toMatch(
        /^Credits: 20\nFree today: 10 of 10 \(resets \d{4}-\d{2}-\d{2}T00:00:00/,
      );
      const cookie = fakes().whatanime.requests.at(-1)?.headers.cookie ?? '';
      expect(stored).toContain(cookie);
      expect(credits.stdout + result.stdout).not.toContain(cookie.split('=')[1] ?? 'x');
    });

    it('asks for the password on a terminal without echoing it', async () => {
      const rawModes: boolean[] = [];
      let onData: ((chunk: string) => void) | undefined;
      const terminal: CliReadable = {
        isTTY: true,
        setRawMode: (mode: boolean) => rawModes.push(mode),
        on: (_event, listener) => {
          onData = listener;
          // The person types the password, a typo corrected with backspace, then Enter.
          setImmediate(() => {
            for (const key of Array.from('correct horse batteryy\u007f\r')) listener(key);
          });
        },
        off: () => {
          onData = undefined;
        },
        async *[Symbol.asyncIterator]() {},
      };
      const result = await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], {
        stdin: terminal,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('Password: \n');
      expect(result.stdout).not.toMatch(/horse/);
      expect(rawModes).toEqual([true, false]);
      expect(onData).toBeUndefined();
      expect(readFileSync(path.join(home(), 'cli-secrets.json'), 'utf8')).toMatch(/session_token/);
    });

    it('refuses a wrong password and saves nothing', async () => {
      expectOneLineError(
        await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], { stdin: 'wrong\n' }),
        1,
        /Wrong email or password/,
      );
      expectOneLineError(
        await run(['identify', 'login', '--email', WHATANIME_DEFAULT_USER.email], { stdin: '' }),
        2,
        /No password given/,
      );
      expectOneLineError(
        await run(['identify', 'login']),
        2,
        /required option '-e, --email <email>' not specified/,
      );
      expectOneLineError(
        await run(['identify', 'credits']),
        1,
        /Sign in to whatanimeisthis\.com with your email/,
      );
    });

    it('prints credits as JSON', async () => {
      await login();
      const credits = z
        .object({
          credits: z.number(),
          dailyFreeCredits: z.number(),
          dailyFreeRemaining: z.number(),
          resetsAt: z.string(),
        })
        .parse(JSON.parse((await run(['--json', 'identify', 'credits'])).stdout));
      expect(credits.credits).toBe(WHATANIME_DEFAULT_USER.credits);
    });

    it('lists and creates API keys, saving one for searches with --save', async () => {
      await login();
      const list = await run(['identify', 'keys', 'list']);
      expect(list.stdout).toMatch(/^ID\s+TITLE\s+PREFIX\s+CREATED\s+LAST USED\n\S+\s+default\s+wa_fake\s/);
      const created = await run(['identify', 'keys', 'create', 'my laptop', '--save']);
      const key = /Key \(shown only this once\): (\S+)/.exec(created.stdout)?.[1] ?? '';
      expect(key).toMatch(/^wa_/);
      expect(created.stdout).toMatch(/Saved: nekodesk will use it for searches/);
      const json = z
        .object({ items: z.array(z.object({ title: z.string() })), total: z.number() })
        .parse(JSON.parse((await run(['--json', 'identify', 'keys', 'list'])).stdout));
      expect(json.items.map((item) => item.title)).toEqual(['default', 'my laptop']);
      await run(['identify', 'https://example.com/a.png']);
      expect(searches().at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
    });

    it('explains the keys group when called wrongly', async () => {
      expectOneLineError(await run(['identify', 'keys']), 2, /"nekodesk identify keys" needs a command/);
      expectOneLineError(
        await run(['identify', 'keys', 'lst']),
        2,
        /unknown command "lst" .*did you mean "list"/,
      );
    });

    it('signs out by forgetting the saved session and key', async () => {
      await login();
      const out = await run(['identify', 'logout']);
      expect(out.stdout).toBe('Signed out: forgot the saved session.\n');
      expectOneLineError(await run(['identify', 'credits']), 1, /Sign in/);
      expect((await run(['identify', 'logout'])).stdout).toBe('Nothing to forget: not signed in.\n');
    });
  });
});
