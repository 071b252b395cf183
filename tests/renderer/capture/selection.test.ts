/** The capture overlay's rectangle arithmetic: inside the screen, and converted to screenshot pixels. */
import { describe, expect, it } from 'vitest';
import {
  centeredRect,
  contains,
  isDrag,
  moveRect,
  rectFromPoints,
  resizeRect,
  toImageRegion,
} from '../../../renderer/src/capture/selection';

const SCREEN = { width: 1000, height: 500 };

describe('the capture selection', () => {
  it('spans two corners in any order, cut to the screen', () => {
    expect(rectFromPoints({ x: 300, y: 200 }, { x: 100, y: 50 }, SCREEN)).toEqual({
      x: 100,
      y: 50,
      width: 200,
      height: 150,
    });
    expect(rectFromPoints({ x: -20, y: 450 }, { x: 40, y: 900 }, SCREEN)).toEqual({
      x: 0,
      y: 450,
      width: 40,
      height: 50,
    });
  });

  it('tells a drag from a click', () => {
    expect(isDrag({ x: 10, y: 10 }, { x: 12, y: 13 })).toBe(false);
    expect(isDrag({ x: 10, y: 10 }, { x: 10, y: 14 })).toBe(true);
  });

  it('moves and resizes without leaving the screen or vanishing', () => {
    const rect = { x: 900, y: 0, width: 80, height: 40 };
    expect(moveRect(rect, 50, -10, SCREEN)).toEqual({ x: 920, y: 0, width: 80, height: 40 });
    expect(resizeRect(rect, 500, -100, SCREEN)).toEqual({ x: 900, y: 0, width: 100, height: 1 });
    expect(centeredRect(SCREEN)).toEqual({ x: 250, y: 125, width: 500, height: 250 });
  });

  it('converts to screenshot pixels with shared, rounded edges, at least one pixel inside the image', () => {
    const image = { width: 1500, height: 750 };
    expect(toImageRegion({ x: 1, y: 1, width: 1, height: 1 }, SCREEN, image)).toEqual({
      x: 2,
      y: 2,
      width: 1,
      height: 1,
    });
    expect(toImageRegion({ x: 999.9, y: 0, width: 0.1, height: 500 }, SCREEN, image)).toEqual({
      x: 1499,
      y: 0,
      width: 1,
      height: 750,
    });
  });

  it('tells a point on or inside the rectangle from one outside', () => {
    const rect = { x: 10, y: 20, width: 30, height: 40 };
    for (const point of [
      { x: 10, y: 20 },
      { x: 25, y: 40 },
      { x: 40, y: 60 },
    ])
      expect(contains(rect, point), JSON.stringify(point)).toBe(true);
    for (const point of [
      { x: 9, y: 40 },
      { x: 41, y: 40 },
      { x: 25, y: 19 },
      { x: 25, y: 61 },
    ])
      expect(contains(rect, point), JSON.stringify(point)).toBe(false);
  });
});
