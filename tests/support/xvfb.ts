/**
 * A private X server for tests that need real X11 effects (the wallpaper, the clipboard): Xvfb on a free
 * display number. Missing tools fail loudly on CI (`CI` set) and skip, with the reason, elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCommandExists } from '../../main/core/wallpaper/setters/command-exists';

export interface XvfbServer {
  /** ":N", for DISPLAY. */
  display: string;
  /** Stops the server and waits until it has gone (its lock and socket removed). */
  close(): Promise<void>;
}

export interface X11Tools {
  /** Every tool asked for is on PATH. */
  available: boolean;
  missing: string[];
  /** Why the tests cannot run, naming what to install; '' when available. */
  reason: string;
}

const PACKAGES: Readonly<Record<string, string>> = {
  Xvfb: 'xvfb',
  xwd: 'x11-apps',
  feh: 'feh',
  xclip: 'xclip',
};

/**
 * Whether `tools` are installed. On CI a missing tool is a broken machine: this throws. Elsewhere it
 * warns once and returns `available: false`, for `describe.skipIf`.
 */
export function requireX11Tools(tools: readonly string[] = ['Xvfb']): X11Tools {
  const exists = createCommandExists(process.env);
  const missing = tools.filter((tool) => !exists(tool));
  if (missing.length === 0) return { available: true, missing, reason: '' };
  const install = [...new Set(missing.map((tool) => PACKAGES[tool] ?? tool))].join(' ');
  const reason = `${missing.join(', ')} not found: install them (apt-get install ${install}).`;
  if (process.env.CI) throw new Error(`X11 tests cannot run on CI: ${reason}`);
  console.warn(`Skipping X11 tests. ${reason}`);
  return { available: false, missing, reason };
}

export interface StartXvfbOptions {
  /** A test context's `skip`: called (outside CI) instead of throwing when Xvfb is missing. */
  skip?: (note: string) => void;
  /** Default "1280x720x24". */
  screen?: string;
}

/** Starts `Xvfb :N -screen 0 1280x720x24 -noreset` on the first free N from 90 and waits until it listens. */
export async function startXvfb(options: StartXvfbOptions = {}): Promise<XvfbServer> {
  const tools = requireX11Tools(['Xvfb']);
  if (!tools.available) {
    options.skip?.(tools.reason);
    throw new Error(tools.reason);
  }
  const start = 90 + Math.floor(Math.random() * 400);
  for (let attempt = 0; attempt < 50; attempt++) {
    const number = start + attempt;
    if (isTaken(number)) continue;
    const server = await tryStart(number, options.screen ?? '1280x720x24');
    if (server) return server;
  }
  throw new Error('Xvfb: no free display number found (tried 50).');
}

function isTaken(number: number): boolean {
  return existsSync(`/tmp/.X${number}-lock`) || existsSync(path.join('/tmp/.X11-unix', `X${number}`));
}

/** Null when this display number turned out to be taken (another process won the race). */
async function tryStart(number: number, screen: string): Promise<XvfbServer | null> {
  const child = spawn('Xvfb', [`:${number}`, '-screen', '0', screen, '-noreset', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const socket = path.join('/tmp/.X11-unix', `X${number}`);

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/already active|server is already|cannot establish any listening/i.test(stderr)) return null;
      throw new Error(`Xvfb :${number} exited at start: ${stderr.trim() || `code ${child.exitCode}`}`);
    }
    if (existsSync(socket)) return { display: `:${number}`, close: () => stop(child, exited) };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stop(child, exited);
  throw new Error(`Xvfb :${number} did not start listening within 10 s: ${stderr.trim()}`);
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
