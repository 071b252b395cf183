import { describe, expect, it } from 'vitest';
import { routeArgv } from '../../main/shell/argv-router';

describe('routeArgv', () => {
  const first = { secondInstance: false };
  const second = { secondInstance: true };

  it('shows the main window for a plain launch, first or second', () => {
    expect(routeArgv(['/opt/Nekodesk/nekodesk'], first)).toEqual({ kind: 'show-main' });
    expect(routeArgv(['/opt/Nekodesk/nekodesk'], second)).toEqual({ kind: 'show-main' });
  });

  it('stays in the tray when the login entry passes --hidden', () => {
    expect(routeArgv(['C:\\Nekodesk\\Nekodesk.exe', '--hidden'], first)).toEqual({ kind: 'stay-in-tray' });
    expect(routeArgv(['/usr/bin/nekodesk', '--hidden'], second)).toEqual({ kind: 'stay-in-tray' });
  });

  it('stays in the tray on macOS when the system opened it at login, but not for a later launch', () => {
    expect(
      routeArgv(['/Applications/Nekodesk.app/Contents/MacOS/Nekodesk'], { ...first, openedAtLogin: true }),
    ).toEqual({
      kind: 'stay-in-tray',
    });
    expect(
      routeArgv(['/Applications/Nekodesk.app/Contents/MacOS/Nekodesk'], { ...second, openedAtLogin: true }),
    ).toEqual({
      kind: 'show-main',
    });
  });

  it('opens the picker with --picker, which wins over --hidden', () => {
    expect(routeArgv(['/usr/bin/nekodesk', '--picker'], second)).toEqual({ kind: 'show-picker' });
    expect(routeArgv(['/usr/bin/nekodesk', '--hidden', '--picker'], first)).toEqual({ kind: 'show-picker' });
  });

  it('identifies the clipboard image with --identify-clipboard (a Wayland desktop shortcut), in the tray', () => {
    expect(routeArgv(['/usr/bin/nekodesk', '--identify-clipboard'], second)).toEqual({
      kind: 'identify-clipboard',
    });
    expect(routeArgv(['/usr/bin/nekodesk', '--hidden', '--identify-clipboard'], first)).toEqual({
      kind: 'identify-clipboard',
    });
  });

  it('ignores the development app folder and the switches Chromium adds to a forwarded argv', () => {
    const forwarded = [
      '/x/electron',
      '.',
      '--allow-file-access-from-files',
      '--original-process-start-time=1',
    ];
    expect(routeArgv(forwarded, second)).toEqual({ kind: 'show-main' });
    expect(routeArgv(['/x/electron', '--picker-size=2', '--hiddenness'], second)).toEqual({
      kind: 'show-main',
    });
  });

  it('never reads the executable itself as a flag', () => {
    expect(routeArgv(['--picker'], first)).toEqual({ kind: 'show-main' });
  });
});
