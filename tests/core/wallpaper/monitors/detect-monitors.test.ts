import { describe, expect, it, vi } from 'vitest';
import { NekodeskError } from '../../../../main/core/errors';
import { detectMonitors, type CommandRunner } from '../../../../main/core/wallpaper/monitors/detect-monitors';

const XRANDR = [
  'Screen 0: minimum 8 x 8, current 3200 x 1080, maximum 32767 x 32767',
  'DP-1 connected primary 1920x1080+0+0 (normal left inverted right x axis y axis) 527mm x 296mm',
  '   1920x1080     60.00*+',
  'HDMI-1 connected 1280x1024+1920+0 (normal left inverted right x axis y axis) 376mm x 301mm',
  '   1280x1024     60.02*+',
].join('\n');

function runner(stdout: string): CommandRunner {
  return vi.fn<CommandRunner>(() => Promise.resolve({ stdout }));
}

async function rejection(promise: Promise<unknown>): Promise<NekodeskError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NekodeskError);
  return error as NekodeskError;
}

describe('detectMonitors', () => {
  it('prefers the monitors from settings and does not run xrandr', async () => {
    const run = runner(XRANDR);
    const settingsMonitors = [{ id: 'only', x: -100, y: 0, width: 2560, height: 1440 }];
    expect(await detectMonitors({ run, settingsMonitors })).toEqual(settingsMonitors);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs xrandr --query when settings have no layout', async () => {
    for (const settingsMonitors of [null, undefined, []]) {
      const run = runner(XRANDR);
      expect(await detectMonitors({ run, settingsMonitors })).toEqual([
        { id: 'DP-1', x: 0, y: 0, width: 1920, height: 1080, primary: true },
        { id: 'HDMI-1', x: 1920, y: 0, width: 1280, height: 1024 },
      ]);
      expect(run).toHaveBeenCalledWith('xrandr', ['--query']);
    }
  });

  it('says to set wallpaper.monitors when xrandr cannot run', async () => {
    const run = vi.fn<CommandRunner>(() => Promise.reject(new Error('spawn xrandr ENOENT')));
    const error = await rejection(detectMonitors({ run, settingsMonitors: null }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('spawn xrandr ENOENT');
    expect(error.message).toContain('Set wallpaper.monitors in settings');
  });

  it('says to set wallpaper.monitors when xrandr lists no active monitor', async () => {
    const error = await rejection(detectMonitors({ run: runner("Can't open display\n") }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('Set wallpaper.monitors in settings');
  });

  it('says to set wallpaper.monitors when there is no way to ask the system', async () => {
    const error = await rejection(detectMonitors({ settingsMonitors: null }));
    expect(error.message).toContain('Set wallpaper.monitors in settings');
  });
});
