/** The XWD reader used by the X11 test, on hand-made files (both pixel byte orders, 24 and 32 bits). */
import { describe, expect, it } from 'vitest';
import { parseXwd, parseXwdHeader } from '../../../support/xwd';

interface Fake {
  bitsPerPixel: 24 | 32;
  byteOrder: 0 | 1;
  ncolors?: number;
  /** Row-major [r, g, b] pixels. */
  pixels: [number, number, number][][];
}

function makeXwd({ bitsPerPixel, byteOrder, ncolors = 2, pixels }: Fake): Buffer {
  const height = pixels.length;
  const width = pixels[0]?.length ?? 0;
  const bytesPerPixel = bitsPerPixel / 8;
  const bytesPerLine = Math.ceil((width * bytesPerPixel) / 4) * 4 + 4; // padded, plus slack
  const name = Buffer.from('xwdump\0\0', 'latin1');
  const headerSize = 100 + name.length;
  const fields = [
    headerSize,
    7,
    2,
    24,
    width,
    height,
    0,
    byteOrder,
    32,
    byteOrder,
    32,
    bitsPerPixel,
    bytesPerLine,
    4,
    0xff0000,
    0x00ff00,
    0x0000ff,
    8,
    256,
    ncolors,
    width,
    height,
    0,
    0,
    0,
  ];
  const header = Buffer.alloc(100);
  fields.forEach((value, index) => header.writeUInt32BE(value, index * 4));
  const colors = Buffer.alloc(ncolors * 12, 0xab);
  const image = Buffer.alloc(bytesPerLine * height, 0xee);
  pixels.forEach((row, y) => {
    row.forEach(([r, g, b], x) => {
      const value = (r << 16) | (g << 8) | b;
      for (let byte = 0; byte < bytesPerPixel; byte++) {
        const shift = byteOrder === 0 ? byte : bytesPerPixel - 1 - byte;
        image[y * bytesPerLine + x * bytesPerPixel + byte] = (value >>> (8 * shift)) & 0xff;
      }
    });
  });
  return Buffer.concat([header, name, colors, image]);
}

const PIXELS: [number, number, number][][] = [
  [
    [255, 0, 0],
    [0, 255, 0],
    [0, 0, 255],
  ],
  [
    [1, 2, 3],
    [200, 100, 50],
    [255, 255, 255],
  ],
];

describe('XWD reader', () => {
  it.each([
    [32, 0],
    [32, 1],
    [24, 0],
    [24, 1],
  ] as const)('reads %i-bit pixels in byte order %i', (bitsPerPixel, byteOrder) => {
    const shot = parseXwd(makeXwd({ bitsPerPixel, byteOrder, pixels: PIXELS }));
    expect([shot.width, shot.height]).toEqual([3, 2]);
    for (const [y, row] of PIXELS.entries())
      for (const [x, rgb] of row.entries()) expect(shot.pixel(x, y)).toEqual(rgb);
  });

  it('reads the header fields', () => {
    const header = parseXwdHeader(makeXwd({ bitsPerPixel: 32, byteOrder: 0, ncolors: 5, pixels: PIXELS }));
    expect(header).toMatchObject({
      headerSize: 108,
      fileVersion: 7,
      pixmapWidth: 3,
      ncolors: 5,
      redMask: 0xff0000,
    });
  });

  it('refuses what it cannot read', () => {
    const good = makeXwd({ bitsPerPixel: 32, byteOrder: 0, pixels: PIXELS });
    const wrongVersion = Buffer.from(good);
    wrongVersion.writeUInt32BE(6, 4);
    expect(() => parseXwd(wrongVersion)).toThrow('file version 6');
    expect(() => parseXwd(good.subarray(0, good.length - 10))).toThrow('truncated');
    expect(() => parseXwd(good.subarray(0, 40))).toThrow('shorter than its header');
    expect(() => parseXwd(good).pixel(3, 0)).toThrow(RangeError);
  });
});
