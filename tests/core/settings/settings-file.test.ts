import Conf from 'conf';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openSettingsFile,
  SETTINGS_FILE_NAME,
  SettingsService,
  type CreateSettingsBackend,
} from '../../../main/core/settings';
import { useTempDir } from '../../support/temp-dir';

const createConf: CreateSettingsBackend = (options) => new Conf(options);
const fixedNow = () => new Date('2026-11-23T10:00:00Z');

describe('openSettingsFile', () => {
  const tempDir = useTempDir();

  it('starts with defaults and a stable installation id on a fresh machine', () => {
    const dir = tempDir();
    const first = openSettingsFile(dir, createConf);
    expect(first.settings.services.nekosBestUrl).toBe('https://nekos.best/api/v2');
    expect(first.settings.launchAtLogin).toBe(false);
    expect(first.notices).toEqual([]);
    expect(first.settings.installationId).toMatch(/^[0-9a-f-]{36}$/);

    const again = openSettingsFile(dir, createConf);
    expect(again.settings.installationId).toBe(first.settings.installationId);
  });

  it('keeps a corrupt file aside, restores defaults and says so', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SETTINGS_FILE_NAME), '{"launchAtLogin": tru');
    const opened = openSettingsFile(dir, createConf, { now: fixedNow });

    expect(opened.settings.launchAtLogin).toBe(false);
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatch(/could not be read.*defaults were restored/);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dir, aside ?? ''), 'utf8')).toBe('{"launchAtLogin": tru');
    expect(JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE_NAME), 'utf8'))).toMatchObject({
      launchAtLogin: false,
    });
  });

  it('resets only the invalid section and keeps every valid setting', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({
        launchAtLogin: 'yes please',
        services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' },
        installationId: 'kept-installation-id',
      }),
    );
    const opened = openSettingsFile(dir, createConf, { now: fixedNow });

    expect(opened.settings.launchAtLogin).toBe(false);
    expect(opened.settings.services.nekosBestUrl).toBe('http://127.0.0.1:9/api/v2');
    expect(opened.settings.installationId).toBe('kept-installation-id');
    expect(opened.notices[0]).toMatch(/reset to their defaults \(launchAtLogin\)/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.invalid-'))).toBe(true);
  });

  it('runs migrations newer than the version that wrote the file', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ oldAutostart: true, __internal__: { migrations: { version: '0.0.1' } } }),
    );
    const opened = openSettingsFile(dir, createConf, {
      migrations: {
        '0.1.0': (store) => {
          store.set('launchAtLogin', store.get('oldAutostart') === true);
          store.delete('oldAutostart');
        },
      },
    });
    expect(opened.settings.launchAtLogin).toBe(true);
    const onDisk = JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE_NAME), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(onDisk).not.toHaveProperty('oldAutostart');
  });
});

describe('SettingsService', () => {
  const tempDir = useTempDir();

  it('writes a valid change through to the file the CLI and the app share', () => {
    const dir = tempDir();
    const { backend, settings } = openSettingsFile(dir, createConf);
    const service = new SettingsService(backend, settings);
    const seen: boolean[] = [];
    service.onChange((next) => seen.push(next.launchAtLogin));

    service.update({ launchAtLogin: true, services: { nekosiaUrl: 'http://127.0.0.1:1234/api/v1/' } });

    const reopened = openSettingsFile(dir, createConf).settings;
    expect(reopened.launchAtLogin).toBe(true);
    expect(reopened.services.nekosiaUrl).toBe('http://127.0.0.1:1234/api/v1');
    expect(reopened.services.nekosBestUrl).toBe('https://nekos.best/api/v2');
    expect(seen).toEqual([true]);
  });

  it('refuses an invalid change whole and leaves the file as it was', () => {
    const dir = tempDir();
    const { backend, settings } = openSettingsFile(dir, createConf);
    const service = new SettingsService(backend, settings);
    const before = readFileSync(path.join(dir, SETTINGS_FILE_NAME), 'utf8');

    expect(() =>
      service.update({ launchAtLogin: true, services: { nekosBestUrl: 'javascript:alert(1)' } }),
    ).toThrow(/Invalid setting services\.nekosBestUrl: must be an http\(s\) URL/);
    expect(readFileSync(path.join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(before);
    expect(service.get().launchAtLogin).toBe(false);
    expect(existsSync(path.join(dir, SETTINGS_FILE_NAME))).toBe(true);
  });

  it('changes one wallpaper setting and keeps the rest of the section', () => {
    const { backend, settings } = openSettingsFile(tempDir(), createConf);
    const service = new SettingsService(backend, settings);
    const sources = service.get().wallpaper.sources;

    service.update({ wallpaper: { intervalMinutes: 15, blacklist: ['maid'] } });

    expect(service.get().wallpaper).toMatchObject({ intervalMinutes: 15, blacklist: ['maid'], sources });
    expect(() => service.update({ wallpaper: { intervalMinutes: 0 } })).toThrow(/wallpaper\.intervalMinutes/);
    expect(() => service.update({ wallpaper: { intervalMinutes: 24 * 60 + 1 } })).toThrow(
      /wallpaper\.intervalMinutes/,
    );
    expect(service.get().wallpaper.intervalMinutes).toBe(15);
  });
});
