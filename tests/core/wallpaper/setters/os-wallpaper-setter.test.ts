import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import type { WallpaperPackage } from '../../../../main/core/wallpaper/setters/os-wallpaper-setter';
import { commandsOnly, recordingRunner, singleMonitor, twoMonitors } from './fakes';

type SetOptions = Parameters<WallpaperPackage['setWallpaper']>[1];

function fakePackage(screens: string[], failWith?: Error) {
  const calls: { file: string; options: SetOptions }[] = [];
  const pkg: WallpaperPackage = {
    setWallpaper: (file, options) => {
      calls.push({ file, options });
      return failWith ? Promise.reject(failWith) : Promise.resolve();
    },
    screens: () => Promise.resolve(screens),
  };
  return { pkg, calls };
}

function setter(platform: NodeJS.Platform, pkg: WallpaperPackage) {
  const runner = recordingRunner();
  const wallpaper = createWallpaperSetter({
    platform,
    env: {},
    run: runner.run,
    commandExists: commandsOnly(),
    loadWallpaperPackage: () => Promise.resolve(pkg),
  });
  return { wallpaper, runner };
}

describe('macOS (wallpaper package)', () => {
  it('sets one monitor’s image on all screens', async () => {
    const { pkg, calls } = fakePackage(['Built-in Retina Display']);
    const { wallpaper, runner } = setter('darwin', pkg);
    expect([wallpaper.desktop, wallpaper.name]).toEqual(['macos', 'macOS']);
    await wallpaper.set(singleMonitor('/w/one.png'));
    expect(calls).toEqual([{ file: '/w/one.png', options: { screen: 'all', scale: 'fill' } }]);
    expect(runner.calls).toEqual([]);
  });

  it('gives each screen its own image, the main screen (0) the primary monitor’s', async () => {
    const { pkg, calls } = fakePackage(['Built-in Retina Display', 'DELL U2720Q']);
    const { wallpaper } = setter('darwin', pkg);
    await wallpaper.set(twoMonitors());
    expect(calls).toEqual([
      { file: '/cache/wall/dp.png', options: { screen: 0, scale: 'fill' } },
      { file: '/cache/wall/hdmi.png', options: { screen: 1, scale: 'fill' } },
    ]);
  });

  it('falls back to the primary image on all screens when the screen counts differ', async () => {
    const { pkg, calls } = fakePackage(['Built-in Retina Display']);
    const { wallpaper } = setter('darwin', pkg);
    await wallpaper.set(twoMonitors());
    expect(calls).toEqual([{ file: '/cache/wall/dp.png', options: { screen: 'all', scale: 'fill' } }]);
  });

  it('reports the helper’s stderr', async () => {
    const failure = Object.assign(new Error('Command failed: macos-wallpaper set …'), {
      stderr: 'Error: The file couldn’t be opened.\n',
    });
    const { pkg } = fakePackage(['Built-in Retina Display'], failure);
    const { wallpaper } = setter('darwin', pkg);
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the macOS wallpaper: macos-wallpaper failed: Error: The file couldn’t be opened.',
    );
  });
});

describe('Windows (wallpaper package)', () => {
  it('fills one screen, spans the span image over several', async () => {
    const { pkg, calls } = fakePackage([]);
    const { wallpaper } = setter('win32', pkg);
    expect(wallpaper.desktop).toBe('windows');
    await wallpaper.set(singleMonitor('/w/one.png'));
    await wallpaper.set(twoMonitors());
    expect(calls).toEqual([
      { file: '/w/one.png', options: { scale: 'fill' } },
      { file: '/cache/wall/span.png', options: { scale: 'span' } },
    ]);
  });

  it('reports a helper that cannot be started (e.g. still inside the asar)', async () => {
    const { pkg } = fakePackage([], Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }));
    const { wallpaper } = setter('win32', pkg);
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the Windows wallpaper: windows-wallpaper failed: spawn ENOENT',
    );
  });
});
