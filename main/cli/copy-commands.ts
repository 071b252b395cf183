import { spawn } from 'node:child_process';
import { Option, type Command } from 'commander';
import type { Artwork } from '../core/artwork';
import type { ClipboardPayload, ClipboardWriter, FirstFramePng } from '../core/clipboard';
import { NekodeskError } from '../core/errors';
import { COPY_MODES, type CopyMode } from '../core/settings/settings-schema';
import { createCommandExists } from '../core/wallpaper/setters/command-exists';
import type { CliContext } from './context';

const MB = 1024 * 1024;
export const APP_ENV = 'NEKODESK_APP';
export const APP_COMMAND = 'nekodesk-app';

/** What the copy commands reach outside the process; tests inject recording ones. */
export interface CopyDependencies {
  /** The clipboard to write to; default the system's (our own X11 owner, wl-copy, osascript/pbcopy, PowerShell). */
  clipboard: (ctx: CliContext) => Promise<ClipboardWriter>;
  /** Starts the app, detached (`nekodesk picker`). */
  launchApp: (command: string, args: readonly string[]) => Promise<void>;
  /** Mode `image`'s first frame; default sharp. */
  firstFramePng?: FirstFramePng;
}

export const systemCopyDependencies: CopyDependencies = {
  clipboard: async (ctx) => {
    const { createSystemClipboard } = await import('../core/clipboard');
    return createSystemClipboard({ env: ctx.io.env });
  },
  launchApp: (command, args) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, [...args], { detached: true, stdio: 'ignore', windowsHide: false });
      child.once('error', (error) => {
        reject(
          new NekodeskError('internal', `Could not start ${command}: ${error.message}`, { cause: error }),
        );
      });
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    }),
};

const COPY_HELP = `
Modes (default: the picker's copy mode in settings, "file" unless changed):
  file      the file itself: pastes as an animated GIF in file managers and chat apps
  link      the artwork's URL (chat apps animate GIF links too)
  image     the first frame as a PNG image
  markdown  ![anime or category](url)

On X11, nekodesk's own clipboard owner runs in the background until something else is copied; it offers
the file, the GIF's bytes (image/gif) and the URL together. On Wayland, wl-copy offers one format (a file
as text/uri-list).

Examples:
  nekodesk copy hug
  nekodesk copy pat --mode link
  nekodesk copy nekosia:<id> --mode markdown --json`;

const PICKER_HELP = `
The app is single-instance: this starts it with --picker, and a running app shows its picker.
It runs $${APP_ENV} when set (the app's executable), else ${APP_COMMAND} from PATH.
For a desktop shortcut, bind it to "${APP_COMMAND} --picker" (or to the app's own hotkey in its settings).`;

export function registerCopyCommands(
  program: Command,
  ctx: CliContext,
  dependencies: CopyDependencies = systemCopyDependencies,
): void {
  program
    .command('copy')
    .description('copy a reaction GIF or an artwork to the clipboard')
    .argument('<category|artwork-id>', 'a nekos.best category (hug, pat, …) or an id like nekosia:<id>')
    .addOption(new Option('-m, --mode <mode>', 'how to copy it').choices(COPY_MODES))
    .addHelpText('after', COPY_HELP)
    .action(async (target: string, options: { mode?: CopyMode }) => {
      const settings = await ctx.settings();
      const mode = options.mode ?? settings.picker.copyMode;
      // Fail before downloading when there is no clipboard to write to.
      const clipboard = await dependencies.clipboard(ctx);
      const [{ Library }, { DownloadCache }, { payloadFor }] = await Promise.all([
        import('../core/library'),
        import('../core/cache'),
        import('../core/clipboard'),
      ]);
      const library = await Library.open(ctx.paths().data);
      const artwork = await (await import('./copy-artwork')).resolveCopyTarget(ctx, library, target);
      const core = await ctx.core();
      const favorites = new Set((await library.favorites()).map((entry) => entry.artwork.id));
      const cache = await DownloadCache.open({
        root: ctx.paths().cache,
        http: core.http,
        limitBytes: settings.wallpaper.cacheLimitMb * MB,
        pinned: () => favorites,
      });
      let file: string;
      try {
        file = (await cache.ensure(artwork, 'original')).path;
      } finally {
        await cache.close();
      }
      const payload = await payloadFor(mode, artwork, file, dependencies.firstFramePng);
      await clipboard.write(payload);
      if (ctx.json) ctx.printJson(artwork);
      else ctx.print(describeCopy(mode, artwork, payload, file));
    });

  program
    .command('picker')
    .description('show the running app’s reaction picker (starts the app with --picker)')
    .addHelpText('after', PICKER_HELP)
    .action(async () => {
      const app = appCommand(ctx.io.env);
      await dependencies.launchApp(app, ['--picker']);
      if (!ctx.json) ctx.print(`Asked ${app} to show the picker.`);
      else ctx.printJson({ app, args: ['--picker'] });
    });
}

/** The app's executable: $NEKODESK_APP, else nekodesk-app on PATH. */
export function appCommand(env: Readonly<Record<string, string | undefined>>): string {
  const exists = createCommandExists(env);
  const configured = env[APP_ENV];
  if (configured) {
    if (!exists(configured))
      throw new NekodeskError(
        'not_found',
        `${APP_ENV} is set to ${configured}, which is not an executable file.`,
      );
    return configured;
  }
  if (exists(APP_COMMAND)) return APP_COMMAND;
  throw new NekodeskError(
    'not_found',
    `Nekodesk is not installed as an app here; install it, or set ${APP_ENV} to its executable. ` +
      `For a desktop shortcut, bind it to "${APP_COMMAND} --picker".`,
  );
}

function describeCopy(mode: CopyMode, artwork: Artwork, payload: ClipboardPayload, file: string): string {
  const what = `${artwork.kind === 'gif' ? 'GIF' : 'image'} ${artwork.id} (${artwork.anime ?? artwork.category})`;
  switch (mode) {
    case 'file':
      return `Copied the ${what} as a file: ${file}`;
    case 'image':
      return `Copied the ${what} as an image (first frame).`;
    case 'link':
    case 'markdown':
      return `Copied the ${what} as ${mode === 'link' ? 'a link' : 'Markdown'}: ${payload.text}`;
  }
}
