/**
 * What every desktop's setter is given, and the one way it runs a tool: failures become a
 * `NekodeskError` naming the desktop, the tool and the tool's own words — never swallowed.
 */
import { NekodeskError } from '../../errors';
import type { ComposedWallpaper } from '../types';
import type { CommandExists } from './command-exists';
import {
  CommandError,
  firstNonEmptyLine,
  type CommandRunner,
  type Environment,
  type RunResult,
} from './command-runner';
import type { Tool } from './tools';

export interface SetterContext {
  /** "GNOME", "KDE Plasma", …: the start of every message. */
  readonly desktopName: string;
  /** How, when not the desktop's own way: "your custom command". */
  readonly via?: string;
  readonly env: Environment;
  readonly run: CommandRunner;
  readonly commandExists: CommandExists;
}

export type SetWallpaper = (composed: ComposedWallpaper) => Promise<void>;

type Subject = Pick<SetterContext, 'desktopName' | 'via'>;

/** "Could not set the GNOME wallpaper: " + detail. */
export function setterError(ctx: Subject, detail: string, cause?: unknown): NekodeskError {
  const via = ctx.via ? ` with ${ctx.via}` : '';
  return new NekodeskError('internal', `Could not set the ${ctx.desktopName} wallpaper${via}: ${detail}`, {
    cause,
  });
}

/** Runs `tool` with `args` in the session's environment; any failure is reported as a `NekodeskError`. */
export async function runTool(ctx: SetterContext, tool: Tool, args: readonly string[]): Promise<RunResult> {
  try {
    return await ctx.run(tool.command, args, { env: ctx.env });
  } catch (error) {
    throw toolFailure(ctx, tool, error);
  }
}

export function toolFailure(ctx: Subject, tool: Tool, error: unknown): NekodeskError {
  return setterError(ctx, describeToolFailure(tool, error), error);
}

function describeToolFailure(tool: Tool, error: unknown): string {
  if (!(error instanceof CommandError)) {
    return `${tool.command} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  switch (error.failure) {
    case 'not-found':
      return `${tool.command} was not found. Install ${tool.install}.`;
    case 'timeout':
      return error.message;
    case 'exit':
    case 'signal':
    case 'spawn': {
      const said = firstNonEmptyLine(error.stderr) || firstNonEmptyLine(error.stdout);
      const detail =
        said ||
        (error.failure === 'exit' && error.exitCode !== null
          ? `exited with code ${error.exitCode}`
          : error.message);
      return `${tool.command} failed: ${detail}`;
    }
  }
}
