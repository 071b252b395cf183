import { Option, type Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IDENTIFY_BYTES, type IdentifyResult } from '../../preload/contract';
import { NekodeskError } from '../core/errors';
import { formatBytes } from '../core/http/human-text';
import { RANKING_PERIODS, type RankingPeriod } from '../core/sources/whatanime/types';
import type { CliContext } from './context';
import { UsageError } from './errors';
import { registerAccountCommands } from './identify-account-commands';
import { formatHistory, formatIdentification, formatRankings, formatRecent } from './identify-format';
import { openCliIdentify } from './identify-open';
import { wholeNumber } from './options';

/** What `identify` needs from outside the CLI's io (tests pass their own clipboard). */
export interface IdentifyDependencies {
  /** The clipboard's image, or null when it holds none. */
  readClipboard(ctx: CliContext): Promise<Uint8Array | null>;
}

export const defaultIdentifyDependencies: IdentifyDependencies = {
  readClipboard: async (ctx) =>
    (await import('../core/identify/clipboard-image')).readClipboardImage({ env: ctx.io.env }),
};

interface IdentifyOptions {
  clipboard: boolean;
  previews: boolean;
}

export function registerIdentifyCommands(
  program: Command,
  ctx: CliContext,
  dependencies: IdentifyDependencies = defaultIdentifyDependencies,
): void {
  const identify = program
    .command('identify')
    .description('find the anime, episode and moment of a screenshot (whatanimeisthis.com)')
    .argument(
      '[file-or-url]',
      'a screenshot (PNG, JPEG, WebP, GIF, AVIF, HEIF, TIFF; up to 25 MB) or an http(s) image URL',
    )
    .option('-c, --clipboard', 'identify the image on the clipboard', false)
    .option(
      '--previews',
      "also download each candidate's preview still and clip (their paths are printed)",
      false,
    )
    .option('--api-key <key>', 'whatanimeisthis.com API key (or set NEKODESK_WHATANIME_API_KEY)')
    .addHelpText(
      'after',
      `
Before a screenshot is uploaded it is cleaned: turned upright, black letterbox bars cropped, at most 1280 px on
the long edge, re-encoded as JPEG with no metadata (no EXIF, no GPS). Candidates under 87% similarity are
marked "unlikely". Guests get 5 searches a day; signed-in users 10 free credits a day, then 1 credit per search.
Identifications are kept in the history shared with the app (unless turned off in its settings).

Examples:
  nekodesk identify screenshot.png
  nekodesk identify --clipboard
  nekodesk identify https://example.com/frame.jpg --json
  nekodesk identify history --limit 5
  echo "$PASSWORD" | nekodesk identify login --email you@example.com
  nekodesk identify rankings --period weekly --limit 10`,
    )
    .hook('preAction', (_command, action) => {
      const key = action.optsWithGlobals<{ apiKey?: string }>().apiKey;
      if (key !== undefined) ctx.apiKeyFlag = key;
    })
    .action(async (target: string | undefined, options: IdentifyOptions) => {
      if (target !== undefined && options.clipboard) {
        throw new UsageError('Give a screenshot file or an image URL, or --clipboard, not both.');
      }
      if (target === undefined && !options.clipboard) {
        throw new UsageError(
          '"nekodesk identify" needs a screenshot file, an image URL or --clipboard; see "nekodesk identify --help".',
        );
      }
      const result = await identifyTarget(ctx, dependencies, target, options);
      if (ctx.json) ctx.printJson(result);
      else ctx.print(...formatIdentification(result));
    });

  identify
    .command('history')
    .description('your past identifications (shared with the app), or delete them')
    .option('-l, --limit <n>', 'how many, 1–50', wholeNumber, 10)
    .option('--offset <n>', 'skip this many', wholeNumber, 0)
    .option('--delete <id>', 'delete one identification (and its images)')
    .option('--clear', 'delete every identification (and their images)', false)
    .action(async (options: { limit: number; offset: number; delete?: string; clear: boolean }) => {
      if (options.limit < 1 || options.limit > 50) throw new UsageError('--limit must be 1 to 50.');
      if (options.delete !== undefined && options.clear)
        throw new UsageError('Use --delete <id> or --clear, not both.');
      const service = await openCliIdentify(ctx, 'none');
      if (options.delete !== undefined || options.clear) {
        const left = await service.deleteHistory(options.clear ? undefined : options.delete, {
          limit: options.limit,
        });
        if (ctx.json) ctx.printJson(left);
        else
          ctx.print(
            options.clear ? 'History cleared.' : `Deleted ${options.delete ?? ''}; ${left.total} left.`,
          );
        return;
      }
      const page = await service.history({ offset: options.offset, limit: options.limit });
      if (ctx.json) ctx.printJson(page);
      else ctx.print(...formatHistory(page, options.offset));
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

/** Reads, cleans and identifies what was asked: the clipboard's image, a URL (http(s) only) or a local file. */
async function identifyTarget(
  ctx: CliContext,
  dependencies: IdentifyDependencies,
  target: string | undefined,
  options: IdentifyOptions,
): Promise<IdentifyResult> {
  const previews = options.previews ? 'all' : 'none';
  if (target === undefined) {
    // The clipboard is read before anything is opened: no image, no work.
    const image = await dependencies.readClipboard(ctx);
    if (image === null) {
      throw new NekodeskError(
        'invalid_input',
        'The clipboard holds no image. Copy a screenshot (or an image) first, then try again.',
      );
    }
    return (await openCliIdentify(ctx, previews)).identifyImage(image, {
      name: 'Clipboard image',
      source: 'clipboard',
    });
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    if (!/^https?:\/\//i.test(target)) throw new UsageError('Only http(s) image URLs can be searched.');
    return (await openCliIdentify(ctx, previews)).identifyUrl(target);
  }
  const file = ctx.resolve(target);
  const info = await stat(file).catch(() => null);
  if (info === null) throw new NekodeskError('invalid_input', `${file} does not exist.`);
  if (!info.isFile()) throw new NekodeskError('invalid_input', `${file} is not a file.`);
  // Checked on the file's size, before reading it.
  if (info.size > MAX_IDENTIFY_BYTES) {
    throw new NekodeskError(
      'invalid_input',
      `${file} is ${formatBytes(info.size)}; screenshots up to ${formatBytes(MAX_IDENTIFY_BYTES)} can be identified.`,
    );
  }
  const bytes = new Uint8Array(await readFile(file));
  return (await openCliIdentify(ctx, previews)).identifyImage(bytes, {
    name: path.basename(file),
    source: 'pick',
  });
}
