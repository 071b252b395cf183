import { UsageError } from './errors';
import type { CliIo } from './io';

const MAX_STDIN_BYTES = 64 * 1024;

/** Everything piped into stdin (a password, say), without its final line break. */
export async function readPipedLine(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_STDIN_BYTES) throw new UsageError('Standard input is too long for a password.');
  }
  const [firstLine = ''] = text.split(/\r?\n/);
  return firstLine;
}

/** Asks on the terminal without echoing what is typed. */
export function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  if (stdin.setRawMode === undefined || stdin.on === undefined || stdin.off === undefined) {
    return Promise.reject(
      new UsageError('Cannot prompt for a password here; pipe it to standard input instead.'),
    );
  }
  const setRawMode = stdin.setRawMode.bind(stdin);
  const on = stdin.on.bind(stdin);
  const off = stdin.off.bind(stdin);
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error): void => {
      off('data', onData);
      setRawMode(false);
      stdin.pause?.();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string | Buffer): void => {
      for (const char of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          return;
        }
        if (char === '\u0003') {
          finish(new UsageError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    setRawMode(true);
    stdin.setEncoding?.('utf8');
    on('data', onData);
    stdin.resume?.();
  });
}
