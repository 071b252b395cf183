/**
 * The picker's global hotkey (`settings.picker.hotkey`): registered at start and again whenever the setting
 * changes, the old one released first and at quit. `globalShortcut.register` answers false when another app
 * owns the keys (the OS never lets apps fight over them): the person gets a notice suggesting another.
 * Wayland lets no app grab keys, so there the person is told once to bind a desktop shortcut to
 * `nekodesk picker` instead. `status()` says which of these happened, for the settings page.
 */
import type { GlobalShortcut } from 'electron';
import type { Notice } from '../../preload/contract';
import type { ShellLog } from './logger';
import { checkAccelerator } from './picker-accelerator';

export type HotkeyState = 'registered' | 'taken' | 'invalid' | 'unsupported' | 'off';

export interface HotkeyStatus {
  state: HotkeyState;
  /** The setting's accelerator (null when the hotkey is off). */
  accelerator: string | null;
  /** What to tell the person (empty when registered or off). */
  message: string;
}

export interface GlobalHotkeyDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The hotkey was pressed. */
  onPress(): void;
  /** Sends a notice to the windows (`app:notice`). */
  notify(notice: Notice): void;
  /** This app's executable, for the Wayland advice (`<exe> --picker`). */
  execPath: string;
  log: ShellLog;
}

export interface GlobalHotkey {
  /** Registers `accelerator` (null = none) in place of the current one; the same one again changes nothing. */
  apply(accelerator: string | null): HotkeyStatus;
  status(): HotkeyStatus;
  /** Releases the hotkey (at quit). */
  dispose(): void;
}

/** Offered when the hotkey is taken; a second in case the first is the one taken. */
export const SUGGESTED_HOTKEYS = ['Control+Alt+Space', 'CommandOrControl+Alt+P'] as const;

/** A Linux session on Wayland, where apps cannot grab global keys (XWayland grabs only see X11 windows). */
export function isWaylandSession(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (platform !== 'linux') return false;
  return env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

export function createGlobalHotkey(deps: GlobalHotkeyDeps): GlobalHotkey {
  const wayland = isWaylandSession(deps.platform, deps.env);
  let registered: string | null = null;
  let current: HotkeyStatus = { state: 'off', accelerator: null, message: '' };
  let waylandTold = false;

  const release = (): void => {
    if (registered === null) return;
    deps.globalShortcut.unregister(registered);
    registered = null;
  };

  const warn = (message: string): void => {
    deps.log.warn(message);
    deps.notify({ level: 'warning', message });
  };

  const register = (accelerator: string): HotkeyStatus => {
    const checked = checkAccelerator(accelerator, deps.platform);
    if (!checked.ok) {
      const message = `The picker hotkey is not valid: ${checked.reason}`;
      warn(message);
      return { state: 'invalid', accelerator, message };
    }
    let ok: boolean;
    try {
      ok = deps.globalShortcut.register(accelerator, () => {
        deps.onPress();
      });
    } catch (error) {
      // Electron throws on an accelerator it cannot parse; the check above should have caught it.
      deps.log.error(`globalShortcut refused ${accelerator}`, error);
      const message = `The picker hotkey ${checked.label} is not valid here: choose another in Settings.`;
      warn(message);
      return { state: 'invalid', accelerator, message };
    }
    if (!ok) {
      const suggestion =
        SUGGESTED_HOTKEYS.find((candidate) => candidate !== accelerator) ?? SUGGESTED_HOTKEYS[0];
      const suggested = checkAccelerator(suggestion, deps.platform);
      const message =
        `Another app already uses ${checked.label}, so it cannot open the picker. ` +
        `Choose another hotkey in Settings, such as ${suggested.ok ? suggested.label : suggestion}.`;
      warn(message);
      return { state: 'taken', accelerator, message };
    }
    registered = accelerator;
    deps.log.info(`Picker hotkey: ${checked.label}`);
    return { state: 'registered', accelerator, message: '' };
  };

  const unsupported = (accelerator: string): HotkeyStatus => {
    const message =
      'Wayland does not let apps use global hotkeys. To open the picker with a key, add a keyboard ' +
      `shortcut in your desktop's settings that runs \`nekodesk picker\` (or \`${deps.execPath} --picker\`).`;
    if (!waylandTold) {
      waylandTold = true;
      deps.log.info(message);
      deps.notify({ level: 'info', message });
    }
    return { state: 'unsupported', accelerator, message };
  };

  return {
    apply(accelerator) {
      if (current.accelerator === accelerator && current.state !== 'off') return current;
      if (accelerator === null && current.state === 'off') return current;
      release();
      if (accelerator === null) current = { state: 'off', accelerator: null, message: '' };
      else if (wayland) current = unsupported(accelerator);
      else current = register(accelerator);
      return current;
    },
    status: () => ({ ...current }),
    dispose() {
      release();
      current = { state: 'off', accelerator: null, message: '' };
    },
  };
}
