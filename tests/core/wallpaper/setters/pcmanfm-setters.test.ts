import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { commandsOnly, notFound, recordingRunner, singleMonitor, twoMonitors, type Responder } from './fakes';

function setter(desktop: string, respond?: Responder) {
  const runner = recordingRunner(respond);
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { XDG_CURRENT_DESKTOP: desktop, DISPLAY: ':0' },
    run: runner.run,
    commandExists: commandsOnly('pcmanfm', 'pcmanfm-qt'),
  });
  return { wallpaper, runner };
}

describe('LXQt and LXDE', () => {
  it('LXQt: pcmanfm-qt, zoom on one monitor, stretch over the whole desktop on several', async () => {
    const { wallpaper, runner } = setter('LXQt');
    await wallpaper.set(singleMonitor('/w/one.png'));
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'pcmanfm-qt --set-wallpaper /w/one.png --wallpaper-mode zoom',
      'pcmanfm-qt --set-wallpaper /cache/wall/span.png --wallpaper-mode stretch',
    ]);
  });

  it('LXDE: pcmanfm, crop on one monitor, screen (across all) on several', async () => {
    const { wallpaper, runner } = setter('LXDE');
    await wallpaper.set(singleMonitor('/w/one.png'));
    await wallpaper.set(twoMonitors());
    expect(runner.lines()).toEqual([
      'pcmanfm --set-wallpaper /w/one.png --wallpaper-mode crop',
      'pcmanfm --set-wallpaper /cache/wall/span.png --wallpaper-mode screen',
    ]);
  });

  it('says which package to install when pcmanfm-qt is missing', async () => {
    const { wallpaper } = setter('LXQt', (command) => {
      throw notFound(command);
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the LXQt wallpaper: pcmanfm-qt was not found. Install pcmanfm-qt.',
    );
  });
});
