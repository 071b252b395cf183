/**
 * The custom command from settings (`wallpaper.customCommand`): split into argv by a quote-aware
 * tokenizer, `{file}` replaced by the span image's path *inside* an argument (never re-split, never
 * through a shell), run, and its failure reported. Without `{file}` the path is added as the last argument.
 * Someone who needs a shell can write one explicitly: `sh -c 'swaybg -i "$1" &' sh {file}`.
 */
import { NekodeskError } from '../../errors';
import type { ComposedWallpaper } from '../types';
import { tokenizeCommandLine } from './command-line-tokenizer';
import { spanFile } from './composed-files';
import { runTool, type SetWallpaper, type SetterContext } from './setter-context';

const PLACEHOLDER = '{file}';

/** The argv the custom command runs as, for `composed`. */
export function customCommandArgv(commandLine: string, composed: ComposedWallpaper): string[] {
  const tokens = tokenizeCommandLine(commandLine);
  if (tokens.length === 0) throw new NekodeskError('invalid_input', 'The custom wallpaper command is empty.');
  if (!tokens[0]) throw new NekodeskError('invalid_input', 'The custom wallpaper command names no program.');
  const file = spanFile(composed);
  if (!tokens.some((token) => token.includes(PLACEHOLDER))) return [...tokens, file];
  return tokens.map((token) => token.replaceAll(PLACEHOLDER, file));
}

export function customCommandSetter(ctx: SetterContext, commandLine: string): SetWallpaper {
  return async (composed) => {
    const [command = '', ...args] = customCommandArgv(commandLine, composed);
    const tool = { command, install: `${command}, or change the custom command in the wallpaper settings` };
    await runTool({ ...ctx, via: 'your custom command' }, tool, args);
  };
}
