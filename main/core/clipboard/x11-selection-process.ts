/**
 * Starts the background process that owns the X11 clipboard (x11-selection-main.ts) and waits until it
 * owns it, or reports why it could not. `nekodesk copy` exits right after, so the owner runs detached
 * (its own session: closing the terminal does not end it), from `/`, with the CLI's environment.
 *
 * It is this same Node (`process.execPath`). Not the parent's `execArgv`: the CLI registers tsx from
 * bin/nekodesk.js (nothing in execArgv), and a test runner's or debugger's flags (`--inspect`) do not
 * belong to the owner. What it needs is said explicitly: run from TypeScript sources, the entry is a `.ts`
 * file and tsx's loader is imported first; from JavaScript compiled file by file, the `.js` entry beside
 * this one. (The app does not come here: it writes with Electron's clipboard.) The request goes through
 * the owner's stdin, so nothing is left on disk.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NekodeskError } from '../errors';
import type { Environment } from '../wallpaper/setters/command-runner';
import { decodeStatus, encodeRequest, type SelectionRequest } from './x11-selection-messages';

/** Starts an owner for `request`; resolves once it owns the clipboard. */
export type SelectionServerStarter = (request: SelectionRequest, env: Environment) => Promise<void>;

export interface SelectionProcessOptions {
  /** How long the owner may take to start and take the clipboard. Default 20 s (tsx compiles on a first run). */
  timeoutMs?: number;
}

/** `node [--import tsx] x11-selection-main.(ts|js)`. */
export function selectionServerCommand(): { command: string; args: string[] } {
  const here = fileURLToPath(import.meta.url);
  const extension = path.extname(here);
  const entry = path.join(path.dirname(here), `x11-selection-main${extension}`);
  if (extension !== '.ts') return { command: process.execPath, args: [entry] };
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return { command: process.execPath, args: ['--import', pathToFileURL(tsx).href, entry] };
}

export function createSelectionServerStarter(options: SelectionProcessOptions = {}): SelectionServerStarter {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return (request, env) =>
    new Promise<void>((resolve, reject) => {
      const { command, args } = selectionServerCommand();
      const child = spawn(command, args, {
        cwd: '/',
        detached: true,
        env: Object.fromEntries(
          Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
        ),
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      let stdout = '';
      let stderr = '';
      let settled = false;
      const settle = (error: NekodeskError | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // The owner keeps running on its own: let go of its pipes and do not wait for it.
        child.stdout.destroy();
        child.stderr.destroy();
        child.unref();
        if (error === null) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(failed(`it did not take the clipboard within ${timeoutMs / 1000} s`));
      }, timeoutMs);

      child.once('error', (error) => {
        settle(failed(`it could not be started (${error.message})`, error));
      });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const newline = stdout.indexOf('\n');
        if (newline < 0) return;
        const status = decodeStatus(stdout.slice(0, newline));
        if (status === null) settle(failed(`it answered "${stdout.slice(0, newline)}"`));
        else if (status.ok) settle(null);
        else settle(new NekodeskError(status.code, status.message));
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      // 'close', not 'exit': a status written just before exiting is read first.
      child.once('close', (code, signal) => {
        const said = stderr.trim().split('\n').at(-1);
        settle(failed(`it exited (${signal ?? `code ${code}`}) before owning it${said ? `: ${said}` : ''}`));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(encodeRequest(request));
    });
}

function failed(reason: string, cause?: unknown): NekodeskError {
  return new NekodeskError('internal', `The X11 clipboard owner failed: ${reason}.`, { cause });
}
