/**
 * What every end-to-end file needs: the fake upstream servers it asks for, the browser harness pointed at them
 * (in a fresh NEKODESK_HOME), and Debian's Chromium; all torn down in reverse, whatever got started.
 * `useE2eEnvironment` registers that as the file's beforeAll / afterAll.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from '../../../harness/server';
import {
  startFakeNekosBest,
  startFakeNekosia,
  startFakeWhatAnime,
  type FakeServer,
  type FakeWhatAnime,
} from '../../fakes';
import { assertBuilt, launchChromium } from './browser';

export interface E2eFakes {
  nekosBest: FakeServer;
  nekosia: FakeServer;
  whatanime: FakeWhatAnime;
}
export type FakeName = keyof E2eFakes;

/** The environment variable that points the harness's core at each fake. */
const FAKE_URL_VARIABLES: Record<FakeName, string> = {
  nekosBest: 'NEKODESK_NEKOS_BEST_URL',
  nekosia: 'NEKODESK_NEKOSIA_URL',
  whatanime: 'NEKODESK_WHATANIME_URL',
};

const STARTERS: { [F in FakeName]: () => Promise<E2eFakes[F]> } = {
  nekosBest: () => startFakeNekosBest(),
  nekosia: () => startFakeNekosia(),
  whatanime: () => startFakeWhatAnime(),
};

export interface E2eEnvironment<F extends FakeName = FakeName> {
  harness: Harness;
  browser: Browser;
  /** The harness's NEKODESK_HOME. */
  home: string;
  fakes: Pick<E2eFakes, F>;
  /** Stops everything started, newest first. */
  close(): Promise<void>;
}

export interface E2eOptions<F extends FakeName> {
  /** The fakes the harness talks to; the services not named keep their default (unreachable in tests) URLs. */
  fakes: readonly F[];
  /** Names the temporary home folder, for finding it when a run is kept. */
  name: string;
}

export async function startE2eEnvironment<F extends FakeName>(
  options: E2eOptions<F>,
): Promise<E2eEnvironment<F>> {
  assertBuilt();
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const fakes: Partial<E2eFakes> = {};
    const env: Record<string, string> = {};
    for (const name of options.fakes) {
      const fake = await STARTERS[name]();
      cleanups.push(() => fake.close());
      Object.assign(fakes, { [name]: fake });
      env[FAKE_URL_VARIABLES[name]] = fake.baseUrl;
    }
    const home = await mkdtemp(path.join(tmpdir(), `nekodesk-e2e-${options.name}-`));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const harness = await startHarness({ env: { ...env, NEKODESK_HOME: home }, log: () => undefined });
    cleanups.push(() => harness.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    return { harness, browser, home, fakes: fakes as Pick<E2eFakes, F>, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts the environment before the file's tests and stops it after them. Read `.current` inside hooks and
 * tests (it throws before the environment is up, rather than handing out undefined).
 */
export function useE2eEnvironment<F extends FakeName>(
  options: E2eOptions<F>,
): { readonly current: E2eEnvironment<F> } {
  let environment: E2eEnvironment<F> | null = null;
  beforeAll(async () => {
    environment = await startE2eEnvironment(options);
  }, 120_000);
  afterAll(async () => {
    await environment?.close();
  });
  return {
    get current(): E2eEnvironment<F> {
      if (environment === null) throw new Error('The end-to-end environment is not started yet.');
      return environment;
    },
  };
}
