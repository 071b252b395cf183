import { describe, expect, it } from 'vitest';
import { detectDesktop, type DesktopId } from '../../../../main/core/wallpaper/setters/detect-desktop';
import type { Environment } from '../../../../main/core/wallpaper/setters/command-runner';
import { commandsExcept, commandsOnly } from './fakes';

const X11 = { DISPLAY: ':0' };
const WAYLAND = { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };

const linuxSamples: [string, Environment, DesktopId][] = [
  ['Ubuntu (ubuntu:GNOME)', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', ...WAYLAND }, 'gnome'],
  ['Fedora GNOME', { XDG_CURRENT_DESKTOP: 'GNOME', ...WAYLAND }, 'gnome'],
  ['Pop!_OS', { XDG_CURRENT_DESKTOP: 'pop:GNOME', ...X11 }, 'gnome'],
  ['GNOME Flashback', { XDG_CURRENT_DESKTOP: 'GNOME-Flashback:GNOME', ...X11 }, 'gnome'],
  ['elementary Pantheon', { XDG_CURRENT_DESKTOP: 'Pantheon', ...X11 }, 'gnome'],
  ['Unity', { XDG_CURRENT_DESKTOP: 'Unity:Unity7:ubuntu', ...X11 }, 'unity'],
  ['Budgie over GNOME', { XDG_CURRENT_DESKTOP: 'Budgie:GNOME', ...X11 }, 'budgie'],
  ['Cinnamon', { XDG_CURRENT_DESKTOP: 'X-Cinnamon', ...X11 }, 'cinnamon'],
  ['MATE', { XDG_CURRENT_DESKTOP: 'MATE', ...X11 }, 'mate'],
  ['XFCE', { XDG_CURRENT_DESKTOP: 'XFCE', ...X11 }, 'xfce'],
  ['KDE Plasma', { XDG_CURRENT_DESKTOP: 'KDE', ...WAYLAND }, 'kde'],
  ['LXQt', { XDG_CURRENT_DESKTOP: 'LXQt', ...X11 }, 'lxqt'],
  ['LXDE', { XDG_CURRENT_DESKTOP: 'LXDE', ...X11 }, 'lxde'],
  ['Raspberry Pi LXDE', { DESKTOP_SESSION: 'LXDE-pi-x', ...X11 }, 'lxde'],
  ['sway with XDG set', { XDG_CURRENT_DESKTOP: 'sway', SWAYSOCK: '/run/sway.sock', ...WAYLAND }, 'sway'],
  ['sway from a console', { SWAYSOCK: '/run/user/1000/sway-ipc.sock', WAYLAND_DISPLAY: 'wayland-1' }, 'sway'],
  [
    'Hyprland',
    { XDG_CURRENT_DESKTOP: 'Hyprland', HYPRLAND_INSTANCE_SIGNATURE: 'abc', ...WAYLAND },
    'hyprland',
  ],
  [
    'Hyprland without XDG',
    { HYPRLAND_INSTANCE_SIGNATURE: 'abc_123', WAYLAND_DISPLAY: 'wayland-1' },
    'hyprland',
  ],
  ['lower-case names', { XDG_CURRENT_DESKTOP: 'gnome', ...X11 }, 'gnome'],
  ['spaces around entries', { XDG_CURRENT_DESKTOP: ' Unknown : XFCE ', ...X11 }, 'xfce'],
  [
    'XDG wins over a stray SWAYSOCK',
    { XDG_CURRENT_DESKTOP: 'GNOME', SWAYSOCK: '/tmp/s', ...WAYLAND },
    'gnome',
  ],
  ['session only: gnome-xorg', { DESKTOP_SESSION: 'gnome-xorg', ...X11 }, 'gnome'],
  ['session only: ubuntu-wayland', { DESKTOP_SESSION: 'ubuntu-wayland', ...WAYLAND }, 'gnome'],
  ['session only: plasmawayland', { DESKTOP_SESSION: 'plasmawayland', ...WAYLAND }, 'kde'],
  ['session only: xubuntu', { DESKTOP_SESSION: 'xubuntu', ...X11 }, 'xfce'],
  ['session only: cinnamon2d', { DESKTOP_SESSION: 'cinnamon2d', ...X11 }, 'cinnamon'],
  ['session only: mate', { DESKTOP_SESSION: 'mate', ...X11 }, 'mate'],
  ['session only: budgie-desktop', { DESKTOP_SESSION: 'budgie-desktop', ...X11 }, 'budgie'],
  ['legacy KDE_FULL_SESSION', { KDE_FULL_SESSION: 'true', ...X11 }, 'kde'],
  ['legacy GNOME_DESKTOP_SESSION_ID', { GNOME_DESKTOP_SESSION_ID: 'this-is-deprecated', ...X11 }, 'gnome'],
  ['legacy MATE_DESKTOP_SESSION_ID', { MATE_DESKTOP_SESSION_ID: 'Default', ...X11 }, 'mate'],
  ['i3', { XDG_CURRENT_DESKTOP: 'i3', DESKTOP_SESSION: 'i3', ...X11 }, 'x11-generic'],
  ['Openbox from startx', { ...X11 }, 'x11-generic'],
  ['an unknown Wayland compositor', { XDG_CURRENT_DESKTOP: 'river', ...WAYLAND }, 'unknown'],
  ['no display at all (ssh)', { HOME: '/home/neko', SHELL: '/bin/bash' }, 'unknown'],
  ['an empty environment', {}, 'unknown'],
];

describe('detectDesktop', () => {
  it.each(linuxSamples)('%s → %s', (_name, env, expected) => {
    expect(detectDesktop(env, { platform: 'linux', commandExists: commandsOnly() })).toBe(expected);
  });

  it('knows macOS and Windows by platform, whatever the environment says', () => {
    const env = { XDG_CURRENT_DESKTOP: 'GNOME', DISPLAY: ':0' };
    expect(detectDesktop(env, { platform: 'darwin', commandExists: commandsOnly() })).toBe('macos');
    expect(detectDesktop(env, { platform: 'win32', commandExists: commandsOnly() })).toBe('windows');
  });

  it('treats the BSDs like Linux', () => {
    expect(
      detectDesktop({ XDG_CURRENT_DESKTOP: 'XFCE' }, { platform: 'freebsd', commandExists: commandsOnly() }),
    ).toBe('xfce');
  });

  it('tells Lubuntu on LXQt from Lubuntu on LXDE by which file manager is installed', () => {
    const env = { DESKTOP_SESSION: 'Lubuntu', ...X11 };
    expect(detectDesktop(env, { platform: 'linux', commandExists: commandsOnly('pcmanfm-qt') })).toBe('lxqt');
    expect(detectDesktop(env, { platform: 'linux', commandExists: commandsExcept('pcmanfm-qt') })).toBe(
      'lxde',
    );
  });

  it('defaults to the running platform', () => {
    const expected =
      process.platform === 'darwin' ? 'macos' : process.platform === 'win32' ? 'windows' : 'xfce';
    expect(detectDesktop({ XDG_CURRENT_DESKTOP: 'XFCE' }, { commandExists: commandsOnly() })).toBe(expected);
  });
});
