import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImage, MAX_UPLOAD_EDGE } from '../../../main/core/identify/clean-image';
import { MAX_IDENTIFY_BYTES } from '../../../preload/contract';
import { encodeGif, encodePng } from '../../fakes';
import { animeFrame } from '../../fakes/whatanime-screenshot';
import { failure } from '../sources/helpers';
import { CAMERA_MAKE, hasGpsPointer, withExifAndGps } from './exif-images';

/** The mean luma of a horizontal strip of a JPEG, 0–255. */
async function stripMean(jpeg: Uint8Array, row: 'top' | 'bottom', rows = 4): Promise<number> {
  const image = sharp(jpeg);
  const { width, height } = await image.metadata();
  const top = row === 'top' ? 0 : height - rows;
  const stats = await sharp(jpeg).extract({ left: 0, top, width, height: rows }).greyscale().stats();
  return stats.channels[0]?.mean ?? 0;
}

describe('cleanImage', () => {
  it('crops black letterbox bars (JPEG noise and all) and bounds the long edge', async () => {
    const framed = await animeFrame({ width: 1920, height: 1080, bars: { top: 138, bottom: 138 } });
    const noisy = await sharp(framed).jpeg({ quality: 70 }).toBuffer();
    const { jpeg, upload } = await cleanImage(noisy);
    expect(upload).toMatchObject({ cropped: true, width: MAX_UPLOAD_EDGE, originalBytes: noisy.length });
    // 1920×804 of picture → 1280×536.
    expect(Math.abs(upload.height - 536)).toBeLessThanOrEqual(1);
    expect(await stripMean(jpeg, 'top')).toBeGreaterThan(60);
    expect(await stripMean(jpeg, 'bottom')).toBeGreaterThan(40);
    expect(upload.bytes).toBe(jpeg.byteLength);
  });

  it('crops pillarbox bars', async () => {
    const png = await animeFrame({ width: 1600, height: 900, bars: { left: 200, right: 200 } });
    const { upload } = await cleanImage(png);
    expect(upload).toMatchObject({ cropped: true, width: 1200, height: 900 });
  });

  it('leaves a picture without bars whole, and never enlarges a small one', async () => {
    const png = await animeFrame({ width: 640, height: 360 });
    const { jpeg, upload } = await cleanImage(png);
    expect(upload).toMatchObject({ cropped: false, width: 640, height: 360 });
    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
  });

  it('does not crop a fully black image away', async () => {
    const black = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect((await cleanImage(black)).upload).toMatchObject({ cropped: false, width: 800, height: 450 });
  });

  it('strips EXIF and GPS and applies the EXIF rotation', async () => {
    // Stored sideways (1080 wide, 1920 tall) with orientation 6: shown upright as a 1920×1080 frame.
    const upright = await animeFrame({ width: 1920, height: 1080, bars: { top: 138, bottom: 138 } });
    const sideways = await sharp(upright).rotate(-90).png().toBuffer();
    const input = await withExifAndGps(sideways, 6);
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(CAMERA_MAKE)).toBe(true);
    expect(hasGpsPointer(before.exif)).toBe(true);

    const { jpeg, upload } = await cleanImage(input);
    const after = await sharp(jpeg).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 1280 });
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(Buffer.from(jpeg).includes(CAMERA_MAKE)).toBe(false);
    // Rotated upright first, then the letterbox (now top and bottom) cropped.
    expect(upload).toMatchObject({ cropped: true, width: 1280 });
    expect(Math.abs(upload.height - 536)).toBeLessThanOrEqual(1);
  });

  it('uses the first frame of an animation', async () => {
    // Frame 1 is red with a light square in the middle; frame 2 the reverse.
    const gif = encodeGif(64, 48, [200, 40, 40], [240, 240, 240]);
    const { jpeg, upload } = await cleanImage(gif);
    expect(upload).toMatchObject({ width: 64, height: 48 });
    const { data } = await sharp(jpeg).extract({ left: 0, top: 0, width: 4, height: 4 }).raw().toBuffer({
      resolveWithObject: true,
    });
    expect(data[0]).toBeGreaterThan(170);
    expect(data[1]).toBeLessThan(80);
  });

  it('refuses what is not an image, by its bytes', async () => {
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const error = await failure(cleanImage(text, 'notes.png'), 'invalid_input');
    expect(error.message).toMatch(/notes\.png is not an image/);
    await failure(cleanImage(new Uint8Array(), 'empty.png'), 'invalid_input');
  });

  it('refuses an image that does not decode', async () => {
    const png = encodePng(200, 100, [20, 90, 200]);
    const cut = png.subarray(0, 60); // the signature and header survive, the pixels do not
    const error = await failure(cleanImage(cut, 'cut.png'), 'invalid_input');
    expect(error.message).toMatch(/cut\.png could not be read as an image/);
  });

  it('refuses more than 25 MB before decoding anything', async () => {
    const big = new Uint8Array(MAX_IDENTIFY_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const error = await failure(cleanImage(big, 'huge.png'), 'invalid_input');
    expect(error.message).toMatch(/huge\.png is 25 MiB; screenshots up to 25 MiB/);
  });
});
