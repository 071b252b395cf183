/**
 * "Launch at login" on Linux. Electron's `app.setLoginItemSettings` does nothing there, so Nekodesk
 * writes (or removes) an XDG autostart entry: `$XDG_CONFIG_HOME/autostart/nekodesk.desktop`.
 * See the freedesktop Desktop Entry and Autostart specifications.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const AUTOSTART_FILE_NAME = 'nekodesk.desktop';

export interface AutostartEntry {
  name: string;
  /** The program to run: the AppImage itself (`$APPIMAGE`), not its temporary mount. */
  executable: string;
  args: readonly string[];
  icon: string;
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when that is unset or not absolute. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME?.trim();
  const base = configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
  return path.join(base, 'autostart');
}

export function desktopEntry(entry: AutostartEntry): string {
  const exec = [entry.executable, ...entry.args].map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${escapeString(entry.name)}`,
    `Comment=${escapeString(`Starts ${entry.name} in the tray`)}`,
    // `%` starts a field code in Exec; a literal one is written `%%`. String escapes apply last.
    `Exec=${escapeString(exec.replaceAll('%', '%%'))}`,
    `Icon=${escapeString(entry.icon)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes the entry when `enabled` (only if it changed), removes it otherwise. Returns the file's path. */
export function applyLinuxAutostart(enabled: boolean, dir: string, entry: AutostartEntry): string {
  const file = path.join(dir, AUTOSTART_FILE_NAME);
  if (!enabled) {
    rmSync(file, { force: true });
    return file;
  }
  const content = desktopEntry(entry);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return file;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, content, { mode: 0o644 });
  return file;
}

/** Exec quoting: an argument with a reserved character is double-quoted, escaping `"`, `` ` ``, `$`, `\`. */
function quoteExecArgument(argument: string): string {
  if (argument !== '' && !/[\s"'\\><~|&;$*?#()`]/.test(argument)) return argument;
  return `"${argument.replace(/["`$\\]/g, '\\$&')}"`;
}

/** Escapes for a value of type string: backslash and control characters. */
function escapeString(value: string): string {
  return value.replace(
    /[\\\n\t\r]/g,
    (char) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[char] ?? char,
  );
}
