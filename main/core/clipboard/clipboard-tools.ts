import { NekodeskError } from '../errors';
import { CommandError, type CommandRunner, type Environment } from '../wallpaper/setters/command-runner';
import type { PipeRunner } from './pipe-runner';
import type { SelectionServerStarter } from './x11-selection-process';

/** What the system writers need (dependency injection: tests pass recording runners). */
export interface ClipboardTools {
  /** Runs a tool to completion (execFile, no shell). */
  run: CommandRunner;
  /** Runs a tool with data on its stdin. */
  pipe: PipeRunner;
  /** Starts the background process that owns the X11 clipboard; resolves once it does. */
  serveSelection: SelectionServerStarter;
  /** The environment tools run in. */
  env: Environment;
  /** Where mode `image` writes its PNG for tools that read a file (macOS, Windows). */
  tempDir: string;
}

/** A tool's failure as the error users read. */
export function copyFailed(tool: string, error: unknown): NekodeskError {
  const detail = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof CommandError && error.failure === 'not-found'
      ? ` (is ${tool} installed and on PATH?)`
      : '';
  return new NekodeskError('internal', `Could not copy to the clipboard with ${tool}: ${detail}${hint}`, {
    cause: error,
  });
}

export async function guarded<T>(tool: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NekodeskError) throw error;
    throw copyFailed(tool, error);
  }
}
