import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropImage } from '../../../main/core/identify';
import { failure } from '../sources/helpers';

/** A 200×100 PNG: left half red, right half blue. */
function halves(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
    .composite([
      {
        input: { create: { width: 100, height: 100, channels: 3, background: '#0000ff' } },
        left: 100,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

describe('cropImage', () => {
  it('answers the region as a lossless PNG', async () => {
    const png = await cropImage(await halves(), { x: 110, y: 10, width: 50, height: 40 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ format: 'raw', width: 50, height: 40 });
    expect([...data.subarray(0, 3)]).toEqual([0, 0, 255]);
    expect((await sharp(png).metadata()).format).toBe('png');
  });

  it('clips a region that runs off the image', async () => {
    const png = await cropImage(await halves(), { x: 150, y: 80, width: 500, height: 500 });
    expect(await sharp(png).metadata()).toMatchObject({ width: 50, height: 20 });
  });

  it('refuses a region wholly outside the image, and what is not an image', async () => {
    const error = await failure(
      cropImage(await halves(), { x: 300, y: 0, width: 10, height: 10 }),
      'invalid_input',
    );
    expect(error.message).toMatch(/outside the 200×100 screenshot/);
    await failure(
      cropImage(new TextEncoder().encode('nope'), { x: 0, y: 0, width: 1, height: 1 }),
      'invalid_input',
    );
  });
});
