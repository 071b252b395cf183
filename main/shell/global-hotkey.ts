/**
 * One global hotkey of the app (the picker's, or identifying the clipboard's image): registered at start
 * and again whenever its setting changes, the old one released first and at quit. `globalShortcut.register`
 * answers false when another app owns the keys (the OS never lets apps fight over them): the person gets a
 * notice suggesting another. Wayland lets no app grab keys, so there the person is told once to bind a
 * desktop shortcut to a command instead. `status()` says which of these happened, for the settings page.
 * app-hotkeys.ts runs the app's hotkeys together (and keeps them off each other's keys).
 */
import type { GlobalShortcut } from 'electron';
import type { HotkeyStatusInfo, Notice } from '../../preload/contract';
import type { ShellLog } from './logger';
import { checkAccelerator } from './picker-accelerator';

export type HotkeyState = HotkeyStatusInfo['state'];
export type HotkeyStatus = HotkeyStatusInfo;

/** What a hotkey is for, in the words its messages use. */
export interface HotkeyPurpose {
  /** "picker" → "The picker hotkey …". */
  name: string;
  /** "open the picker" → "… so it cannot open the picker". */
  does: string;
  /** What a desktop shortcut can run instead on Wayland, best first. */
  desktopCommands: readonly string[];
}

export interface GlobalHotkeyDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  purpose: HotkeyPurpose;
  /** The hotkey was pressed. */
  onPress(): void;
  /** Sends a notice to the windows (`app:notice`). */
  notify(notice: Notice): void;
  /** Accelerators the app's other hotkeys use: never suggested as a replacement. */
  inUse?(): readonly (string | null)[];
  log: ShellLog;
}

export interface GlobalHotkey {
  /**
   * Registers `accelerator` (null = none) in place of the current one; the same one again changes nothing.
   * `heldBy` says what another of our hotkeys already does with these keys ("opens the picker"): then
   * nothing is registered and the status is `taken`, naming that hotkey rather than "another app".
   */
  apply(accelerator: string | null, heldBy?: string): HotkeyStatus;
  /** True when `apply(accelerator, heldBy)` would change nothing. */
  isApplied(accelerator: string | null, heldBy?: string): boolean;
  status(): HotkeyStatus;
  /** Releases the hotkey (at quit). */
  dispose(): void;
}

/** Offered when a hotkey is taken; more than one in case the first is the one taken. */
export const SUGGESTED_HOTKEYS = [
  'Control+Alt+Space',
  'CommandOrControl+Alt+P',
  'CommandOrControl+Alt+I',
] as const;

/** A Linux session on Wayland, where apps cannot grab global keys (XWayland grabs only see X11 windows). */
export function isWaylandSession(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (platform !== 'linux') return false;
  return env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/** True when two accelerators name the same keys on `platform` (case, spelling and order aside). */
export function sameKeys(a: string, b: string, platform: NodeJS.Platform): boolean {
  const normal = (accelerator: string): string => {
    const checked = checkAccelerator(accelerator, platform);
    if (!checked.ok) return accelerator.toLowerCase();
    const parts = checked.label.toLowerCase().split('+');
    const key = parts.pop() ?? '';
    return [...parts.sort(), key].join('+');
  };
  return normal(a) === normal(b);
}

const OFF: HotkeyStatus = { state: 'off', accelerator: null, message: '' };

export function createGlobalHotkey(deps: GlobalHotkeyDeps): GlobalHotkey {
  const { purpose } = deps;
  const wayland = isWaylandSession(deps.platform, deps.env);
  let registered: string | null = null;
  let current: HotkeyStatus = { ...OFF };
  /** What of ours holds the current accelerator, when `current` is taken by us. */
  let heldByUs: string | undefined;
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

  const suggestion = (accelerator: string): string => {
    const avoid = [accelerator, ...(deps.inUse?.() ?? [])].filter((used): used is string => used !== null);
    const free = SUGGESTED_HOTKEYS.find(
      (candidate) => !avoid.some((used) => sameKeys(used, candidate, deps.platform)),
    );
    const chosen = free ?? SUGGESTED_HOTKEYS[0];
    const checked = checkAccelerator(chosen, deps.platform);
    return checked.ok ? checked.label : chosen;
  };

  const register = (accelerator: string, heldBy: string | undefined): HotkeyStatus => {
    const checked = checkAccelerator(accelerator, deps.platform);
    if (!checked.ok) {
      const message = `The ${purpose.name} hotkey is not valid: ${checked.reason}`;
      warn(message);
      return { state: 'invalid', accelerator, message };
    }
    if (heldBy !== undefined) {
      const message =
        `${checked.label} already ${heldBy}. ` +
        `Choose another ${purpose.name} hotkey in Settings, such as ${suggestion(accelerator)}.`;
      warn(message);
      return { state: 'taken', accelerator, message };
    }
    let ok: boolean;
    try {
      ok = deps.globalShortcut.register(accelerator, () => {
        deps.onPress();
      });
    } catch (error) {
      // Electron throws on an accelerator it cannot parse; the check above should have caught it.
      deps.log.error(`globalShortcut refused ${accelerator}`, error);
      const message = `The ${purpose.name} hotkey ${checked.label} is not valid here: choose another in Settings.`;
      warn(message);
      return { state: 'invalid', accelerator, message };
    }
    if (!ok) {
      const message =
        `Another app already uses ${checked.label}, so it cannot ${purpose.does}. ` +
        `Choose another hotkey in Settings, such as ${suggestion(accelerator)}.`;
      warn(message);
      return { state: 'taken', accelerator, message };
    }
    registered = accelerator;
    deps.log.info(`${capitalize(purpose.name)} hotkey: ${checked.label}`);
    return { state: 'registered', accelerator, message: '' };
  };

  const unsupported = (accelerator: string): HotkeyStatus => {
    const [best, ...others] = purpose.desktopCommands.map((command) => `\`${command}\``);
    const commands = others.length === 0 ? (best ?? '') : `${best ?? ''} (or ${others.join(', or ')})`;
    const message =
      `Wayland does not let apps use global hotkeys. To ${purpose.does} with a key, add a keyboard ` +
      `shortcut in your desktop's settings that runs ${commands}.`;
    if (!waylandTold) {
      waylandTold = true;
      deps.log.info(message);
      deps.notify({ level: 'info', message });
    }
    return { state: 'unsupported', accelerator, message };
  };

  const isApplied = (accelerator: string | null, heldBy?: string): boolean => {
    if (accelerator === null) return current.state === 'off';
    // Held by our other hotkey, or wanting keys it held before: only a change of holder is a change.
    return current.accelerator === accelerator && current.state !== 'off' && heldBy === heldByUs;
  };

  return {
    apply(accelerator, heldBy) {
      if (isApplied(accelerator, heldBy)) return current;
      release();
      heldByUs = undefined;
      if (accelerator === null) current = { ...OFF };
      else if (wayland) current = unsupported(accelerator);
      else {
        current = register(accelerator, heldBy);
        if (current.state === 'taken') heldByUs = heldBy;
      }
      return current;
    },
    isApplied,
    status: () => ({ ...current }),
    dispose() {
      release();
      heldByUs = undefined;
      current = { ...OFF };
    },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
