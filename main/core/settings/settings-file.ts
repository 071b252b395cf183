import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../app-info';
import { settingsMigrations, type SettingsMigrations } from './settings-migrations';
import { settingsSchema, settingsShape, type Settings } from './settings-schema';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The part of conf (and electron-store, which extends it) that Nekodesk uses. */
export interface SettingsBackend {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
  readonly path: string;
}

/** conf's constructor options that we set; the app passes them to electron-store, the CLI to conf. */
export interface SettingsBackendOptions {
  cwd: string;
  configName: string;
  projectName: string;
  projectVersion: string;
  migrations: SettingsMigrations;
  clearInvalidConfig: false;
}

export type CreateSettingsBackend = (options: SettingsBackendOptions) => SettingsBackend;

export interface OpenedSettings {
  backend: SettingsBackend;
  settings: Settings;
  /** Messages for the person: what was wrong with the file and what we did about it. */
  notices: string[];
}

/**
 * Opens settings.json in `dir` and returns valid settings, whatever state the file is in:
 * - unreadable JSON: the file is kept aside as `settings.corrupt-<time>.json` and defaults restored;
 * - a section with an invalid value: the original is kept aside, only that section is reset.
 * Nothing the person set correctly is lost, and every repair is reported in `notices`.
 */
export function openSettingsFile(
  dir: string,
  createBackend: CreateSettingsBackend,
  options: { migrations?: SettingsMigrations; now?: () => Date } = {},
): OpenedSettings {
  const now = options.now ?? (() => new Date());
  const file = path.join(dir, SETTINGS_FILE_NAME);
  const notices: string[] = [];

  if (existsSync(file) && !isJsonObjectFile(file)) {
    const aside = keepAside(file, 'corrupt', now());
    notices.push(
      `Your settings file could not be read; it was kept as ${aside} and the defaults were restored.`,
    );
  }

  const backend = createBackend({
    cwd: dir,
    configName: path.basename(SETTINGS_FILE_NAME, '.json'),
    projectName: 'nekodesk',
    projectVersion: APP_VERSION,
    migrations: options.migrations ?? settingsMigrations,
    clearInvalidConfig: false,
  });

  const { settings, invalidKeys } = parseSettings(backend.store);
  if (invalidKeys.length > 0) {
    const aside = keepAside(file, 'invalid', now());
    notices.push(
      `Some settings were invalid and were reset to their defaults (${invalidKeys.join(', ')}); ` +
        `the previous file was kept as ${aside}.`,
    );
  }
  if (settings.installationId === undefined) settings.installationId = randomUUID();
  backend.store = { ...settings };
  return { backend, settings, notices };
}

/** Parses each section on its own, so one invalid section falls back to its default alone. */
export function parseSettings(raw: Record<string, unknown>): { settings: Settings; invalidKeys: string[] } {
  const candidate: Record<string, unknown> = {};
  const invalidKeys: string[] = [];
  for (const [key, schema] of Object.entries(settingsShape)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (schema.safeParse(value).success) candidate[key] = value;
    else invalidKeys.push(key);
  }
  return { settings: settingsSchema.parse(candidate), invalidKeys };
}

function isJsonObjectFile(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** Moves the file out of the way (the repaired settings are written afresh) and returns where it went. */
function keepAside(file: string, why: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const aside = path.join(path.dirname(file), `settings.${why}-${stamp}.json`);
  renameSync(file, aside);
  return aside;
}
