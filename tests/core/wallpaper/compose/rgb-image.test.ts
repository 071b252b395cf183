import { describe, expect, it } from 'vitest';
import { blankRgb, blit, type RgbImage } from '../../../../main/core/wallpaper/compose/rgb-image';

function filled(width: number, height: number, value: number): RgbImage {
  return { data: Buffer.alloc(width * height * 3, value), width, height };
}

function rows(image: RgbImage): string[] {
  const out: string[] = [];
  for (let y = 0; y < image.height; y += 1) {
    let row = '';
    for (let x = 0; x < image.width; x += 1) row += String(image.data[(y * image.width + x) * 3]);
    out.push(row);
  }
  return out;
}

describe('blit', () => {
  it('copies a rectangle into place', () => {
    const target = blankRgb({ width: 5, height: 4 });
    blit(target, filled(2, 2, 7), 1, 1);
    expect(rows(target)).toEqual(['00000', '07700', '07700', '00000']);
  });

  it('clips whatever falls outside, on every side', () => {
    const target = blankRgb({ width: 4, height: 3 });
    blit(target, filled(3, 2, 1), -1, -1);
    blit(target, filled(3, 3, 2), 2, 1);
    blit(target, filled(2, 2, 3), 10, 10);
    expect(rows(target)).toEqual(['1100', '0022', '0022']);
  });
});
