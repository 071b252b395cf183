import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { plasmaWallpaperScript } from '../../../../main/core/wallpaper/setters/kde-script';
import type { ComposedWallpaper } from '../../../../main/core/wallpaper/types';
import {
  commandsOnly,
  failing,
  HOSTILE_FILE,
  recordingRunner,
  singleMonitor,
  twoMonitors,
  type Responder,
} from './fakes';
import type { CommandExists } from '../../../../main/core/wallpaper/setters/command-exists';

function kde(commandExists: CommandExists, respond?: Responder) {
  const runner = recordingRunner(respond);
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { XDG_CURRENT_DESKTOP: 'KDE', WAYLAND_DISPLAY: 'wayland-0' },
    run: runner.run,
    commandExists,
  });
  return { wallpaper, runner };
}

interface FakeDesktop {
  screen: number;
  wallpaperPlugin?: string;
  currentConfigGroup?: string[];
  config: Record<string, unknown>;
  writeConfig(key: string, value: unknown): void;
}

/** Runs a Plasma script against a fake shell: screens at `geometry`, one desktop per screen plus one off-screen. */
function runPlasmaScript(script: string, geometry: { x: number; y: number }[]): FakeDesktop[] {
  const desktops = [...geometry.keys(), -1].map((screen) => {
    const desktop: FakeDesktop = {
      screen,
      config: {},
      writeConfig(key, value) {
        desktop.config[`${(desktop.currentConfigGroup ?? []).join('/')}/${key}`] = value;
      },
    };
    return desktop;
  });
  runInNewContext(script, {
    screenCount: geometry.length,
    screenGeometry: (screen: number) => ({ ...geometry[screen], width: 100, height: 100 }),
    desktops: () => desktops,
  });
  return desktops;
}

const IMAGE = 'Wallpaper/org.kde.image/General/Image';

describe('KDE Plasma', () => {
  it('evaluates a script in plasmashell through qdbus', async () => {
    const { wallpaper, runner } = kde(commandsOnly('qdbus', 'gdbus'));
    await wallpaper.set(singleMonitor());
    expect(runner.calls).toHaveLength(1);
    const [call] = runner.calls;
    expect(call?.command).toBe('qdbus');
    expect(call?.args.slice(0, 3)).toEqual([
      'org.kde.plasmashell',
      '/PlasmaShell',
      'org.kde.PlasmaShell.evaluateScript',
    ]);
    expect(call?.args[3]).toBe(plasmaWallpaperScript(singleMonitor()));
  });

  it('uses qdbus6 when that is the name Plasma 6 installed', async () => {
    const { wallpaper, runner } = kde(commandsOnly('qdbus6'));
    await wallpaper.set(singleMonitor());
    expect(runner.calls[0]?.command).toBe('qdbus6');
  });

  it('falls back to gdbus, passing the script as GVariant text', async () => {
    const { wallpaper, runner } = kde(commandsOnly('gdbus'));
    await wallpaper.set(singleMonitor());
    const args = runner.calls[0]?.args ?? [];
    expect(runner.calls[0]?.command).toBe('gdbus');
    expect(args.slice(0, -1)).toEqual([
      'call',
      '--session',
      '--dest',
      'org.kde.plasmashell',
      '--object-path',
      '/PlasmaShell',
      '--method',
      'org.kde.PlasmaShell.evaluateScript',
    ]);
    const script = plasmaWallpaperScript(singleMonitor());
    expect(args.at(-1)).toBe(`'${script.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`);
  });

  it('names both tools when neither qdbus nor gdbus is installed', async () => {
    const { wallpaper } = kde(commandsOnly());
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      /^Could not set the KDE Plasma wallpaper: neither qdbus nor gdbus was found\. Install qdbus-qt6/,
    );
  });

  it('reports plasmashell’s refusal', async () => {
    const { wallpaper } = kde(commandsOnly('qdbus'), () => {
      throw failing(
        'qdbus',
        2,
        'Error: org.freedesktop.DBus.Error.ServiceUnknown\nThe name org.kde.plasmashell was not provided',
      );
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the KDE Plasma wallpaper: qdbus failed: Error: org.freedesktop.DBus.Error.ServiceUnknown',
    );
  });

  it('sets the image plugin and the file URI on every desktop', () => {
    const desktops = runPlasmaScript(plasmaWallpaperScript(singleMonitor('/w/a b.png')), [{ x: 0, y: 0 }]);
    for (const desktop of desktops) {
      expect(desktop.wallpaperPlugin).toBe('org.kde.image');
      expect(desktop.config[IMAGE]).toBe('file:///w/a%20b.png');
      expect(desktop.config['Wallpaper/org.kde.image/General/FillMode']).toBe(2);
    }
  });

  it('gives each screen its own monitor’s image, by position', () => {
    const desktops = runPlasmaScript(plasmaWallpaperScript(twoMonitors()), [
      { x: 2560, y: 0 },
      { x: 0, y: 0 },
    ]);
    expect(desktops.map((desktop) => desktop.config[IMAGE])).toEqual([
      'file:///cache/wall/hdmi.png',
      'file:///cache/wall/dp.png',
      'file:///cache/wall/dp.png', // off-screen desktop: the primary monitor's image
    ]);
  });

  it('pairs screens by left-to-right order when scaling changed the coordinates', () => {
    const desktops = runPlasmaScript(plasmaWallpaperScript(twoMonitors()), [
      { x: 1280, y: 0 },
      { x: 0, y: 0 },
    ]);
    expect(desktops.slice(0, 2).map((desktop) => desktop.config[IMAGE])).toEqual([
      'file:///cache/wall/hdmi.png',
      'file:///cache/wall/dp.png',
    ]);
  });

  it('embeds a hostile path as data: quotes, backslashes and line separators cannot end the string', () => {
    const nasty = `${HOSTILE_FILE}\\"); desktops = null; ("\u2028\u2029</x>`;
    const composed: ComposedWallpaper = singleMonitor(nasty);
    const desktops = runPlasmaScript(plasmaWallpaperScript(composed), [{ x: 0, y: 0 }]);
    const uri = desktops[0]?.config[IMAGE];
    expect(typeof uri).toBe('string');
    expect(decodeURIComponent(new URL(uri as string).pathname)).toBe(nasty);
  });
});
