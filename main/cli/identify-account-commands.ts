import type { Command } from 'commander';
import type { CliContext } from './context';
import { UsageError } from './errors';
import { groupCommand } from './groups';
import { formatAccount } from './identify-format';
import { openCliIdentify } from './identify-open';
import { wholeNumber } from './options';
import { table } from './output';
import { promptHidden, readPipedLine } from './read-input';

/** Sign-in, credits and API keys of whatanimeisthis.com. Secrets go to the secret store, never to stdout. */
export function registerAccountCommands(identify: Command, ctx: CliContext): void {
  identify
    .command('account')
    .description('who searches (guest, API key or signed in) and the searches left today, when known')
    .action(async () => {
      const account = await (await openCliIdentify(ctx, 'none')).account();
      if (ctx.json) ctx.printJson(account);
      else ctx.print(...formatAccount(account));
    });

  identify
    .command('credits')
    .description('your remaining search credits (signed in)')
    .action(async () => {
      const credits = await (await openCliIdentify(ctx, 'none')).credits();
      if (ctx.json) {
        ctx.printJson(credits);
        return;
      }
      const lines = [`Credits: ${credits.credits}`];
      if (credits.dailyFreeRemaining !== null) {
        const of = credits.dailyFreeCredits === null ? '' : ` of ${credits.dailyFreeCredits}`;
        const resets = credits.resetsAt === null ? '' : ` (resets ${credits.resetsAt})`;
        lines.push(`Free today: ${credits.dailyFreeRemaining}${of}${resets}`);
      }
      ctx.print(...lines);
    });

  const keys = groupCommand(identify, 'keys', 'your whatanimeisthis.com API keys (signed in)');
  keys
    .command('list')
    .description('list your API keys')
    .option('--page <n>', 'page number', wholeNumber, 1)
    .option('--page-size <n>', 'keys per page, 1–100', wholeNumber, 10)
    .action(async (options: { page: number; pageSize: number }) => {
      const { whatanime } = await ctx.core();
      const page = await whatanime.apiKeys.list({ page: options.page, pageSize: options.pageSize });
      if (ctx.json) {
        ctx.printJson(page);
        return;
      }
      if (page.items.length === 0) {
        ctx.print('No API keys yet; create one with "nekodesk identify keys create <title>".');
        return;
      }
      const rows = page.items.map((key) => [
        key.id,
        key.title,
        key.prefix ?? '',
        key.createdAt ?? '',
        key.lastUsedAt ?? 'never',
      ]);
      ctx.print(...table(['ID', 'TITLE', 'PREFIX', 'CREATED', 'LAST USED'], rows));
      if (page.total !== null)
        ctx.print('', `Page ${page.page} · ${page.total} key${page.total === 1 ? '' : 's'} in all`);
    });

  keys
    .command('create')
    .description('create an API key (shown once)')
    .argument('<title>', 'a name to recognise it by')
    .option('--save', 'also keep it for nekodesk to use', false)
    .action(async (title: string, options: { save: boolean }) => {
      const { whatanime } = await ctx.core();
      const created = await whatanime.apiKeys.create(title);
      if (options.save) ctx.secrets().set('whatanime.apiKey', created.key);
      if (ctx.json) {
        ctx.printJson({ ...created, saved: options.save });
        return;
      }
      ctx.print(
        `Created API key "${created.title}" (${created.id}).`,
        `Key (shown only this once): ${created.key}`,
        options.save
          ? 'Saved: nekodesk will use it for searches.'
          : 'Keep it somewhere safe, or run again with --save.',
      );
    });

  identify
    .command('login')
    .description('sign in (password from standard input when piped, else asked without echo)')
    .requiredOption('-e, --email <email>', 'your account email')
    .action(async (options: { email: string }) => {
      const password =
        ctx.io.stdin.isTTY === true ? await promptHidden(ctx.io, 'Password: ') : await readPipedLine(ctx.io);
      if (password === '') throw new UsageError('No password given.');
      const account = await (await openCliIdentify(ctx, 'none')).signIn(options.email, password);
      const who = account.email ?? options.email.trim();
      if (ctx.json) ctx.printJson({ signedIn: true, email: who });
      else ctx.print(`Signed in to whatanimeisthis.com as ${who}.`);
    });

  identify
    .command('logout')
    .description('forget the saved session and API key')
    .action(async () => {
      const secrets = ctx.secrets();
      const forgotten: string[] = [];
      if (secrets.get('whatanime.session') !== null) forgotten.push('session');
      if (secrets.get('whatanime.apiKey') !== null) forgotten.push('API key');
      await (await openCliIdentify(ctx, 'none')).signOut();
      if (ctx.json) ctx.printJson({ signedOut: true, forgotten });
      else
        ctx.print(
          forgotten.length === 0
            ? 'Nothing to forget: not signed in.'
            : `Signed out: forgot the saved ${forgotten.join(' and ')}.`,
        );
    });
}
