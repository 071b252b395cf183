/**
 * Which desktop is running, from the platform and the session's environment variables: the setter
 * for that desktop is its one right way to set the wallpaper. Pure: the same inputs give the same answer.
 */
import type { CommandExists } from './command-exists';
import type { Environment } from './command-runner';

export const DESKTOP_IDS = [
  'gnome',
  'unity',
  'budgie',
  'cinnamon',
  'mate',
  'xfce',
  'kde',
  'lxqt',
  'lxde',
  'sway',
  'hyprland',
  'x11-generic',
  'macos',
  'windows',
  'unknown',
] as const;

export type DesktopId = (typeof DESKTOP_IDS)[number];

/** What a person calls each desktop, for messages. */
export const DESKTOP_NAMES: Readonly<Record<DesktopId, string>> = {
  gnome: 'GNOME',
  unity: 'Unity',
  budgie: 'Budgie',
  cinnamon: 'Cinnamon',
  mate: 'MATE',
  xfce: 'XFCE',
  kde: 'KDE Plasma',
  lxqt: 'LXQt',
  lxde: 'LXDE',
  sway: 'sway',
  hyprland: 'Hyprland',
  'x11-generic': 'X11',
  macos: 'macOS',
  windows: 'Windows',
  unknown: 'unknown desktop',
};

export interface DetectDesktopOptions {
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Settles the one ambiguous session name (Lubuntu was LXDE, is now LXQt). */
  commandExists: CommandExists;
}

/** Names in `XDG_CURRENT_DESKTOP` (one colon-separated entry, lower-cased). Others are skipped. */
const XDG_DESKTOPS: Readonly<Record<string, DesktopId>> = {
  gnome: 'gnome',
  'gnome-classic': 'gnome',
  'gnome-flashback': 'gnome',
  pantheon: 'gnome',
  unity: 'unity',
  unity7: 'unity',
  budgie: 'budgie',
  'budgie-desktop': 'budgie',
  'x-cinnamon': 'cinnamon',
  cinnamon: 'cinnamon',
  mate: 'mate',
  xfce: 'xfce',
  kde: 'kde',
  lxqt: 'lxqt',
  lxde: 'lxde',
  sway: 'sway',
  hyprland: 'hyprland',
};

/** `DESKTOP_SESSION` as display managers set it (lower-cased), for sessions without XDG_CURRENT_DESKTOP. */
const SESSION_PATTERNS: readonly (readonly [RegExp, DesktopId | 'lubuntu'])[] = [
  [/^(gnome|ubuntu|pop|pantheon)([-_].*)?$/, 'gnome'],
  [/^unity/, 'unity'],
  [/^budgie/, 'budgie'],
  [/^cinnamon/, 'cinnamon'],
  [/^mate/, 'mate'],
  [/^(xfce|xubuntu)/, 'xfce'],
  [/^(plasma|kde)/, 'kde'],
  [/^lxqt/, 'lxqt'],
  [/^lubuntu/, 'lubuntu'],
  [/^lxde/, 'lxde'],
  [/^sway/, 'sway'],
  [/^hyprland/, 'hyprland'],
];

export function detectDesktop(env: Environment, options: DetectDesktopOptions): DesktopId {
  const platform = options.platform ?? process.platform;
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';

  for (const entry of (env.XDG_CURRENT_DESKTOP ?? '').split(':')) {
    const desktop = XDG_DESKTOPS[entry.trim().toLowerCase()];
    if (desktop) return desktop;
  }

  // Compositors that set no XDG_CURRENT_DESKTOP when started from a console still announce their socket.
  if (env.HYPRLAND_INSTANCE_SIGNATURE) return 'hyprland';
  if (env.SWAYSOCK) return 'sway';

  const session = (env.DESKTOP_SESSION ?? '').trim().toLowerCase();
  const match = session ? SESSION_PATTERNS.find(([pattern]) => pattern.test(session)) : undefined;
  if (match) {
    if (match[1] !== 'lubuntu') return match[1];
    return options.commandExists('pcmanfm-qt') ? 'lxqt' : 'lxde';
  }

  if (env.KDE_FULL_SESSION === 'true') return 'kde';
  if (env.GNOME_DESKTOP_SESSION_ID) return 'gnome';
  if (env.MATE_DESKTOP_SESSION_ID) return 'mate';

  // A Wayland compositor we do not know: an X11 tool would only paint the invisible XWayland root.
  if (env.WAYLAND_DISPLAY) return 'unknown';
  if (env.DISPLAY) return 'x11-generic';
  return 'unknown';
}
