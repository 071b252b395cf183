/** Settings through electron-store (over the fake app): the file name and openSettingsFile's repairs. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SettingsService } from '../../main/core/settings';
import { openAppSettings } from '../../main/shell/settings-store';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

describe('app settings', () => {
  it('live in <config>/settings.json, not electron-store’s default config.json', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'));
    const { backend, settings } = openAppSettings(dir);
    new SettingsService(backend, settings).update({ launchAtLogin: true });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      launchAtLogin: true,
    });
    expect(openAppSettings(dir).settings.launchAtLogin).toBe(true);
  });

  it('recover from a corrupt file, keeping it aside and saying so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'));
    writeFileSync(path.join(dir, 'settings.json'), '{"launchAtLogin": tru');
    const opened = openAppSettings(dir);
    expect(opened.settings.launchAtLogin).toBe(false);
    expect(opened.notices).toEqual([expect.stringContaining('could not be read')]);
    expect(readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'))).toHaveLength(1);
  });

  it('reset only an invalid section and keep the rest', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'));
    writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ launchAtLogin: 'sometimes', services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' } }),
    );
    const opened = openAppSettings(dir);
    expect(opened.settings.launchAtLogin).toBe(false);
    expect(opened.settings.services.nekosBestUrl).toBe('http://127.0.0.1:9/api/v2');
    expect(opened.notices).toEqual([expect.stringContaining('launchAtLogin')]);
  });
});
