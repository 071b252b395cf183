import { describe, expect, it } from 'vitest';
import { findPictureBox } from '../../../main/core/identify/letterbox';

/** A greyscale image: `fill(x, y)` gives each pixel's level. */
function grey(width: number, height: number, fill: (x: number, y: number) => number): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = fill(x, y);
  return pixels;
}

/** A textured picture (never near black) inside the given bars; bar pixels carry JPEG-like noise (0–20). */
function framed(
  width: number,
  height: number,
  bars: { top: number; bottom: number; left: number; right: number },
) {
  return grey(width, height, (x, y) => {
    const inside = y >= bars.top && y < height - bars.bottom && x >= bars.left && x < width - bars.right;
    return inside ? 60 + ((x * 7 + y * 13) % 150) : (x * 31 + y * 17) % 21;
  });
}

describe('findPictureBox', () => {
  it('finds a letterboxed picture despite noise in the bars', () => {
    expect(findPictureBox(framed(320, 180, { top: 22, bottom: 22, left: 0, right: 0 }), 320, 180)).toEqual({
      left: 0,
      top: 22,
      width: 320,
      height: 136,
    });
  });

  it('finds a pillarboxed and a windowboxed picture', () => {
    expect(findPictureBox(framed(320, 180, { top: 0, bottom: 0, left: 40, right: 40 }), 320, 180)).toEqual({
      left: 40,
      top: 0,
      width: 240,
      height: 180,
    });
    expect(findPictureBox(framed(320, 180, { top: 10, bottom: 14, left: 30, right: 26 }), 320, 180)).toEqual({
      left: 30,
      top: 10,
      width: 264,
      height: 156,
    });
  });

  it('crops a bar with a burnt-in subtitle line in it', () => {
    const height = 200;
    const pixels = framed(320, height, { top: 30, bottom: 30, left: 0, right: 0 });
    // White subtitle strokes over a third of rows 180–187 (inside the bottom bar).
    for (let y = 180; y < 188; y++)
      for (let x = 100; x < 210; x += 1) if (x % 3 === 0) pixels[y * 320 + x] = 250;
    expect(findPictureBox(pixels, 320, height)).toMatchObject({ top: 30, height: 140 });
  });

  it('leaves a picture without bars, or with only a hairline dark edge, alone', () => {
    expect(findPictureBox(framed(320, 180, { top: 0, bottom: 0, left: 0, right: 0 }), 320, 180)).toBeNull();
    expect(findPictureBox(framed(320, 180, { top: 1, bottom: 1, left: 0, right: 0 }), 320, 180)).toBeNull();
  });

  it('never crops a wholly dark image away, nor a dark frame down to a sliver of text', () => {
    expect(
      findPictureBox(
        grey(200, 100, () => 5),
        200,
        100,
      ),
    ).toBeNull();
    // A fade to black with one small bright caption in the middle.
    const caption = grey(200, 100, (x, y) => (y >= 48 && y < 52 && x >= 90 && x < 110 ? 240 : 3));
    expect(findPictureBox(caption, 200, 100)).toBeNull();
  });

  it('keeps a dark scene whose edges are not uniform bars', () => {
    // A night sky: mostly dark but with stars on every row, so no row is nearly all black.
    const night = grey(200, 100, (x, y) => ((x + y * 7) % 20 === 0 ? 200 : 12));
    expect(findPictureBox(night, 200, 100)).toBeNull();
  });
});
