/**
 * Starts the real composition root (main/index.ts) over a fresh fake Electron, with NEKODESK_HOME in a
 * temporary folder, and returns the fake to drive it. The test file must mock `electron` and
 * `electron-store` (see app.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type * as FakeElectron from './fake-electron';

export type Fake = typeof FakeElectron;

export interface StartOptions {
  /** Files to put in NEKODESK_HOME before start (relative path → content). */
  files?: Record<string, string>;
  packaged?: boolean;
  lock?: boolean;
  argv?: string[];
  env?: Record<string, string | undefined>;
}

export interface StartedApp {
  fake: Fake;
  home: string;
  main: InstanceType<Fake['BrowserWindow']>;
  picker: InstanceType<Fake['BrowserWindow']>;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export async function startApp(options: StartOptions = {}): Promise<StartedApp> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const home = mkdtempSync(path.join(os.tmpdir(), 'nekodesk-shell-'));
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(home, file)), { recursive: true });
    writeFileSync(path.join(home, file), content);
  }
  vi.stubEnv('NEKODESK_HOME', home);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  // The rotation starts with the app: by default it finds nothing (a closed port), so no test ever
  // downloads real artwork or sets this machine's wallpaper. Tests that rotate pass fake servers.
  vi.stubEnv('NEKODESK_NEKOSIA_URL', 'http://127.0.0.1:9/api/v1');
  vi.stubEnv('NEKODESK_NEKOS_BEST_URL', 'http://127.0.0.1:9/api/v2');
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  const argv = process.argv;
  process.argv = [process.execPath, ...(options.argv ?? [])];

  // The fake is a singleton (vitest keeps the mocked module across resetModules): reset it, then run
  // main/index.ts afresh against it.
  vi.resetModules();
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  fake.app.isPackaged = options.packaged ?? false;
  fake.app.lockAvailable = options.lock ?? true;
  fake.app.appPath = PROJECT_ROOT;
  try {
    await import('../../main/index');
    if (fake.app.lockAvailable) await fake.app.becomeReady();
  } finally {
    process.argv = argv;
  }
  const [main, picker] = fake.BrowserWindow.created;
  return { fake, home, main: main!, picker: picker! };
}
