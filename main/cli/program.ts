import { Command } from 'commander';
import { APP_VERSION } from '../core/app-info';
import { CliContext } from './context';
import { registerCopyCommands } from './copy-commands';
import { registerIdentifyCommands } from './identify-commands';
import type { CliIo } from './io';
import { registerNekosCommands } from './nekos-commands';
import { registerNekosiaCommands } from './nekosia-commands';
import { registerWallpaperCommands } from './wallpaper-commands';

const EXAMPLES = `
Examples:
  nekodesk nekos categories
  nekodesk nekos image neko --amount 3
  nekodesk nekos search frieren --type gif --json
  nekodesk nekos file https://nekos.best/api/v2/neko/<uuid>.png -o ~/Pictures/
  nekodesk nekosia images catgirl --count 5 --tags white-hair --blacklist maid
  nekodesk identify screenshot.png
  echo "$PASSWORD" | nekodesk identify login --email you@example.com

Environment:
  NEKODESK_HOME                 keep settings and secrets in this folder
  NEKODESK_NEKOS_BEST_URL       nekos.best API base (default https://nekos.best/api/v2)
  NEKODESK_NEKOSIA_URL          Nekosia API base (default https://api.nekosia.cat/api/v1)
  NEKODESK_WHATANIME_URL        whatanimeisthis.com origin
  NEKODESK_WHATANIME_API_KEY    whatanimeisthis.com API key

Exit codes: 0 success, 1 failure, 2 invalid input or usage.`;

/** The whole command tree. Output goes to the context's streams; errors are thrown, not printed (see run.ts). */
export function buildProgram(io: CliIo): { program: Command; ctx: CliContext } {
  const program = new Command('nekodesk');
  const ctx = new CliContext(io, () => program.opts<{ json?: boolean }>().json === true);
  program
    .description('Anime art from the command line: nekos.best, Nekosia and whatanimeisthis.com.')
    .version(APP_VERSION, '-v, --version', 'print the version')
    .option('--json', 'print machine-readable JSON')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's own errors are rethrown by exitOverride and printed once by run.ts.
      outputError: () => undefined,
    });
  registerNekosCommands(program, ctx);
  registerNekosiaCommands(program, ctx);
  registerIdentifyCommands(program, ctx);
  registerWallpaperCommands(program, ctx);
  registerCopyCommands(program, ctx);
  applyToAll(program, (command) => {
    command.exitOverride();
    command.configureOutput(program.configureOutput());
    command.showSuggestionAfterError(true);
  });
  return { program, ctx };
}

function applyToAll(command: Command, apply: (command: Command) => void): void {
  for (const sub of command.commands) {
    apply(sub);
    applyToAll(sub, apply);
  }
}
