import type { Command } from 'commander';
import { closestName } from '../core/sources/shared/validate';
import { UsageError } from './errors';

/**
 * A command that only groups others (`nekos`, `nekosia`, `identify keys`): called alone or with an unknown
 * subcommand it fails with one clear line instead of a page of help.
 */
export function groupCommand(parent: Command, name: string, description: string): Command {
  const group = parent
    .command(name)
    .description(description)
    .usage('<command> [options]')
    .argument('[command]')
    .allowExcessArguments(true);
  group.action((command: string | undefined) => {
    const full = fullName(group);
    if (command === undefined) throw new UsageError(`"${full}" needs a command; see "${full} --help".`);
    const names = group.commands.map((sub) => sub.name());
    const suggestion = closestName(command, names);
    throw new UsageError(
      `unknown command "${command}" for "${full}"` +
        (suggestion ? ` (did you mean "${suggestion}"?)` : `; try one of: ${names.join(', ')}`),
    );
  });
  return group;
}

export function fullName(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}
