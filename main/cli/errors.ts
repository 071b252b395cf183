import { CommanderError } from 'commander';
import { formatWait } from '../core/http/human-text';
import { isNekodeskError } from '../core/errors';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** One line for stderr and the exit code, for anything a command can throw. Never a stack trace. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: oneLine(error.message), exitCode: EXIT_USAGE };
  if (error instanceof CommanderError) {
    return { message: oneLine(error.message.replace(/^error:\s*/i, '')), exitCode: EXIT_USAGE };
  }
  if (isNekodeskError(error)) {
    let message = error.message;
    if (error.retryAfter !== undefined && !/try again/i.test(message)) {
      message += ` Try again in ${formatWait(error.retryAfter)}.`;
    }
    return {
      message: oneLine(message),
      exitCode: error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILURE,
    };
  }
  const detail = error instanceof Error && error.message ? error.message : String(error);
  return { message: oneLine(`unexpected error: ${detail}`), exitCode: EXIT_FAILURE };
}

/** A terminal must never receive control characters from upstream text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim() || 'failed';
}
