import { Option, type Command } from 'commander';
import type { CliContext } from './context';
import { groupCommand } from './groups';
import { wholeNumber } from './options';
import { formatArtworks, formatBytes, table } from './output';
import { resolveTarget, saveAtomically } from './save-file';

export function registerNekosCommands(program: Command, ctx: CliContext): void {
  const nekos = groupCommand(program, 'nekos', 'SFW images and reaction GIFs from nekos.best');

  nekos
    .command('categories')
    .description('list every category, alphabetised (one per line)')
    .action(async () => {
      const { nekosBest } = await ctx.core();
      const names = await nekosBest.categories();
      if (ctx.json) ctx.printJson(names);
      else ctx.print(...names);
    });

  nekos
    .command('categories-full')
    .description('list every category with its format (png images or gif reactions)')
    .action(async () => {
      const { nekosBest } = await ctx.core();
      const categories = await nekosBest.categoriesFull();
      if (ctx.json) {
        ctx.printJson(categories);
        return;
      }
      const rows = Object.entries(categories).map(([name, { format }]) => [name, format]);
      const gifs = rows.filter(([, format]) => format === 'gif').length;
      ctx.print(
        ...table(['CATEGORY', 'FORMAT'], rows),
        '',
        `${rows.length} categories: ${rows.length - gifs} png, ${gifs} gif`,
      );
    });

  nekos
    .command('image')
    .description('random images or GIFs from one category')
    .argument('<category>', 'a category, e.g. neko or hug (see "nekodesk nekos categories")')
    .option('-a, --amount <n>', 'how many, 1–20', wholeNumber, 1)
    .action(async (category: string, options: { amount: number }) => {
      const { nekosBest } = await ctx.core();
      const artworks = await nekosBest.random(category, options.amount);
      if (ctx.json) ctx.printJson(artworks);
      else ctx.print(...formatArtworks(artworks));
    });

  nekos
    .command('search')
    .description('search artist and anime names (text that matches nothing still returns unrelated items)')
    .argument('<query...>', 'what to look for')
    .addOption(new Option('-t, --type <type>', 'images or GIFs').choices(['image', 'gif']).default('image'))
    .option('-c, --category <category>', 'only this category')
    .option('-a, --amount <n>', 'how many, 1–20', wholeNumber)
    .action(
      async (words: string[], options: { type: 'image' | 'gif'; category?: string; amount?: number }) => {
        const { nekosBest } = await ctx.core();
        const artworks = await nekosBest.search({
          query: words.join(' '),
          type: options.type,
          ...(options.category === undefined ? {} : { category: options.category }),
          ...(options.amount === undefined ? {} : { amount: options.amount }),
        });
        if (ctx.json) ctx.printJson(artworks);
        else if (artworks.length === 0) ctx.print('Nothing found.');
        else ctx.print(...formatArtworks(artworks));
      },
    );

  nekos
    .command('file')
    .description('download one asset (as a search or image listed it) and show its metadata')
    .argument('<asset-url>', 'e.g. https://nekos.best/api/v2/neko/<uuid>.png')
    .option('-o, --output <path>', 'file or folder to save to (default: the file name, here)')
    .option('-f, --force', 'overwrite an existing file', false)
    .action(async (url: string, options: { output?: string; force: boolean }) => {
      const { nekosBest: client } = await ctx.core();
      const { fileName } = client.assetPath(url);
      const target = await resolveTarget(options.output, fileName, ctx.io.cwd, options.force);
      const asset = await client.asset(url);
      await saveAtomically(target, asset.bytes, options.force);
      const { metadata } = asset;
      if (ctx.json) {
        ctx.printJson({
          path: target,
          bytes: asset.bytes.byteLength,
          contentType: asset.contentType,
          category: asset.category,
          kind: asset.kind,
          metadata,
        });
        return;
      }
      const lines = [`Saved ${target} (${formatBytes(asset.bytes.byteLength)}, ${asset.contentType})`];
      if (metadata.animeName !== null) lines.push(`Anime:       ${metadata.animeName}`);
      if (metadata.artistName !== null) lines.push(`Artist:      ${metadata.artistName}`);
      if (metadata.artistHref !== null) lines.push(`Artist page: ${metadata.artistHref}`);
      if (metadata.sourceUrl !== null) lines.push(`Source:      ${metadata.sourceUrl}`);
      ctx.print(...lines);
    });
}
