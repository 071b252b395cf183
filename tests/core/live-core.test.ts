import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveCore } from '../../main/core/live-core';
import { openSettingsFile, SettingsService } from '../../main/core/settings';
import { startFakeNekosBest, type FakeServer } from '../fakes';
import { useTempDir } from '../support/temp-dir';

describe('createLiveCore', () => {
  const tempDir = useTempDir();
  const servers: FakeServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  function settingsIn(dir: string): SettingsService {
    const { backend, settings } = openSettingsFile(dir, (options) => new Conf(options));
    return new SettingsService(backend, settings);
  }

  it('follows a change of the service URL in settings without a restart', async () => {
    const first = await startFakeNekosBest();
    const second = await startFakeNekosBest();
    servers.push(first, second);
    const settings = settingsIn(tempDir());
    settings.update({ services: { nekosBestUrl: first.baseUrl } });
    const core = createLiveCore(settings, { env: {} });

    await core().nekosBest.categories();
    settings.update({ services: { nekosBestUrl: second.baseUrl } });
    await core().nekosBest.categories();

    expect(first.requests.map((request) => request.path)).toEqual(['/api/v2/endpoints']);
    expect(second.requests.map((request) => request.path)).toEqual(['/api/v2/endpoints']);
  });

  it('keeps one core (and its caches) while the settings stay the same', () => {
    const settings = settingsIn(tempDir());
    const core = createLiveCore(settings, { env: {} });
    const before = core();
    settings.update({ launchAtLogin: true });
    expect(core()).toBe(before);
  });

  it('lets the environment override the URL in settings', () => {
    const settings = settingsIn(tempDir());
    const core = createLiveCore(settings, { env: { NEKODESK_NEKOSIA_URL: 'http://127.0.0.1:9/api/v1' } });
    expect(core().urls.nekosiaUrl).toBe('http://127.0.0.1:9/api/v1');
  });
});
