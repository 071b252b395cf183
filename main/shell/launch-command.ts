/**
 * How a desktop shortcut (or a window manager's key binding) starts this app with a flag. A packaged app
 * is its executable — inside an AppImage, `$APPIMAGE` (the file the person keeps), not the temporary
 * mount `execPath` points into. A development run has no executable of its own: the `nekodesk` command
 * line stands in.
 */
export interface LaunchCommandDeps {
  isPackaged: boolean;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** `"<executable>" <flag>`, quoted when the path has spaces; null for a development run. */
export function appLaunchCommand(flag: string, deps: LaunchCommandDeps): string | null {
  if (!deps.isPackaged) return null;
  const executable = deps.env.APPIMAGE ?? deps.execPath;
  const quoted = /\s/.test(executable) ? `"${executable}"` : executable;
  return `${quoted} ${flag}`;
}
