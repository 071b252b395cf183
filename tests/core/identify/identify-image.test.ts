import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IDENTIFY_BYTES } from '../../../preload/contract';
import { animeFrame } from '../../fakes/whatanime-screenshot';
import { failure } from '../sources/helpers';
import { CAMERA_MAKE, hasGpsPointer, withExifAndGps } from './exif-images';
import { fileExists, useIdentifyHarness } from './service-setup';

/** The mean luma of `rows` rows at the top or bottom of an image. */
async function edgeMean(image: Buffer, edge: 'top' | 'bottom', rows = 3): Promise<number> {
  const { width, height } = await sharp(image).metadata();
  const top = edge === 'top' ? 0 : height - rows;
  const stats = await sharp(image).extract({ left: 0, top, width, height: rows }).greyscale().stats();
  return stats.channels[0]?.mean ?? 0;
}

describe('IdentifyService.identifyImage', () => {
  const harness = useIdentifyHarness();

  it('uploads the cleaned image: no bars, ≤1280 px, JPEG, no EXIF or GPS, upright', async () => {
    const { service, fake, fileOf } = await harness();
    // A letterboxed 1440p frame, stored sideways with EXIF orientation 6, a camera name and a GPS position.
    const upright = await animeFrame({ width: 2560, height: 1440, bars: { top: 184, bottom: 184 }, seed: 4 });
    const input = await withExifAndGps(await sharp(upright).rotate(-90).png().toBuffer(), 6);
    expect(hasGpsPointer((await sharp(input).metadata()).exif)).toBe(true);

    const result = await service.identifyImage(input, { name: 'IMG_0042.jpg', source: 'drop' });

    const sent = fake.lastUpload();
    if (sent === undefined) throw new Error('the fake received no upload');
    const received = await sharp(sent.bytes).metadata();
    expect(sent.contentType).toBe('image/jpeg');
    expect(sent.fileName).toBe('screenshot.jpg'); // not the person's own file name
    expect(received).toMatchObject({ format: 'jpeg', width: 1280 });
    expect(Math.abs(received.height - 536)).toBeLessThanOrEqual(1); // 2560×1072 of picture, upright
    expect(received.exif).toBeUndefined();
    expect(received.orientation).toBeUndefined();
    expect(received.icc).toBeUndefined();
    expect(sent.bytes.includes(CAMERA_MAKE)).toBe(false);
    expect(await edgeMean(sent.bytes, 'top')).toBeGreaterThan(60);
    expect(await edgeMean(sent.bytes, 'bottom')).toBeGreaterThan(40);

    expect(result.upload).toEqual({
      originalBytes: input.length,
      bytes: sent.bytes.length,
      width: 1280,
      height: received.height,
      cropped: true,
    });
    // What was uploaded is kept in the cache, byte for byte, and named by key.
    expect(result.imageUrl).toMatch(/^test-cache:\/\/i\/[0-9a-f]{40}\.jpg$/);
    expect(readFileSync(fileOf(result.imageUrl) ?? '')).toEqual(sent.bytes);
    expect(result).toMatchObject({
      source: 'drop',
      label: 'IMG_0042.jpg',
      quota: { remaining: 4, limit: 5 },
    });
  });

  it('answers every candidate, best first, with likely flags, AniList links and downloaded previews', async () => {
    const { service, fileOf } = await harness();
    const png = await animeFrame({ width: 1280, height: 720, seed: 9 });
    const result = await service.identifyImage(png, { name: 'frame.png', source: 'pick' });
    expect(result.candidates).toHaveLength(5);
    const similarities = result.candidates.map((candidate) => candidate.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const candidate of result.candidates) {
      expect(candidate.likely).toBe(candidate.similarity >= 0.87);
      expect(candidate.link).toBe(`https://anilist.co/anime/${candidate.anilistId}`);
      // Never a remote URL: files in the cache, checked by their bytes.
      expect(candidate.imageUrl).toMatch(/^test-cache:\/\/i\/[0-9a-f]{40}\.jpg$/);
      expect(candidate.videoUrl).toMatch(/^test-cache:\/\/i\/[0-9a-f]{40}\.mp4$/);
      expect(readFileSync(fileOf(candidate.imageUrl) ?? '').subarray(0, 3)).toEqual(
        Buffer.from([0xff, 0xd8, 0xff]),
      );
      expect(fileExists(fileOf(candidate.videoUrl))).toBe(true);
    }
    expect(result.candidates[0]?.likely).toBe(true);
    expect(result.candidates.at(-1)?.likely).toBe(false);
  });

  it('a preview that fails to download is left out, and the identification still answers', async () => {
    const { service, fake } = await harness();
    fake.addFault({ fault: { kind: 'server-error', status: 503 }, path: /\.jpg$/ });
    fake.addFault({ fault: { kind: 'wrong-content-type' }, path: /\.mp4$/, times: 1 });
    const result = await service.identifyImage(await animeFrame({ width: 640, height: 360 }), {
      name: 'x.png',
      source: 'paste',
    });
    expect(result.candidates).toHaveLength(5);
    expect(result.candidates.every((candidate) => candidate.imageUrl === null)).toBe(true);
    // One clip answered an HTML page instead of a video: that one is null, the others are there.
    expect(result.candidates.filter((candidate) => candidate.videoUrl === null)).toHaveLength(1);
  });

  it('answers without the previews a slow media host has not sent within the budget', async () => {
    const { service, fake } = await harness({ previewsBudgetMs: 300 });
    fake.addFault({ fault: { kind: 'slow', ms: 4_000 }, path: /^\/preview\/.*\.mp4$/ });
    const started = Date.now();
    const result = await service.identifyImage(await animeFrame({ width: 640, height: 360 }), {
      name: 'x.png',
      source: 'paste',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.candidates).toHaveLength(5);
    // The stills came in time; the clips were still on their way.
    expect(result.candidates.every((candidate) => candidate.imageUrl !== null)).toBe(true);
    expect(result.candidates.every((candidate) => candidate.videoUrl === null)).toBe(true);
  });

  it('downloads only the stills with the `images` preview policy, nothing with `none`', async () => {
    const images = await harness({ previews: 'images' });
    const stills = await images.service.identifyImage(await animeFrame({ width: 320, height: 180 }), {
      name: 'a.png',
      source: 'drop',
    });
    expect(stills.candidates.every((c) => c.imageUrl !== null && c.videoUrl === null)).toBe(true);
    expect(images.fake.requests.filter((r) => r.path.endsWith('.mp4'))).toHaveLength(0);

    const none = await harness({ previews: 'none' });
    const bare = await none.service.identifyImage(await animeFrame({ width: 320, height: 180 }), {
      name: 'a.png',
      source: 'drop',
    });
    expect(bare.candidates.every((c) => c.imageUrl === null && c.videoUrl === null)).toBe(true);
    expect(none.fake.requests.filter((r) => r.path.startsWith('/preview/'))).toHaveLength(0);
  });

  it('refuses a non-image and anything over 25 MB without a single request', async () => {
    const { service, fake } = await harness();
    const text = await failure(
      service.identifyImage(new TextEncoder().encode('hello'), { name: 'notes.png', source: 'drop' }),
      'invalid_input',
    );
    expect(text.message).toMatch(/notes\.png is not an image/);
    const big = new Uint8Array(MAX_IDENTIFY_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const huge = await failure(
      service.identifyImage(big, { name: 'huge.jpg', source: 'drop' }),
      'invalid_input',
    );
    expect(huge.message).toMatch(/larger|25 MiB/);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    await failure(service.identifyImage(broken, { name: 'broken.jpg', source: 'drop' }), 'invalid_input');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('IdentifyService.identifyUrl', () => {
  const harness = useIdentifyHarness();

  it('lets the service fetch a public http(s) URL', async () => {
    const { service, fake } = await harness();
    const result = await service.identifyUrl('  https://example.com/frame.png ');
    expect(fake.lastSearchUrl()).toBe('https://example.com/frame.png');
    expect(result).toMatchObject({
      source: 'url',
      label: 'https://example.com/frame.png',
      upload: null,
      imageUrl: null,
    });
    expect(result.candidates).toHaveLength(5);
  });

  it.each([
    'ftp://example.com/a.png',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    `https://e.com/${'a'.repeat(2100)}`,
  ])('refuses %s before any request', async (url) => {
    const { service, fake } = await harness();
    const error = await failure(service.identifyUrl(url), 'invalid_input');
    expect(error.message).toMatch(/Only public http\(s\) image URLs/);
    expect(fake.requests).toHaveLength(0);
  });
});
