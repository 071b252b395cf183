/**
 * The app prepares the picker's warm pool at start-up, so the picker opens with pictures and works offline
 * from its first use: main/index.ts over the fake Electron, the real picker core against the fake nekos.best.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { startFakeNekosBest, type FakeServer } from '../fakes';
import { startApp } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

const pickerFile = z.object({ warm: z.array(z.object({ id: z.string(), kind: z.string() })) });

describe('the picker warm pool', () => {
  let server: FakeServer | null = null;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server?.close();
  });

  it('downloads GIFs for the picker in the background right after start', async () => {
    server = await startFakeNekosBest({ enforceRateLimits: false });
    const app = await startApp({ env: { NEKODESK_NEKOS_BEST_URL: server.baseUrl } });
    const file = path.join(app.home, 'data', 'picker.json');

    const deadline = Date.now() + 15_000;
    let warm: { id: string; kind: string }[] = [];
    while (Date.now() < deadline) {
      if (existsSync(file)) {
        warm = pickerFile.parse(JSON.parse(readFileSync(file, 'utf8'))).warm;
        if (warm.length > 0) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(warm.length).toBeGreaterThan(0);
    expect(warm.every((artwork) => artwork.kind === 'gif')).toBe(true);
    const downloads = server.requests.filter((request) => request.path.endsWith('.gif'));
    expect(downloads.length).toBeGreaterThanOrEqual(warm.length);
  }, 30_000);
});
