import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import { identifyImageDir } from '../../main/core/identify';
import { resolvePaths } from '../../main/core/paths';
import { MAX_IDENTIFY_BYTES } from '../../preload/contract';
import { startFakeWhatAnime, type FakeWhatAnime } from '../fakes';
import { animeFrame } from '../fakes/whatanime-screenshot';
import { rawRequest, startTestHarness, type RawResponse, type TestHarness } from './support';

let fake: FakeWhatAnime;
let test: TestHarness;
let harness: Harness;
let cookie: string;

beforeAll(async () => {
  fake = await startFakeWhatAnime();
  test = await startTestHarness({ NEKODESK_WHATANIME_URL: fake.baseUrl });
  ({ harness, cookie } = test);
}, 60_000);

afterAll(async () => {
  await test.close();
  await fake.close();
});

/** A call as the web bridge sends it: Uint8Arrays as tagged base64. */
function call(channel: string, request: unknown): Promise<RawResponse> {
  return test.post(channel, { request });
}

interface Answer {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string };
}

function answerOf(response: RawResponse): Answer {
  return JSON.parse(response.body) as Answer;
}

describe('identification through the harness', () => {
  it('carries image bytes to the real core and answers every candidate', async () => {
    const png = await animeFrame({ width: 640, height: 360, bars: { top: 45, bottom: 45 } });
    const response = await call('identify:image', { data: png, name: 'frame.png', source: 'drop' });
    const answer = answerOf(response);
    expect(answer.error).toBeUndefined();
    const result = answer.data as {
      label: string;
      candidates: { title: string; imageUrl: string | null }[];
      upload: { originalBytes: number; cropped: boolean };
      imageUrl: string;
    };
    expect(result.label).toBe('frame.png');
    expect(result.candidates).toHaveLength(5);
    expect(result.upload.originalBytes).toBe(png.byteLength);
    expect(result.upload.cropped).toBe(true);
    // The fake received a cleaned JPEG, not the PNG the page sent.
    expect(fake.lastUpload()?.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    // The cleaned upload and the previews are served from the harness's cache path, never from the network.
    expect(result.imageUrl).toMatch(/^\/__nekodesk\/cache\/i\/[0-9a-f]+\.jpg$/);
    const upload = await rawRequest(`${harness.url}${result.imageUrl.slice(1)}`, { headers: { cookie } });
    expect(upload.status).toBe(200);
    expect(upload.headers['content-type']).toBe('image/jpeg');
    for (const candidate of result.candidates) {
      if (candidate.imageUrl !== null) expect(candidate.imageUrl).toMatch(/^\/__nekodesk\/cache\/i\//);
    }
  });

  it('takes an image of exactly 25 MB past the body limit, and refuses a larger one as too large', async () => {
    const atLimit = new Uint8Array(MAX_IDENTIFY_BYTES);
    const accepted = answerOf(
      await call('identify:image', { data: atLimit, name: 'big.png', source: 'pick' }),
    );
    // Past the harness: the core reads the bytes and says they are not an image (the harness's own refusals,
    // "too large" or "must be a JSON object", would mean the bytes never reached it).
    expect(accepted.error?.code).toBe('invalid_input');
    expect(accepted.error?.message).toMatch(/^big\.png is not an image/);

    const over = await call('identify:image', {
      data: new Uint8Array(MAX_IDENTIFY_BYTES + 64 * 1024),
      name: 'bigger.png',
      source: 'pick',
    });
    expect(over.status).toBe(413);
    expect(answerOf(over).error).toEqual({
      code: 'invalid_input',
      message: 'The image is larger than 25 MB.',
    });
  }, 60_000);

  it('keeps the usual 1 MB limit on every other call, even one named like an object’s own property', async () => {
    const response = await call('identify:url', { url: `https://images.example/${'a'.repeat(1024 * 1024)}` });
    expect(response.status).toBe(413);
    expect(answerOf(response).error?.message).toBe('The request is too large.');
    for (const channel of ['toString', 'constructor', '__proto__']) {
      const odd = await call(channel, { padding: 'a'.repeat(1024 * 1024) });
      expect(odd.status, channel).toBe(413);
      expect(answerOf(odd).error?.message, channel).toBe('The request is too large.');
    }
  });

  it('answers the shell-only calls with "not available here"', async () => {
    expect(answerOf(await call('identify:clipboard', undefined)).error).toEqual({
      code: 'internal',
      message: 'Reading the clipboard is not available here.',
    });
    expect(answerOf(await call('identify:capture', undefined)).error).toEqual({
      code: 'internal',
      message: 'Capturing a screen region is not available here.',
    });
  });

  it('reports secure storage, so a key can be stored, and shows it only masked', async () => {
    const account = answerOf(await call('identify:account', undefined)).data;
    expect(account).toMatchObject({ kind: 'guest', secureStorage: true });
    const stored = answerOf(await call('identify:set-api-key', { key: 'wa_fake0123456789abcdefghijklmnop' }));
    expect(stored.data).toMatchObject({ kind: 'api-key' });
    expect(JSON.stringify(stored)).not.toContain('0123456789abcdefghijklmnop');
    expect(answerOf(await call('identify:sign-out', undefined)).data).toMatchObject({ kind: 'guest' });
  });
});

describe('the i/ cache route', () => {
  const name = 'ab'.repeat(16);
  const cacheUrl = (key: string) => `${harness.url}__nekodesk/cache/${key}`;

  beforeAll(async () => {
    const dir = identifyImageDir(resolvePaths({ NEKODESK_HOME: test.home }).cache);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${name}.jpg`), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await writeFile(path.join(dir, `${name}.mp4`), Buffer.from('0123456789'));
  });

  it('serves an identification image with its type', async () => {
    const response = await rawRequest(cacheUrl(`i/${name}.jpg`), { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-length']).toBe('7');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves a clip in the parts a video element asks for', async () => {
    const whole = await rawRequest(cacheUrl(`i/${name}.mp4`), { headers: { cookie } });
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await rawRequest(cacheUrl(`i/${name}.mp4`), { headers: { cookie, range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect(part.body).toBe('2345');
  });

  it('serves nothing but our own names, and only to the harness’s pages', async () => {
    for (const key of [
      `i/${name}.txt`,
      'i/../settings.json',
      'i/%2e%2e%2fsettings.json',
      `i/${name}`,
      'i/',
    ]) {
      expect((await rawRequest(cacheUrl(key), { headers: { cookie } })).status, key).toBe(404);
    }
    expect((await rawRequest(cacheUrl(`i/${name}.jpg`))).status).toBe(401);
  });
});
