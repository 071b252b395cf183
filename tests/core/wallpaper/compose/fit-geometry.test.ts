import { describe, expect, it } from 'vitest';
import { centerBox, containBox, fillCrop } from '../../../../main/core/wallpaper/compose/fit-geometry';
import { resolveFitMode } from '../../../../main/core/wallpaper/compose/fit-mode';

describe('fillCrop', () => {
  it('crops a portrait artwork a third of the way down, so two thirds of the loss is at the bottom', () => {
    const crop = fillCrop({ width: 600, height: 1200 }, { width: 1920, height: 1080 });
    expect(crop.width).toBe(600);
    expect(crop.height).toBe(338);
    expect(crop.left).toBe(0);
    const lostAbove = crop.top;
    const lostBelow = 1200 - crop.top - crop.height;
    expect(lostAbove).toBe(287);
    expect(lostBelow).toBeCloseTo(2 * lostAbove, -1);
  });

  it('crops a wide artwork evenly at the sides', () => {
    expect(fillCrop({ width: 4000, height: 1000 }, { width: 1920, height: 1080 })).toEqual({
      left: 1111,
      top: 0,
      width: 1778,
      height: 1000,
    });
  });

  it('keeps everything when the aspect ratios match', () => {
    expect(fillCrop({ width: 3840, height: 2160 }, { width: 1920, height: 1080 })).toEqual({
      left: 0,
      top: 0,
      width: 3840,
      height: 2160,
    });
  });
});

describe('containBox and centerBox', () => {
  it('contains and centres', () => {
    expect(containBox({ width: 600, height: 1200 }, { width: 1920, height: 1080 })).toEqual({
      left: 690,
      top: 0,
      width: 540,
      height: 1080,
    });
  });

  it('centers a small image at its own size and contains a large one', () => {
    expect(centerBox({ width: 400, height: 300 }, { width: 1920, height: 1080 })).toEqual({
      left: 760,
      top: 390,
      width: 400,
      height: 300,
    });
    expect(centerBox({ width: 3840, height: 1080 }, { width: 1920, height: 1080 })).toEqual({
      left: 0,
      top: 270,
      width: 1920,
      height: 540,
    });
  });
});

describe('resolveFitMode', () => {
  it('fills when orientations match and fits over a blur when they differ', () => {
    expect(resolveFitMode('auto', 1600, 900, 1920, 1080)).toBe('fill');
    expect(resolveFitMode('auto', 900, 1600, 1080, 1920)).toBe('fill');
    expect(resolveFitMode('auto', 600, 1200, 1920, 1080)).toBe('fit-blur');
    expect(resolveFitMode('auto', 1920, 1080, 1080, 1920)).toBe('fit-blur');
  });

  it('treats a square artwork as its own orientation', () => {
    expect(resolveFitMode('auto', 1000, 1000, 1920, 1080)).toBe('fit-blur');
    expect(resolveFitMode('auto', 1000, 1000, 1024, 1024)).toBe('fill');
  });

  it('passes explicit modes through', () => {
    for (const mode of ['fill', 'fit-blur', 'fit-color', 'center'] as const) {
      expect(resolveFitMode(mode, 600, 1200, 1920, 1080)).toBe(mode);
    }
  });
});
