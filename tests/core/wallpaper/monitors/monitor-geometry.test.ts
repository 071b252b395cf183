import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../../main/core/errors';
import { fromElectronDisplays } from '../../../../main/core/wallpaper/monitors/electron-displays';
import { virtualDesktop } from '../../../../main/core/wallpaper/monitors/virtual-desktop';

describe('fromElectronDisplays', () => {
  it('converts device-independent bounds to physical pixels and marks the primary', () => {
    const displays = [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 2, label: 'Built-in' },
      { id: 2, bounds: { x: -1280, y: -100, width: 1280, height: 720 }, scaleFactor: 1.5 },
      { id: 3, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, scaleFactor: 0 },
    ];
    expect(fromElectronDisplays(displays, 1)).toEqual([
      { id: '1', x: 0, y: 0, width: 3840, height: 2160, primary: true },
      { id: '2', x: -1920, y: -150, width: 1920, height: 1080 },
      { id: '3', x: 1920, y: 0, width: 1280, height: 1024 },
    ]);
  });
});

describe('virtualDesktop', () => {
  it('is the bounding box of the monitors, origin included', () => {
    expect(
      virtualDesktop([
        { id: 'a', x: 0, y: 0, width: 1920, height: 1080 },
        { id: 'b', x: 1920, y: 0, width: 1280, height: 1024 },
      ]),
    ).toEqual({ x: 0, y: 0, width: 3200, height: 1080 });
  });

  it('handles negative positions', () => {
    expect(
      virtualDesktop([
        { id: 'left', x: -1280, y: -200, width: 1280, height: 1024 },
        { id: 'main', x: 0, y: 0, width: 1920, height: 1080 },
        { id: 'below', x: 0, y: 1080, width: 1920, height: 1080 },
      ]),
    ).toEqual({ x: -1280, y: -200, width: 3200, height: 2360 });
  });

  it('refuses an empty layout', () => {
    expect(() => virtualDesktop([])).toThrow(NekodeskError);
  });
});
