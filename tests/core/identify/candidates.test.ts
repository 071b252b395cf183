import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpResponse, HttpTransport, RequestOptions } from '../../../main/core/http';
import { storeCandidate, toIdentifyCandidate } from '../../../main/core/identify/candidates';
import { MediaStore, MAX_PREVIEW_IMAGE_BYTES } from '../../../main/core/identify/media-store';
import type { WhatAnimeCandidate } from '../../../main/core/sources/whatanime/types';
import { encodeJpeg } from '../../fakes';

/** Answers every URL with a small JPEG, and records what was asked. */
class RecordingTransport implements HttpTransport {
  readonly asked: { url: string; options: RequestOptions }[] = [];
  json(): never {
    throw new Error('not used');
  }
  bytes(url: string, options: RequestOptions): Promise<HttpResponse<Uint8Array>> {
    this.asked.push({ url, options });
    return Promise.resolve({ status: 200, headers: new Headers(), data: encodeJpeg(8, 8, [1, 2, 3]) });
  }
}

const CANDIDATE: WhatAnimeCandidate = {
  title: 'Yoru no Neko Cafe',
  titleNative: '夜の猫カフェ',
  titleEnglish: null,
  anilistId: 990001,
  episode: 2,
  from: 10,
  at: 12.5,
  to: 14,
  similarity: 0.93,
  isAdult: true,
  previewImage: 'https://media.example/preview.jpg',
  previewVideo: 'https://media.example/preview.mp4',
  fileName: null,
};

describe('storeCandidate', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const media = (http: HttpTransport) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nekodesk-media-'));
    dirs.push(dir);
    return new MediaStore(dir, () => http);
  };

  it("does not fetch an adult candidate's previews unless the settings show adult entries", async () => {
    const http = new RecordingTransport();
    const hidden = await storeCandidate(CANDIDATE, media(http), { previews: 'all', showAdult: false });
    expect(hidden).toMatchObject({ imageKey: null, videoKey: null, title: 'Yoru no Neko Cafe' });
    expect(http.asked).toHaveLength(0);
    const shown = await storeCandidate(CANDIDATE, media(http), { previews: 'all', showAdult: true });
    expect(shown.imageKey).toMatch(/^i\/[0-9a-f]{40}\.jpg$/);
    const still = http.asked.find((call) => call.url.endsWith('.jpg'));
    expect(still?.options.maxBytes).toBe(MAX_PREVIEW_IMAGE_BYTES);
  });

  it('keeps bytes that are not what was promised out (a "video" that is a JPEG)', async () => {
    const stored = await storeCandidate({ ...CANDIDATE, isAdult: false }, media(new RecordingTransport()), {
      previews: 'all',
      showAdult: false,
    });
    expect(stored.imageKey).not.toBeNull();
    expect(stored.videoKey).toBeNull();
  });

  it('marks candidates under 87% unlikely and links AniList', () => {
    const base = { ...CANDIDATE, imageKey: null, videoKey: null };
    const url = () => null;
    expect(toIdentifyCandidate({ ...base, similarity: 0.87 }, url)).toMatchObject({ likely: true });
    expect(toIdentifyCandidate({ ...base, similarity: 0.8699 }, url)).toMatchObject({
      likely: false,
      link: 'https://anilist.co/anime/990001',
    });
    expect(toIdentifyCandidate({ ...base, anilistId: null }, url).link).toBeNull();
  });
});
