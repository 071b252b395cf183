import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import type { CommandExists } from '../../../../main/core/wallpaper/setters/command-exists';
import { commandsOnly, failing, recordingRunner, singleMonitor, twoMonitors, type Responder } from './fakes';

function x11(commandExists: CommandExists, respond?: Responder) {
  const runner = recordingRunner(respond);
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'i3' },
    run: runner.run,
    commandExists,
  });
  return { wallpaper, runner };
}

describe('other X11 window managers', () => {
  it('fills the root window with feh, writing no ~/.fehbg', async () => {
    const { wallpaper, runner } = x11(commandsOnly('feh', 'nitrogen'));
    expect(wallpaper.desktop).toBe('x11-generic');
    await wallpaper.set(singleMonitor('/w/one.png'));
    expect(runner.lines()).toEqual(['feh --no-fehbg --bg-fill /w/one.png']);
  });

  it('spans one image over the whole root with --no-xinerama on several monitors', async () => {
    const { wallpaper, runner } = x11(commandsOnly('feh'));
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual(['feh --no-fehbg --bg-fill --no-xinerama /cache/wall/span.png']);
  });

  it('uses nitrogen when feh is missing: one head per monitor, primary first', async () => {
    const { wallpaper, runner } = x11(commandsOnly('nitrogen'));
    await wallpaper.set(singleMonitor('/w/one.png'));
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'nitrogen --set-zoom-fill /w/one.png',
      'nitrogen --head=0 --set-zoom-fill /cache/wall/dp.png',
      'nitrogen --head=1 --set-zoom-fill /cache/wall/hdmi.png',
    ]);
  });

  it('says what to install when neither feh nor nitrogen is there', async () => {
    const { wallpaper, runner } = x11(commandsOnly());
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the X11 wallpaper: neither feh nor nitrogen was found. Install feh (or nitrogen).',
    );
    expect(runner.calls).toEqual([]);
  });

  it('reports feh’s complaint', async () => {
    const { wallpaper } = x11(commandsOnly('feh'), () => {
      throw failing(
        'feh',
        2,
        'feh WARNING: /w/one.png does not exist - skipping\nfeh: No loadable images specified.',
      );
    });
    await expect(wallpaper.set(singleMonitor('/w/one.png'))).rejects.toThrow(
      'Could not set the X11 wallpaper: feh failed: feh WARNING: /w/one.png does not exist - skipping',
    );
  });
});
