import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolvePaths } from '../../main/core/paths';

describe('resolvePaths', () => {
  it('puts everything under NEKODESK_HOME when it is set', () => {
    const paths = resolvePaths({ NEKODESK_HOME: '/tmp/nekodesk-home' });
    expect(paths).toEqual({
      config: '/tmp/nekodesk-home',
      data: path.join('/tmp/nekodesk-home', 'data'),
      cache: path.join('/tmp/nekodesk-home', 'cache'),
      logs: path.join('/tmp/nekodesk-home', 'logs'),
    });
  });

  it.runIf(process.platform === 'linux')('follows the XDG folders on Linux', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/xdg/config');
    vi.stubEnv('XDG_DATA_HOME', '/xdg/data');
    vi.stubEnv('XDG_CACHE_HOME', '/xdg/cache');
    vi.stubEnv('XDG_STATE_HOME', '/xdg/state');
    try {
      expect(resolvePaths({})).toEqual({
        config: '/xdg/config/nekodesk',
        data: '/xdg/data/nekodesk',
        cache: '/xdg/cache/nekodesk',
        logs: '/xdg/state/nekodesk',
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
