/** The wallpaper calls through the harness, with the real service against the fake upstreams. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import type { Result } from '../../main/core/result';
import type { CallChannel, CallResult, WallpaperState } from '../../preload/contract';
import { startFakeNekosBest, startFakeNekosia, type FakeServer } from '../fakes';
import { rawRequest, startTestHarness, type TestHarness } from './support';

let nekosia: FakeServer;
let nekosBest: FakeServer;
let test: TestHarness;
let harness: Harness;
let cookie: string;

beforeAll(async () => {
  nekosia = await startFakeNekosia({ enforceRateLimits: false });
  nekosBest = await startFakeNekosBest({ enforceRateLimits: false });
  test = await startTestHarness({
    NEKODESK_NEKOSIA_URL: nekosia.baseUrl,
    NEKODESK_NEKOS_BEST_URL: nekosBest.baseUrl,
  });
  ({ harness, cookie } = test);
}, 60_000);

afterAll(async () => {
  await test.close();
  await nekosia.close();
  await nekosBest.close();
});

async function call<C extends CallChannel>(channel: C, request?: unknown): Promise<CallResult<C>> {
  const response = await test.post(channel, { request });
  return JSON.parse(response.body) as CallResult<C>;
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Call failed: ${result.error.code}`);
  return result.data;
}

describe('wallpaper through the harness', () => {
  let state: WallpaperState;

  it('starts with nothing shown and no timer', async () => {
    expect(data(await call('wallpaper:state'))).toMatchObject({
      status: 'stopped',
      current: [],
    });
  });

  it('shows the next wallpaper with the recording setter, naming the image by a loopback path', async () => {
    state = data(await call('wallpaper:next'));
    expect(state.current).toHaveLength(1);
    expect(state.current[0]?.imageUrl).toMatch(/^\/__nekodesk\/cache\/[0-9a-f]{64}$/);
    expect(harness.shownWallpapers()).toHaveLength(1);
  }, 30_000);

  it('serves the cached image with its content type, only with the session cookie', async () => {
    const url = `${harness.url}${state.current[0]!.imageUrl!.slice(1)}`;
    const image = await rawRequest(url, { headers: { cookie } });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\/(png|jpeg)$/);
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect((await rawRequest(url)).status).toBe(401);
    expect((await rawRequest(url, { headers: { cookie: 'nekodesk_token=nope' } })).status).toBe(401);
    expect(
      (await rawRequest(`${harness.url}__nekodesk/cache/${'0'.repeat(64)}`, { headers: { cookie } })).status,
    ).toBe(404);
    expect(
      (await rawRequest(`${harness.url}__nekodesk/cache/..%2f..%2fsettings.json`, { headers: { cookie } }))
        .status,
    ).toBe(404);
    expect((await rawRequest(url, { method: 'POST', headers: { cookie } })).status).toBe(405);
  });

  it('round-trips favorites, history and pause', async () => {
    data(await call('wallpaper:favorite-current'));
    const favorites = data(await call('library:favorites'));
    expect(favorites.map((item) => item.artwork.id)).toEqual([state.current[0]?.artwork.id]);
    const history = data(await call('library:history', { offset: 0, limit: 10 }));
    expect(history.total).toBe(1);
    expect(data(await call('library:remove-favorite', { id: favorites[0]!.artwork.id }))).toEqual([]);
    expect(data(await call('wallpaper:set-paused', { paused: true }))).toMatchObject({
      paused: true,
    });
    expect(data(await call('wallpaper:set-paused', { paused: false }))).toMatchObject({
      paused: false,
    });
  });

  it('lists Nekosia tags, and refuses malformed requests', async () => {
    expect(data(await call('nekosia:tags')).tags.length).toBeGreaterThan(0);
    expect(await call('library:history', { offset: 0, limit: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('wallpaper:set-paused', { paused: true, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
