/**
 * xclip as the tests' independent clipboard client (what people and scripts use; it speaks INCR).
 * Asynchronous on purpose: an owner in the test's own process answers from the same event loop.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `xclip -o -t target`: what the CLIPBOARD owner gives for `target`. */
export async function xclipOut(display: string, target: string): Promise<Buffer> {
  const { stdout } = await run('xclip', ['-selection', 'clipboard', '-o', '-t', target], {
    env: { ...process.env, DISPLAY: display },
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5000,
  });
  return stdout;
}

/** The targets the owner offers, in its order. */
export async function xclipTargets(display: string): Promise<string[]> {
  return (await xclipOut(display, 'TARGETS')).toString('utf8').split('\n').filter(Boolean);
}

/** `xclip -i`: another client copies `text`. It forks a server that keeps the clipboard until Xvfb closes. */
export async function xclipIn(display: string, text: string): Promise<void> {
  const child = spawn('xclip', ['-selection', 'clipboard', '-i'], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.end(text);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`xclip -i exited with ${String(code)}`);
}
