import { Option, type Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NekodeskError } from '../core/errors';
import { formatBytes } from '../core/http/human-text';
import { MAX_SEARCH_IMAGE_BYTES, sniffImageType } from '../core/sources/whatanime/image-check';
import { RANKING_PERIODS, type RankingPeriod } from '../core/sources/whatanime/types';
import type { WhatAnimeSearchInput } from '../core/sources/whatanime/client';
import type { CliContext } from './context';
import { UsageError } from './errors';
import { registerAccountCommands } from './identify-account-commands';
import { formatRankings, formatRecent, formatSearch } from './identify-format';
import { wholeNumber } from './options';

export function registerIdentifyCommands(program: Command, ctx: CliContext): void {
  const identify = program
    .command('identify')
    .description('find the anime, episode and moment of a screenshot (whatanimeisthis.com)')
    .argument('[file-or-url]', 'a JPEG or PNG file (up to 25 MB), or an http(s) image URL')
    .option('--api-key <key>', 'whatanimeisthis.com API key (or set NEKODESK_WHATANIME_API_KEY)')
    .addHelpText(
      'after',
      `
Candidates under 87% similarity are marked "unlikely". Guests get 5 searches a day; signed-in users 10 free
credits a day, then 1 credit per search.

Examples:
  nekodesk identify screenshot.png
  nekodesk identify https://example.com/frame.jpg --json
  echo "$PASSWORD" | nekodesk identify login --email you@example.com
  nekodesk identify credits
  nekodesk identify rankings --period weekly --limit 10`,
    )
    .hook('preAction', (_command, action) => {
      const key = action.optsWithGlobals<{ apiKey?: string }>().apiKey;
      if (key !== undefined) ctx.apiKeyFlag = key;
    })
    .action(async (target: string | undefined) => {
      if (target === undefined) {
        throw new UsageError(
          '"nekodesk identify" needs a screenshot file or an image URL; see "nekodesk identify --help".',
        );
      }
      const input = await searchInput(ctx, target);
      const { whatanime } = await ctx.core();
      const result = await whatanime.search(input);
      if (ctx.json) ctx.printJson(result);
      else ctx.print(...formatSearch(result));
    });

  identify
    .command('rankings')
    .description('the most searched anime of a period')
    .addOption(new Option('-p, --period <period>', 'time span').choices([...RANKING_PERIODS]).default('all'))
    .option('-l, --limit <n>', 'how many, 1–100', wholeNumber, 10)
    .option('--adult', 'include adult titles', false)
    .action(async (options: { period: RankingPeriod; limit: number; adult: boolean }) => {
      const { whatanime } = await ctx.core();
      const result = await whatanime.rankings({
        period: options.period,
        limit: options.limit,
        includeAdult: options.adult,
      });
      if (ctx.json) ctx.printJson(result);
      else ctx.print(...formatRankings(result));
    });

  identify
    .command('recent')
    .description('recently confirmed public searches')
    .option('-l, --limit <n>', 'how many, 1–100', wholeNumber, 10)
    .option('--offset <n>', 'skip this many', wholeNumber, 0)
    .action(async (options: { limit: number; offset: number }) => {
      const { whatanime } = await ctx.core();
      const result = await whatanime.recentSearches({ limit: options.limit, offset: options.offset });
      if (ctx.json) ctx.printJson(result);
      else ctx.print(...formatRecent(result));
    });

  registerAccountCommands(identify, ctx);
}

/** A URL (http(s) only) or a local JPEG/PNG file, checked before any request. */
async function searchInput(ctx: CliContext, target: string): Promise<WhatAnimeSearchInput> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    if (!/^https?:\/\//i.test(target)) throw new UsageError('Only http(s) image URLs can be searched.');
    return { url: target };
  }
  const file = ctx.resolve(target);
  const info = await stat(file).catch(() => null);
  if (info === null) throw new NekodeskError('invalid_input', `${file} does not exist.`);
  if (!info.isFile()) throw new NekodeskError('invalid_input', `${file} is not a file.`);
  if (info.size > MAX_SEARCH_IMAGE_BYTES) {
    throw new NekodeskError(
      'invalid_input',
      `${file} is ${formatBytes(info.size)}; screenshots up to ${formatBytes(MAX_SEARCH_IMAGE_BYTES)} can be searched.`,
    );
  }
  const bytes = new Uint8Array(await readFile(file));
  const contentType = sniffImageType(bytes);
  if (contentType === null) throw new NekodeskError('invalid_input', `${file} is not a JPEG or PNG image.`);
  return { image: { bytes, fileName: path.basename(file), contentType } };
}
