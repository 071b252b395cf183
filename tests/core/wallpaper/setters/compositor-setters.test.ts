import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { commandsOnly, failing, recordingRunner, singleMonitor, twoMonitors, type Responder } from './fakes';

function setter(env: Record<string, string>, respond?: Responder) {
  const runner = recordingRunner(respond);
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { WAYLAND_DISPLAY: 'wayland-1', ...env },
    run: runner.run,
    commandExists: commandsOnly('swaymsg', 'hyprctl'),
  });
  return { wallpaper, runner };
}

const SWAY = { SWAYSOCK: '/run/user/1000/sway-ipc.1000.42.sock' };
const HYPRLAND = { HYPRLAND_INSTANCE_SIGNATURE: 'abc_1_2' };

const swayOutputs =
  (outputs: object[]): Responder =>
  (_command, args) =>
    args[0] === '-t' ? { stdout: JSON.stringify(outputs) } : undefined;

describe('sway', () => {
  it('sets every output at once with one monitor', async () => {
    const { wallpaper, runner } = setter(SWAY);
    await wallpaper.set(singleMonitor('/w/one.png'));
    expect(runner.calls.map(({ command, args }) => [command, ...args])).toEqual([
      ['swaymsg', 'output', '*', 'bg', '"/w/one.png"', 'fill'],
    ]);
  });

  it('gives each output its own monitor’s image, by name', async () => {
    const { wallpaper, runner } = setter(
      SWAY,
      swayOutputs([
        { name: 'HDMI-1', active: true, rect: { x: 1280, y: 0, width: 960, height: 540 } },
        { name: 'DP-1', active: true, rect: { x: 0, y: 0, width: 1280, height: 720 } },
        { name: 'DP-2', active: false, rect: { x: 0, y: 0, width: 0, height: 0 } },
      ]),
    );
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'swaymsg -t get_outputs -r',
      'swaymsg output HDMI-1 bg "/cache/wall/hdmi.png" fill',
      'swaymsg output DP-1 bg "/cache/wall/dp.png" fill',
    ]);
  });

  it('pairs outputs by position when the names differ, and by order when scaling moved them', async () => {
    const byPosition = setter(
      SWAY,
      swayOutputs([
        { name: 'eDP-1', rect: { x: 0, y: 0 } },
        { name: 'DP-3', rect: { x: 2560, y: 0 } },
      ]),
    );
    await byPosition.wallpaper.set(twoMonitors());
    const scaled = setter(
      SWAY,
      swayOutputs([
        { name: 'DP-3', rect: { x: 1280, y: 0 } },
        { name: 'eDP-1', rect: { x: 0, y: 0 } },
      ]),
    );
    await scaled.wallpaper.set(twoMonitors());
    const expected = [
      'swaymsg -t get_outputs -r',
      'swaymsg output eDP-1 bg "/cache/wall/dp.png" fill',
      'swaymsg output DP-3 bg "/cache/wall/hdmi.png" fill',
    ];
    expect(byPosition.runner.lines()).toEqual(expected);
    expect(scaled.runner.lines().sort()).toEqual([...expected].sort());
  });

  it('shows the primary monitor’s whole image everywhere when outputs cannot be paired', async () => {
    const { wallpaper, runner } = setter(SWAY, swayOutputs([{ name: 'X-1', rect: { x: 7, y: 7 } }]));
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'swaymsg -t get_outputs -r',
      'swaymsg output * bg "/cache/wall/dp.png" fill',
    ]);
  });

  it('reports sway’s error', async () => {
    const { wallpaper } = setter(SWAY, () => {
      throw failing('swaymsg', 2, 'Error: Background file unreadable (/w/one.png).');
    });
    await expect(wallpaper.set(singleMonitor('/w/one.png'))).rejects.toThrow(
      'Could not set the sway wallpaper: swaymsg failed: Error: Background file unreadable (/w/one.png).',
    );
  });

  it('reports an output list it cannot read', async () => {
    const { wallpaper } = setter(SWAY, () => ({ stdout: 'not json' }));
    await expect(wallpaper.set(twoMonitors())).rejects.toThrow(
      'Could not set the sway wallpaper: swaymsg -t get_outputs answered something that is not a list of outputs.',
    );
  });
});

describe('Hyprland (hyprpaper)', () => {
  const ok: Responder = () => ({ stdout: 'ok\n' });

  it('preloads, shows on every monitor, then unloads unused images', async () => {
    const { wallpaper, runner } = setter(HYPRLAND, ok);
    await wallpaper.set(singleMonitor('/w/one two.png'));
    expect(runner.calls.map(({ command, args }) => [command, ...args])).toEqual([
      ['hyprctl', 'hyprpaper', 'preload', '/w/one two.png'],
      ['hyprctl', 'hyprpaper', 'wallpaper', ',/w/one two.png'],
      ['hyprctl', 'hyprpaper', 'unload', 'unused'],
    ]);
  });

  it('sets each monitor by name when Hyprland lists them', async () => {
    const { wallpaper, runner } = setter(HYPRLAND, (_command, args) =>
      args[0] === 'monitors'
        ? {
            stdout: JSON.stringify([
              { id: 0, name: 'DP-1', x: 0, y: 0 },
              { id: 1, name: 'HDMI-A-1', x: 2560, y: 0 },
            ]),
          }
        : { stdout: 'ok' },
    );
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'hyprctl monitors -j',
      'hyprctl hyprpaper preload /cache/wall/dp.png',
      'hyprctl hyprpaper preload /cache/wall/hdmi.png',
      'hyprctl hyprpaper wallpaper DP-1,/cache/wall/dp.png',
      'hyprctl hyprpaper wallpaper HDMI-A-1,/cache/wall/hdmi.png',
      'hyprctl hyprpaper unload unused',
    ]);
  });

  it('treats any answer but "ok" as hyprpaper’s error (hyprctl itself exits 0)', async () => {
    const { wallpaper } = setter(HYPRLAND, () => ({ stdout: 'wallpaper failed (not preloaded)\n' }));
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the Hyprland wallpaper: hyprctl failed: wallpaper failed (not preloaded)',
    );
  });

  it('refuses a path hyprpaper would cut at "#" or a line break, before running anything', async () => {
    const { wallpaper, runner } = setter(HYPRLAND, ok);
    await expect(wallpaper.set(singleMonitor('/w/#1.png'))).rejects.toThrow(
      /contains "#" or a control character/,
    );
    await expect(wallpaper.set(singleMonitor('/w/a\nb.png'))).rejects.toThrow(/control character/);
    expect(runner.calls).toEqual([]);
  });
});
