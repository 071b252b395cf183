import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyLinuxAutostart, autostartDir, desktopEntry } from '../../main/shell/autostart';
import { applyLaunchAtLogin, type LoginItemDeps } from '../../main/shell/login-item';

const entry = {
  name: 'Nekodesk',
  executable: '/opt/Nekodesk/nekodesk',
  args: ['--hidden'],
  icon: 'nekodesk',
};

describe('the XDG autostart entry', () => {
  it('is a desktop entry that starts the app hidden', () => {
    expect(desktopEntry(entry)).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Nekodesk',
        'Comment=Starts Nekodesk in the tray',
        'Exec=/opt/Nekodesk/nekodesk --hidden',
        'Icon=nekodesk',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('quotes an executable path with spaces and reserved characters so the session runs that exact file', () => {
    const text = desktopEntry({ ...entry, executable: '/home/a b/Apps/Neko $1 "x" 100%\\.AppImage' });
    // Exec quoting escapes " ` $ \ ; % becomes %%; then the string escape doubles every backslash.
    expect(text).toContain(
      String.raw`Exec="/home/a b/Apps/Neko \\$1 \\"x\\" 100%%\\\\.AppImage" --hidden` + '\n',
    );
  });

  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is unset or relative', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/me')).toBe('/cfg/autostart');
    expect(autostartDir({}, '/home/me')).toBe('/home/me/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe('/home/me/.config/autostart');
  });

  it('is written when enabled (creating the folder) and removed when disabled', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'autostart-')), 'autostart');
    const file = applyLinuxAutostart(true, dir, entry);
    expect(file).toBe(path.join(dir, 'nekodesk.desktop'));
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(entry));
    expect(statSync(file).mode & 0o777).toBe(0o644);

    applyLinuxAutostart(false, dir, entry);
    expect(existsSync(file)).toBe(false);
    expect(() => applyLinuxAutostart(false, dir, entry)).not.toThrow();
  });

  it('is rewritten when the app moved (a new AppImage path)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'autostart-'));
    writeFileSync(
      path.join(dir, 'nekodesk.desktop'),
      desktopEntry({ ...entry, executable: '/old/Nekodesk.AppImage' }),
    );
    applyLinuxAutostart(true, dir, entry);
    expect(readFileSync(path.join(dir, 'nekodesk.desktop'), 'utf8')).toContain(
      'Exec=/opt/Nekodesk/nekodesk --hidden',
    );
  });
});

function loginDeps(options: {
  platform: NodeJS.Platform;
  packaged?: boolean;
  env?: NodeJS.ProcessEnv;
  execPath?: string;
}) {
  const setLoginItemSettings = vi.fn();
  const deps: LoginItemDeps = {
    app: { isPackaged: options.packaged ?? true, setLoginItemSettings },
    platform: options.platform,
    env: options.env ?? {},
    homeDir: mkdtempSync(path.join(os.tmpdir(), 'home-')),
    execPath: options.execPath ?? '/opt/Nekodesk/nekodesk',
    log: { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() },
  };
  return { deps, setLoginItemSettings };
}

describe('applyLaunchAtLogin', () => {
  it('registers a login item that starts hidden on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { deps, setLoginItemSettings } = loginDeps({ platform });
      applyLaunchAtLogin(true, deps);
      applyLaunchAtLogin(false, deps);
      expect(setLoginItemSettings.mock.calls).toEqual([
        [{ openAtLogin: true, args: ['--hidden'] }],
        [{ openAtLogin: false, args: ['--hidden'] }],
      ]);
    }
  });

  it('writes the autostart entry on Linux, for the AppImage file rather than its temporary mount', () => {
    const { deps, setLoginItemSettings } = loginDeps({
      platform: 'linux',
      env: { APPIMAGE: '/home/me/Nekodesk.AppImage' },
      execPath: '/tmp/.mount_x/nekodesk',
    });
    applyLaunchAtLogin(true, deps);
    const file = path.join(deps.homeDir, '.config', 'autostart', 'nekodesk.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec=/home/me/Nekodesk.AppImage --hidden\n');
    expect(setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('leaves the system alone in development, where it would register the bare Electron binary', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { deps, setLoginItemSettings } = loginDeps({ platform, packaged: false });
      applyLaunchAtLogin(true, deps);
      expect(existsSync(path.join(deps.homeDir, '.config', 'autostart'))).toBe(false);
      expect(setLoginItemSettings).not.toHaveBeenCalled();
    }
  });
});
