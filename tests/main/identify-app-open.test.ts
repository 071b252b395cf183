/**
 * The identification core in the app (identify-app.ts): opened once on first use, opened again after a
 * failure, handed the live core's client, the app's folders and settings, and told that secrets may be
 * kept only when safeStorage really encrypts them.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../main/core/create-core';
import type { IdentifyService, IdentifyServiceOptions } from '../../main/core/identify';
import type { Notice } from '../../preload/contract';
import { SettingsService, settingsSchema, type SettingsBackend } from '../../main/core/settings';
import { createAppIdentify } from '../../main/shell/identify-app';
import { safeStorage, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function setUp(platform: NodeJS.Platform = 'linux') {
  resetFakeElectron();
  const backend: SettingsBackend = { store: {}, path: '/dev/null' };
  const settings = new SettingsService(backend, settingsSchema.parse({}));
  const core = createCore({
    urls: {
      nekosBestUrl: 'http://127.0.0.1:9/api/v2',
      nekosiaUrl: 'http://127.0.0.1:9/api/v1',
      whatanimeUrl: 'http://127.0.0.1:9',
    },
  });
  const opened: IdentifyServiceOptions[] = [];
  const notices: Notice[] = [];
  let failures = 0;
  const service = { kind: 'the service' } as unknown as IdentifyService;
  const identify = createAppIdentify({
    core: () => core,
    settings,
    paths: { data: '/data', cache: '/cache' },
    secrets: { get: () => null, set: () => undefined, delete: () => undefined },
    safeStorage,
    platform,
    imageUrl: (key) => `nekodesk://cache/${key}`,
    notify: (notice) => notices.push(notice),
    open: (options) => {
      opened.push(options);
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('disk full'));
      }
      return Promise.resolve(service);
    },
  });
  return { identify, opened, notices, settings, core, service, failAtNextOpen: () => (failures = 1) };
}

describe('the app’s identification core', () => {
  it('opens once, however many calls wait for it, with the live core, the folders and the settings', async () => {
    const { identify, opened, settings, core, service } = setUp();
    const [a, b] = await Promise.all([identify.port(), identify.port()]);
    expect(a).toBe(service);
    expect(b).toBe(service);
    await identify.port();
    expect(opened).toHaveLength(1);
    const options = opened[0]!;
    expect(options).toMatchObject({ dataDir: '/data', cacheDir: '/cache', secureStorage: true });
    expect(options.whatanime()).toBe(core.whatanime);
    expect(options.http()).toBe(core.http);
    expect(options.imageUrl('i/ab.jpg')).toBe('nekodesk://cache/i/ab.jpg');
    settings.update({ identify: { showAdult: true } });
    expect(options.settings()).toEqual({ hotkey: null, showAdult: true, keepHistory: true });
  });

  it('tells the person when the core repaired its history or account file', async () => {
    const { identify, opened, notices } = setUp();
    await identify.port();
    opened[0]?.onNotice?.('The identification history was damaged; it was restored from its backup.');
    expect(notices).toEqual([
      {
        level: 'warning',
        message: 'The identification history was damaged; it was restored from its backup.',
      },
    ]);
  });

  it('tries again at the next call after a failure to open', async () => {
    const { identify, opened, service, failAtNextOpen } = setUp();
    failAtNextOpen();
    await expect(identify.port()).rejects.toThrow('disk full');
    await expect(identify.port()).resolves.toBe(service);
    expect(opened).toHaveLength(2);
  });

  it('keeps no secrets without a keychain, nor with Linux’s basic_text backend', async () => {
    const linux = setUp('linux');
    safeStorage.backend = 'basic_text';
    await linux.identify.port();
    expect(linux.opened[0]?.secureStorage).toBe(false);

    const mac = setUp('darwin');
    safeStorage.backend = 'unknown';
    await mac.identify.port();
    expect(mac.opened[0]?.secureStorage).toBe(true);

    const none = setUp('win32');
    safeStorage.available = false;
    await none.identify.port();
    expect(none.opened[0]?.secureStorage).toBe(false);
  });
});
