import { describe, expect, it } from 'vitest';
import { parseXrandr } from '../../../../main/core/wallpaper/monitors/parse-xrandr';

/** Three active outputs (one rotated, one primary), one disconnected, one connected but off, and noise. */
const THREE_MONITORS = [
  'Screen 0: minimum 8 x 8, current 5520 x 1920, maximum 32767 x 32767',
  'DP-0 disconnected (normal left inverted right x axis y axis)',
  'DP-1 connected primary 2560x1440+1920+240 (normal left inverted right x axis y axis) 597mm x 336mm',
  '   2560x1440     59.95*+ 143.97   119.88  ',
  '   1920x1080     60.00    59.94    50.00  ',
  'HDMI-0 connected 1920x1080+0+480 (normal left inverted right x axis y axis) 527mm x 296mm',
  '   1920x1080     60.00*+  59.94    50.00  ',
  '\tDP-2   connected   1080x1920+4480+0   left (normal left inverted right x axis y axis) 527mm x 296mm  ',
  '   1920x1080     60.00 +',
  'DP-3 connected (normal left inverted right x axis y axis)',
  '   1920x1080     60.00 +',
  'USB-C-0 disconnected 1920x1080+0+0 (normal left inverted right x axis y axis) 0mm x 0mm',
  '*** something unexpected: connected 12x12+0+0 ***',
  '',
].join('\r\n');

describe('parseXrandr', () => {
  it('lists the connected outputs that have a mode, left to right, with the primary marked', () => {
    expect(parseXrandr(THREE_MONITORS)).toEqual([
      { id: 'HDMI-0', x: 0, y: 480, width: 1920, height: 1080 },
      { id: 'DP-1', x: 1920, y: 240, width: 2560, height: 1440, primary: true },
      { id: 'DP-2', x: 4480, y: 0, width: 1080, height: 1920 },
    ]);
  });

  it('reads a laptop with its lid screen only', () => {
    const text = [
      'Screen 0: minimum 320 x 200, current 1920 x 1200, maximum 16384 x 16384',
      'eDP-1 connected primary 1920x1200+0+0 (normal left inverted right x axis y axis) 302mm x 189mm',
      '   1920x1200     60.00*+  59.88',
      'HDMI-1 disconnected (normal left inverted right x axis y axis)',
    ].join('\n');
    expect(parseXrandr(text)).toEqual([
      { id: 'eDP-1', x: 0, y: 0, width: 1920, height: 1200, primary: true },
    ]);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(parseXrandr('')).toEqual([]);
    expect(parseXrandr("Can't open display :0\n")).toEqual([]);
    expect(parseXrandr('Screen 0: minimum 8 x 8\nVGA-0 connected\n')).toEqual([]);
  });
});
