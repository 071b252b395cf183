/**
 * Running a tool: the one place that starts processes. Setters receive a `CommandRunner` (dependency
 * injection), so tests record the exact argv and the real runner is proven once, under Xvfb.
 * Arguments are always an argv array handed to execFile, never a shell string.
 */
import { execFile } from 'node:child_process';

/** The environment commands run in (process.env fits). */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface RunOptions {
  /** The whole environment of the child (not merged); its PATH is where the command is looked up. */
  env?: Environment;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args`; resolves on exit code 0, rejects with a `CommandError` otherwise. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options?: RunOptions,
) => Promise<RunResult>;

/** Why a command did not succeed. */
export type CommandFailure = 'exit' | 'not-found' | 'timeout' | 'signal' | 'spawn';

export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly command: string;
  readonly failure: CommandFailure;
  /** The exit code, when the command ran and exited on its own. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(
    command: string,
    failure: CommandFailure,
    details: {
      exitCode?: number | null;
      stdout?: string;
      stderr?: string;
      message?: string;
      cause?: unknown;
    } = {},
  ) {
    const stderr = details.stderr ?? '';
    const exitCode = details.exitCode ?? null;
    super(details.message ?? describeFailure(command, failure, exitCode, stderr), { cause: details.cause });
    this.command = command;
    this.failure = failure;
    this.exitCode = exitCode;
    this.stdout = details.stdout ?? '';
    this.stderr = stderr;
  }
}

function describeFailure(
  command: string,
  failure: CommandFailure,
  exitCode: number | null,
  stderr: string,
): string {
  const firstLine = firstNonEmptyLine(stderr);
  switch (failure) {
    case 'not-found':
      return `${command} was not found`;
    case 'timeout':
      return `${command} did not finish in time`;
    case 'exit':
      return `${command} exited with code ${exitCode ?? '?'}${firstLine ? `: ${firstLine}` : ''}`;
    case 'signal':
      return `${command} was killed${firstLine ? `: ${firstLine}` : ''}`;
    case 'spawn':
      return `${command} could not be started`;
  }
}

/** The first line of `text` that has anything on it, trimmed; '' when there is none. */
export function firstNonEmptyLine(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return '';
}

export interface CommandRunnerOptions {
  /** Kill the command after this long; default 20 s. */
  timeoutMs?: number;
}

/** The real runner: node:child_process execFile, no shell, with a timeout. */
export function createCommandRunner(options: CommandRunnerOptions = {}): CommandRunner {
  const timeout = options.timeoutMs ?? 20_000;
  return (command, args, runOptions = {}) =>
    new Promise<RunResult>((resolve, reject) => {
      execFile(
        command,
        [...args],
        {
          env: runOptions.env === undefined ? undefined : definedOnly(runOptions.env),
          timeout,
          killSignal: 'SIGKILL',
          maxBuffer: 8 * 1024 * 1024,
          windowsHide: true,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolve({ stdout, stderr });
            return;
          }
          reject(toCommandError(command, error, stdout, stderr, timeout));
        },
      );
    });
}

interface ExecFileFailure extends Error {
  code?: string | number | null;
  killed?: boolean;
  signal?: NodeJS.Signals | null;
}

function toCommandError(
  command: string,
  error: ExecFileFailure,
  stdout: string,
  stderr: string,
  timeoutMs: number,
): CommandError {
  const streams = { stdout, stderr, cause: error };
  if (error.code === 'ENOENT') return new CommandError(command, 'not-found', streams);
  if (typeof error.code === 'number')
    return new CommandError(command, 'exit', { ...streams, exitCode: error.code });
  if (error.killed && error.signal) {
    return new CommandError(command, 'timeout', {
      ...streams,
      message: `${command} did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
    });
  }
  if (error.signal) return new CommandError(command, 'signal', streams);
  return new CommandError(command, 'spawn', {
    ...streams,
    message: `${command} could not be started: ${error.message}`,
  });
}

function definedOnly(env: Environment): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}
