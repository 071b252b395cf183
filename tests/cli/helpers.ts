import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { runCli } from '../../main/cli';
import type { CliIo, CliReadable } from '../../main/cli/io';
import {
  startFakeNekosBest,
  startFakeNekosia,
  startFakeWhatAnime,
  type FakeServer,
  type FakeWhatAnime,
  type FakeWhatAnimeOptions,
} from '../fakes';
import { TEST_HTTP_OPTIONS } from '../core/sources/helpers';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Piped into stdin, or a stand-in for a terminal. */
  stdin?: string | CliReadable;
  cwd?: string;
}

/** A fresh NEKODESK_HOME (and working folder) per test. */
export function useHome(): { home: () => string; cwd: () => string } {
  let home = '';
  let cwd = '';
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'nekodesk-cli-home-'));
    cwd = mkdtempSync(path.join(tmpdir(), 'nekodesk-cli-cwd-'));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  });
  return { home: () => home, cwd: () => cwd };
}

export interface Fakes {
  nekosBest: FakeServer;
  nekosia: FakeServer;
  whatanime: FakeWhatAnime;
  env: Record<string, string>;
}

/**
 * The three fakes for a test file. whatanimeisthis.com's fake is started afresh for every test (its guest
 * allowance is per day), the others are shared and reset between tests.
 */
export function useFakes(whatanimeOptions: FakeWhatAnimeOptions = {}): () => Fakes {
  let nekosBest: FakeServer;
  let nekosia: FakeServer;
  let whatanime: FakeWhatAnime;
  beforeAll(async () => {
    [nekosBest, nekosia] = await Promise.all([
      startFakeNekosBest({ enforceRateLimits: false }),
      startFakeNekosia({ enforceRateLimits: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([nekosBest.close(), nekosia.close()]);
  });
  beforeEach(async () => {
    for (const fake of [nekosBest, nekosia]) {
      fake.clearFaults();
      fake.requests.length = 0;
    }
    whatanime = await startFakeWhatAnime({ enforceRateLimits: false, ...whatanimeOptions });
  });
  afterEach(() => whatanime.close());
  return () => ({
    nekosBest,
    nekosia,
    whatanime,
    env: {
      NEKODESK_NEKOS_BEST_URL: nekosBest.baseUrl,
      NEKODESK_NEKOSIA_URL: nekosia.baseUrl,
      NEKODESK_WHATANIME_URL: whatanime.origin,
    },
  });
}

/** Runs `nekodesk <argv>` in-process with captured output, short timeouts and the given environment. */
export async function runIn(home: string, argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env: { NEKODESK_HOME: home, ...options.env },
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin:
      typeof options.stdin === 'object'
        ? options.stdin
        : Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    cwd: options.cwd ?? home,
    core: { http: TEST_HTTP_OPTIONS, searchTimeoutMs: TEST_HTTP_OPTIONS.timeoutMs },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The one-line failure every command prints: `nekodesk: …` on stderr, nothing else, no stack trace. */
export function expectOneLineError(result: CliResult, code: 1 | 2, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(/^nekodesk: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
