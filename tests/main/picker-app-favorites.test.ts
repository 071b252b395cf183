/**
 * The app's picker keeps favorites ready offline: a GIF favorited through the port (what `picker:toggle-favorite`
 * calls) is downloaded at once and pinned, and a debounced re-warm follows. The real picker core and download
 * cache against the fake nekos.best; only the window parts (drag out) are fakes.
 */
import type { NativeImage } from 'electron';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DownloadCache } from '../../main/core/cache';
import { systemClock } from '../../main/core/clock';
import { HttpClient } from '../../main/core/http/http-client';
import { NO_RATE_LIMIT } from '../../main/core/http/upstream-limits';
import { PickerFile } from '../../main/core/picker';
import { settingsSchema } from '../../main/core/settings/settings-schema';
import { createAppPicker } from '../../main/shell/picker-app';
import { RecordingClipboard, testClient } from '../core/picker/helpers';
import { startFakeNekosBest, type FakeServer } from '../fakes';
import { useTempDir } from '../support/temp-dir';
import { nativeImage } from './fake-electron';

let fake: FakeServer;
const tempDir = useTempDir('nekodesk-picker-app-');

beforeAll(async () => {
  fake = await startFakeNekosBest({ enforceRateLimits: false });
});
afterAll(async () => {
  await fake.close();
});

async function appPicker(dir: string, rewarmDebounceMs: number) {
  const cache = await DownloadCache.open({
    root: path.join(dir, 'cache', 'artwork'),
    http: new HttpClient({
      fetch: (input, init) => fetch(input, init),
      clock: systemClock,
      limits: { 'nekos.best:asset': NO_RATE_LIMIT },
      retry: { maxAttempts: 1 },
    }),
  });
  const settings = settingsSchema.parse({});
  const warn = vi.fn();
  const picker = createAppPicker({
    core: () => ({ nekosBest: testClient(fake.baseUrl) }),
    settings: { get: () => settings },
    paths: { data: dir },
    wallpaper: Promise.resolve({ cache }),
    clipboard: new RecordingClipboard(),
    contents: { startDrag: vi.fn(), isDestroyed: () => false },
    fallbackIcon: path.join(dir, 'icon.png'),
    nativeImage: nativeImage as unknown as { createFromPath(file: string): NativeImage },
    log: { warn },
    rewarmDebounceMs,
  });
  return { picker, cache, warn };
}

describe('the app picker', () => {
  it('downloads and pins a GIF as soon as it is favorited', async () => {
    const dir = tempDir();
    const { picker, cache, warn } = await appPicker(dir, 60_000);
    const port = await picker.port();
    const gif = (await port.browse('dance', { offset: 0, limit: 1 })).artworks[0];
    if (!gif) throw new Error('no GIF');

    await expect(port.toggleFavorite(gif.id)).resolves.toBe(true);
    await picker.idle();
    expect(cache.get(gif.id, 'original')).not.toBeNull();
    expect(picker.pinnedIds()).toContain(gif.id);
    expect(warn).not.toHaveBeenCalled();

    await port.toggleFavorite(gif.id);
    expect(picker.pinnedIds()).not.toContain(gif.id);
    picker.dispose();
  });

  it('warms the pool again once favorites settle', async () => {
    const dir = tempDir();
    const { picker } = await appPicker(dir, 20);
    const port = await picker.port();
    const gif = (await port.browse('dance', { offset: 0, limit: 1 })).artworks[0];
    if (!gif) throw new Error('no GIF');
    const store = new PickerFile(dir);
    expect((await store.read()).warm).toEqual([]);

    await port.toggleFavorite(gif.id);
    // Nobody called `warm()`: the change did, once its quiet time passed.
    await vi.waitFor(async () => {
      expect((await store.read()).warm.length).toBeGreaterThan(0);
    });
    picker.dispose();
    await picker.idle();
  });
});
