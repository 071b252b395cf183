import { Option, type Command } from 'commander';
import type { NekosiaImagesParams } from '../core/sources/nekosia/params';
import type { CliContext } from './context';
import { groupCommand } from './groups';
import { commaList, wholeNumber } from './options';
import { formatArtworks } from './output';

interface ImagesOptions {
  count: number;
  tags?: string[];
  blacklist?: string[];
  rating: 'safe' | 'suggestive';
  session?: 'ip' | 'id';
  id?: string;
}

export function registerNekosiaCommands(program: Command, ctx: CliContext): void {
  const nekosia = groupCommand(program, 'nekosia', 'tagged anime art from Nekosia');

  nekosia
    .command('images')
    .description('random images of a category (or of "nothing" plus --tags), filtered by tags and rating')
    .argument('<category>', 'e.g. catgirl, foxgirl, cute, maid, white-hair, or nothing')
    .option('-n, --count <n>', 'how many, 1–20', wholeNumber, 1)
    .option('--tags <tags>', 'also having any of these tags (comma-separated)', commaList)
    .option('--blacklist <tags>', 'never with these tags (comma-separated)', commaList)
    .addOption(
      new Option('--rating <rating>', 'content rating').choices(['safe', 'suggestive']).default('safe'),
    )
    .addOption(
      new Option(
        '--session <kind>',
        'never repeat images: per IP address, or per id (this installation unless --id)',
      ).choices(['ip', 'id']),
    )
    .option('--id <id>', 'the session id for --session id (4–128 characters)')
    .action(async (category: string, options: ImagesOptions) => {
      const session = options.session ?? (options.id === undefined ? undefined : 'id');
      const params: NekosiaImagesParams = {
        count: options.count,
        additionalTags: options.tags ?? [],
        blacklistedTags: options.blacklist ?? [],
        rating: options.rating,
        ...(session === undefined ? {} : { session }),
        ...(options.id === undefined ? {} : { id: options.id }),
      };
      const { nekosia } = await ctx.core();
      const result = await nekosia.images(category, params);
      if (ctx.json) {
        ctx.printJson(result);
        return;
      }
      const shown = result.artworks.length;
      ctx.print(
        `${shown} of ${result.matched} matching image${result.matched === 1 ? '' : 's'}`,
        '',
        ...formatArtworks(result.artworks),
      );
    });

  nekosia
    .command('tags')
    .description('every tag, anime title and character Nekosia knows')
    .action(async () => {
      const { nekosia } = await ctx.core();
      const lists = await nekosia.tags();
      if (ctx.json) {
        ctx.printJson(lists);
        return;
      }
      const section = (title: string, names: string[]): string[] => [
        `${title} (${names.length})`,
        ...names.map((name) => `  ${name}`),
      ];
      ctx.print(
        ...section('Tags', lists.tags),
        '',
        ...section('Anime', lists.anime),
        '',
        ...section('Characters', lists.characters),
      );
    });

  nekosia
    .command('image')
    .description('one image by its id')
    .argument('<id>', 'the image id (as in nekosia:<id>)')
    .action(async (id: string) => {
      const { nekosia } = await ctx.core();
      const artwork = await nekosia.imageById(id.replace(/^nekosia:/, ''));
      if (ctx.json) ctx.printJson(artwork);
      else ctx.print(...formatArtworks([artwork]));
    });
}
