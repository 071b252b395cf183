/**
 * Running a clipboard tool with data on its stdin (xclip, wl-copy, pbcopy). The command runner
 * (`execFile`) gives no stdin and waits for the child's streams; xclip and wl-copy fork a server that keeps
 * the selection and inherits those streams, so they are run here: spawn, no shell, detached.
 */
import { spawn } from 'node:child_process';
import { CommandError, firstNonEmptyLine, type Environment } from '../wallpaper/setters/command-runner';

export interface PipeOptions {
  /** The whole environment of the child (not merged). */
  env?: Environment;
  /**
   * The tool forks a process that serves the clipboard after the tool itself exits (xclip, wl-copy):
   * resolve when the tool exits 0, without waiting for that server, and do not keep this process alive.
   */
  background?: boolean;
}

/** Runs `command` with `args`, writes `input` to its stdin; resolves on exit code 0, else rejects with a `CommandError`. */
export type PipeRunner = (
  command: string,
  args: readonly string[],
  input: string | Uint8Array,
  options?: PipeOptions,
) => Promise<void>;

export function createPipeRunner(options: { timeoutMs?: number } = {}): PipeRunner {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (command, args, input, pipeOptions = {}) =>
    new Promise<void>((resolve, reject) => {
      const background = pipeOptions.background === true;
      const child = spawn(command, [...args], {
        stdio: ['pipe', 'ignore', 'pipe'],
        env: pipeOptions.env === undefined ? undefined : definedOnly(pipeOptions.env),
        detached: background,
        windowsHide: true,
      });
      let stderr = '';
      let settled = false;
      const finish = (error: CommandError | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(
          new CommandError(command, 'timeout', { stderr, message: `${command} did not finish in time` }),
        );
      }, timeoutMs);
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        finish(
          error.code === 'ENOENT'
            ? new CommandError(command, 'not-found', { cause: error })
            : new CommandError(command, 'spawn', {
                cause: error,
                message: `${command} could not be started: ${error.message}`,
              }),
        );
      });
      // A tool that exits before reading all of its input is reported by its exit code, not by EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(
        typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength),
      );

      child.once('exit', (code, signal) => {
        if (code === 0 && background) {
          // The forked server holds the stderr pipe open: let go of it.
          child.stderr.destroy();
          child.unref();
          finish(null);
          return;
        }
        // No server was forked: stderr closes at once; wait for its last words.
        const done = (): void => {
          if (code === 0) finish(null);
          else if (code !== null) finish(new CommandError(command, 'exit', { exitCode: code, stderr }));
          else
            finish(
              new CommandError(command, 'signal', {
                stderr,
                message: `${command} was killed by ${signal ?? 'a signal'}${firstNonEmptyLine(stderr) ? `: ${firstNonEmptyLine(stderr)}` : ''}`,
              }),
            );
        };
        if (child.stderr.readableEnded || child.stderr.destroyed) done();
        else {
          const fallback = setTimeout(done, 500);
          child.stderr.once('close', () => {
            clearTimeout(fallback);
            done();
          });
        }
      });
    });
}

function definedOnly(env: Environment): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}
