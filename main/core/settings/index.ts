export * from './settings-schema';
export * from './settings-file';
export * from './settings-service';
export type { MigrationStore, SettingsMigrations } from './settings-migrations';
