/**
 * Changes to the settings file between versions, keyed by the app version that introduced them.
 * conf runs, in order, every migration newer than the version that last wrote the file, then records
 * the new version. Each migration gets the raw store (dot paths work), so it must tolerate any shape.
 *
 * 0.1.0 is the first release: nothing to migrate yet. Add an entry when a setting is renamed or reshaped.
 */
export interface MigrationStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  has(key: string): boolean;
}

export type SettingsMigrations = Record<string, (store: MigrationStore) => void>;

export const settingsMigrations: SettingsMigrations = {};
