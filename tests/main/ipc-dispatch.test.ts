import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import type { CategoryInfo } from '../../preload/contract';
import { NekodeskError } from '../../main/core/errors';
import { openSettingsFile, SettingsService } from '../../main/core/settings';
import { createHandlers } from '../../main/handlers';
import { NO_WALLPAPER } from './no-wallpaper';
import { dispatchCall } from '../../main/ipc-dispatch';
import { useTempDir } from '../support/temp-dir';

describe('dispatchCall with the real handlers', () => {
  const tempDir = useTempDir();

  function setup(listCategories: () => Promise<CategoryInfo[]> = () => Promise.resolve([])) {
    const { backend, settings } = openSettingsFile(tempDir(), (options) => new Conf(options));
    const openLink = vi.fn(() => Promise.resolve());
    const handlers = createHandlers({
      settings: new SettingsService(backend, settings),
      listCategories,
      openLink,
      platform: 'linux',
      ...NO_WALLPAPER,
    });
    return { handlers, openLink };
  }

  it('answers a valid call with ok and data', async () => {
    const { handlers } = setup(() => Promise.resolve([{ name: 'hug', format: 'gif' }]));
    await expect(dispatchCall(handlers, 'nekos:categories', undefined)).resolves.toEqual({
      ok: true,
      data: [{ name: 'hug', format: 'gif' }],
    });
  });

  it('refuses an unknown channel without running anything', async () => {
    const { handlers } = setup();
    await expect(dispatchCall(handlers, 'fs:read', { path: '/etc/passwd' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown call.' },
    });
  });

  it('refuses a payload that does not match the schema, naming the field', async () => {
    const { handlers } = setup();
    const result = await dispatchCall(handlers, 'settings:update', { launchAtLogin: 'sure' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input' });
    expect(!result.ok && result.error.message).toMatch(/settings:update at launchAtLogin/);
  });

  it('refuses extra fields instead of passing them through', async () => {
    const { handlers } = setup();
    const result = await dispatchCall(handlers, 'settings:update', { launchAtLogin: true, __proto__x: 1 });
    expect(result.ok).toBe(false);
  });

  it('carries a core error code and retry time to the renderer', async () => {
    const { handlers } = setup(() =>
      Promise.reject(
        new NekodeskError('rate_limited', 'nekos.best is busy; try again in 12 s.', { retryAfter: 12 }),
      ),
    );
    await expect(dispatchCall(handlers, 'nekos:categories', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'nekos.best is busy; try again in 12 s.', retryAfter: 12 },
    });
  });

  it('opens only http(s) links', async () => {
    const { handlers, openLink } = setup();
    const refused = await dispatchCall(handlers, 'shell:open-link', { url: 'file:///etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const opened = await dispatchCall(handlers, 'shell:open-link', { url: 'https://nekos.best/' });
    expect(opened).toEqual({ ok: true, data: null });
    expect(openLink.mock.calls).toEqual([['https://nekos.best/']]);
  });

  it('saves a settings change and answers with the new settings', async () => {
    const { handlers } = setup();
    const result = await dispatchCall(handlers, 'settings:update', { launchAtLogin: true });
    expect(result).toMatchObject({ ok: true, data: { launchAtLogin: true } });
    await expect(dispatchCall(handlers, 'settings:get', undefined)).resolves.toMatchObject({
      ok: true,
      data: { launchAtLogin: true },
    });
  });
});
