import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../main/core/wallpaper/setters/command-runner';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { commandsOnly, failing, recordingRunner, singleMonitor, twoMonitors, type Responder } from './fakes';

const LISTED = [
  '/backdrop/screen0/monitor0/image-path',
  '/backdrop/screen0/monitor0/workspace0/color-style',
  '/backdrop/screen0/monitor0/workspace0/image-style',
  '/backdrop/screen0/monitor0/workspace0/last-image',
  '/backdrop/screen0/monitor0/workspace1/last-image',
  '/backdrop/screen0/monitorHDMI-1/workspace0/image-style',
  '/backdrop/screen0/monitorHDMI-1/workspace0/last-image',
  '/backdrop/screen0/monitoreDP-1/last-image',
  '/backdrop/single-workspace-mode',
  '/desktop-icons/style',
].join('\n');

function xfce(respond: Responder) {
  const runner = recordingRunner(respond);
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0' },
    run: runner.run,
    commandExists: commandsOnly('xfconf-query'),
  });
  return { wallpaper, runner };
}

const listing: Responder = (_command, args) => (args.includes('-l') ? { stdout: `${LISTED}\n` } : undefined);

describe('XFCE', () => {
  it('lists the properties, then sets every monitor’s and workspace’s last-image and image-style', async () => {
    const { wallpaper, runner } = xfce(listing);
    await wallpaper.set(twoMonitors());
    const p = '/backdrop/screen0';
    expect(runner.lines()).toEqual([
      'xfconf-query -c xfce4-desktop -l',
      `xfconf-query -c xfce4-desktop -p ${p}/monitor0/workspace0/image-style -s 6`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitor0/workspace0/last-image -s /cache/wall/span.png`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitor0/workspace1/image-style -n -t int -s 6`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitor0/workspace1/last-image -s /cache/wall/span.png`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitorHDMI-1/workspace0/image-style -s 6`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitorHDMI-1/workspace0/last-image -s /cache/wall/span.png`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitoreDP-1/image-style -n -t int -s 6`,
      `xfconf-query -c xfce4-desktop -p ${p}/monitoreDP-1/last-image -s /cache/wall/span.png`,
    ]);
  });

  it('zooms (style 5) with one monitor', async () => {
    const { wallpaper, runner } = xfce(listing);
    await wallpaper.set(singleMonitor('/w/one.png'));
    expect(runner.calls.filter(({ args }) => args.includes('-s')).map(({ args }) => args.at(-1))).toEqual([
      '5',
      '/w/one.png',
      '5',
      '/w/one.png',
      '5',
      '/w/one.png',
      '5',
      '/w/one.png',
    ]);
  });

  it('says what to do when xfdesktop has created no wallpaper property yet', async () => {
    const { wallpaper } = xfce(() => {
      throw new CommandError('xfconf-query', 'exit', {
        exitCode: 1,
        stderr: 'Channel "xfce4-desktop" contains no properties\n',
      });
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      /^Could not set the XFCE wallpaper: xfconf-query lists no \/backdrop\/…\/last-image property yet\. Open Desktop settings/,
    );
  });

  it('reports a failing xfconf-query with its stderr', async () => {
    const { wallpaper } = xfce(() => {
      throw failing(
        'xfconf-query',
        1,
        'Failed to init libxfconf: Could not connect: No such file or directory.',
      );
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the XFCE wallpaper: xfconf-query failed: Failed to init libxfconf: Could not connect: No such file or directory.',
    );
  });
});
