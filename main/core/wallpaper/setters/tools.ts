/** The programs the setters run, each with what to install when it is missing. */

export interface Tool {
  command: string;
  /** Where the command comes from, for "… was not found. Install …". */
  install: string;
}

const GLIB = 'libglib2.0-bin (Debian, Ubuntu) or glib2 (Fedora, Arch)';

export const TOOLS = {
  gsettings: { command: 'gsettings', install: GLIB },
  gdbus: { command: 'gdbus', install: GLIB },
  xfconfQuery: { command: 'xfconf-query', install: 'xfconf' },
  pcmanfmQt: { command: 'pcmanfm-qt', install: 'pcmanfm-qt' },
  pcmanfm: { command: 'pcmanfm', install: 'pcmanfm' },
  swaymsg: { command: 'swaymsg', install: 'sway' },
  hyprctl: { command: 'hyprctl', install: 'hyprland (and run hyprpaper)' },
  feh: { command: 'feh', install: 'feh' },
  nitrogen: { command: 'nitrogen', install: 'nitrogen' },
} as const satisfies Record<string, Tool>;

/** Plasma ships qdbus under several names; any of them will do. */
export const QDBUS_COMMANDS = ['qdbus', 'qdbus6', 'qdbus-qt6', 'qdbus-qt5'] as const;

export function qdbusTool(command: string): Tool {
  return {
    command,
    install: 'qdbus-qt6 or qdbus-qt5 (Debian, Ubuntu), qt6-qttools (Fedora) or qt6-tools (Arch)',
  };
}
