import { describe, expect, it } from 'vitest';
import { isNekodeskError } from '../../../../main/core/errors';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { commandsOnly, failing, recordingRunner, singleMonitor, twoMonitors, type Responder } from './fakes';

function setter(desktop: string, respond?: Responder) {
  const runner = recordingRunner(respond);
  const env = { XDG_CURRENT_DESKTOP: desktop, DISPLAY: ':0', PATH: '/usr/bin' };
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env,
    run: runner.run,
    commandExists: commandsOnly('gsettings'),
  });
  return { wallpaper, runner, env };
}

describe('GNOME, Unity and Budgie', () => {
  it.each([
    ['ubuntu:GNOME', 'gnome', 'GNOME'],
    ['Unity', 'unity', 'Unity'],
    ['Budgie:GNOME', 'budgie', 'Budgie'],
  ])('%s sets picture-options, picture-uri and picture-uri-dark', async (xdg, desktop, name) => {
    const { wallpaper, runner } = setter(xdg);
    expect(wallpaper.desktop).toBe(desktop);
    expect(wallpaper.name).toBe(name);

    await wallpaper.set(singleMonitor('/home/neko/.cache/nekodesk/wall 1.png'));

    expect(runner.calls.map(({ command, args }) => [command, ...args])).toEqual([
      ['gsettings', 'set', 'org.gnome.desktop.background', 'picture-options', "'zoom'"],
      [
        'gsettings',
        'set',
        'org.gnome.desktop.background',
        'picture-uri',
        "'file:///home/neko/.cache/nekodesk/wall%201.png'",
      ],
      [
        'gsettings',
        'set',
        'org.gnome.desktop.background',
        'picture-uri-dark',
        "'file:///home/neko/.cache/nekodesk/wall%201.png'",
      ],
    ]);
  });

  it('spans the span image over several monitors', async () => {
    const { wallpaper, runner } = setter('GNOME');
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      "gsettings set org.gnome.desktop.background picture-options 'spanned'",
      "gsettings set org.gnome.desktop.background picture-uri 'file:///cache/wall/span.png'",
      "gsettings set org.gnome.desktop.background picture-uri-dark 'file:///cache/wall/span.png'",
    ]);
  });

  it('runs gsettings in the session environment it was given', async () => {
    const { wallpaper, runner, env } = setter('GNOME');
    await wallpaper.set(singleMonitor());
    expect(runner.calls.every((call) => call.env === env)).toBe(true);
  });

  it('tolerates a GNOME before 42, which has no picture-uri-dark', async () => {
    const { wallpaper, runner } = setter('GNOME', (_command, args) => {
      if (args[2] === 'picture-uri-dark') throw failing('gsettings', 1, 'No such key “picture-uri-dark”');
      return undefined;
    });
    await expect(wallpaper.set(singleMonitor())).resolves.toBeUndefined();
    expect(runner.calls).toHaveLength(3);
  });

  it('reports a missing schema with gsettings’ own words', async () => {
    const { wallpaper } = setter('GNOME', () => {
      throw failing('gsettings', 1, 'No such schema “org.gnome.desktop.background”\n');
    });
    const error: unknown = await wallpaper.set(singleMonitor()).catch((caught: unknown) => caught);
    expect(isNekodeskError(error) && error.code).toBe('internal');
    expect((error as Error).message).toBe(
      'Could not set the GNOME wallpaper: gsettings failed: No such schema “org.gnome.desktop.background”',
    );
  });
});

describe('Cinnamon and MATE', () => {
  it('Cinnamon uses its own schema and a file URI', async () => {
    const { wallpaper, runner } = setter('X-Cinnamon');
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      "gsettings set org.cinnamon.desktop.background picture-options 'spanned'",
      "gsettings set org.cinnamon.desktop.background picture-uri 'file:///cache/wall/span.png'",
    ]);
  });

  it('MATE takes a plain path in picture-filename', async () => {
    const { wallpaper, runner } = setter('MATE');
    await wallpaper.set(singleMonitor('/home/neko/wall 1.png'));
    expect(runner.lines()).toEqual([
      "gsettings set org.mate.background picture-options 'zoom'",
      "gsettings set org.mate.background picture-filename '/home/neko/wall 1.png'",
    ]);
  });
});
