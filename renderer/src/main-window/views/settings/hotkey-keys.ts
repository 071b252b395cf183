/**
 * Turning key presses into Electron accelerators (`CommandOrControl+Shift+Space`) for the settings' hotkey
 * recorder, and accelerators back into what the keyboard says (`Ctrl+Shift+Space`, `Cmd+Shift+Space`).
 *
 * The rule is the settings schema's (main/core/settings/settings-schema.ts): keys joined by `+`, spelled with
 * letters and digits only, at most 64 characters. So a recorded key is a letter, digit, F key, number-pad key,
 * arrow or another named key of Electron's grammar, never punctuation. Like the shell's check
 * (main/shell/picker-accelerator.ts), a key that types something needs Ctrl, Alt or Cmd/Super with it: Shift
 * alone would take that key from every app. Main checks again when it registers the hotkey.
 */

/** What a key press means to the recorder. */
export type RecordedKeys =
  /** Esc alone: stop recording, keep the hotkey. */
  | { kind: 'cancel' }
  /** Backspace or Delete alone: turn the hotkey off. */
  | { kind: 'clear' }
  /** Tab (or Shift+Tab) alone: leave the field as usual. */
  | { kind: 'pass' }
  /** Only modifiers so far ("Ctrl+Shift+…"). */
  | { kind: 'partial'; label: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'done'; accelerator: string; label: string };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>;

/** The settings schema's spelling of a hotkey. */
const SCHEMA_ACCELERATOR = /^[A-Za-z0-9+]{1,64}$/;

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'OS', 'Super', 'Hyper']);

/** `KeyboardEvent.code` → the accelerator's key, for keys that are not letters, digits or F keys. */
const NAMED_CODES: Readonly<Record<string, string>> = {
  Space: 'Space',
  Tab: 'Tab',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  PrintScreen: 'PrintScreen',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

/** `KeyboardEvent.key` of media keys (their `code` varies by platform) → the accelerator's key. */
const MEDIA_KEYS: Readonly<Record<string, string>> = {
  AudioVolumeUp: 'VolumeUp',
  AudioVolumeDown: 'VolumeDown',
  AudioVolumeMute: 'VolumeMute',
  MediaTrackNext: 'MediaNextTrack',
  MediaTrackPrevious: 'MediaPreviousTrack',
  MediaStop: 'MediaStop',
  MediaPlayPause: 'MediaPlayPause',
};

/** Keys that type nothing, so they may be a hotkey with Shift or alone. */
const SILENT_KEY = /^(F([1-9]|1\d|2[0-4])|Volume\w+|Media\w+|PrintScreen)$/;

const isMac = (platform: string): boolean => platform === 'darwin';

/**
 * The accelerator's modifiers, in Electron's usual order. `CommandOrControl` is the key people mean on each
 * system (Cmd on macOS, Ctrl elsewhere), so a hotkey recorded on one works on the others.
 */
function modifiersOf(press: KeyPress, platform: string): string[] {
  const mac = isMac(platform);
  const modifiers: string[] = [];
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  if (!mac && press.metaKey) modifiers.push('Super');
  return modifiers;
}

/** The accelerator's key for a press, or null when the settings cannot spell it. */
function keyOf(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1];
  if (letter !== undefined) {
    // The letter printed on the key (layouts differ), unless it types something else (Option+A on a Mac: å).
    return /^[a-z]$/i.test(press.key) ? press.key.toUpperCase() : letter;
  }
  const digit = /^Digit([0-9])$/.exec(press.code)?.[1];
  if (digit !== undefined) return digit;
  if (/^F([1-9]|1\d|2[0-4])$/.test(press.code)) return press.code;
  const pad = /^Numpad([0-9])$/.exec(press.code)?.[1];
  if (pad !== undefined) return `num${pad}`;
  return NAMED_CODES[press.code] ?? MEDIA_KEYS[press.key] ?? null;
}

/** The keys a person would press for `accelerator`, on `platform` (`CommandOrControl+Shift+Space` → `Ctrl+Shift+Space`). */
export function acceleratorLabel(accelerator: string, platform: string): string {
  const mac = isMac(platform);
  const names: Readonly<Record<string, string>> = {
    commandorcontrol: mac ? 'Cmd' : 'Ctrl',
    cmdorctrl: mac ? 'Cmd' : 'Ctrl',
    command: 'Cmd',
    cmd: 'Cmd',
    control: 'Ctrl',
    ctrl: 'Ctrl',
    alt: mac ? 'Option' : 'Alt',
    option: mac ? 'Option' : 'Alt',
    altgr: 'AltGr',
    shift: 'Shift',
    super: mac ? 'Cmd' : platform === 'win32' ? 'Win' : 'Super',
    meta: mac ? 'Cmd' : platform === 'win32' ? 'Win' : 'Super',
  };
  return accelerator
    .split('+')
    .map((part) => {
      const name = names[part.toLowerCase()];
      if (name !== undefined) return name;
      if (part.length === 1) return part.toUpperCase();
      if (/^num/.test(part)) return `Num${part.slice(3)}`;
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join('+');
}

/** The modifiers a typing key needs, in the platform's words. */
function modifierAdvice(platform: string): string {
  if (isMac(platform)) return 'Cmd, Ctrl or Option';
  return platform === 'win32' ? 'Ctrl, Alt or Win' : 'Ctrl, Alt or Super';
}

/** What a key press in the recorder means: see `RecordedKeys`. */
export function recordKeys(press: KeyPress, platform: string): RecordedKeys {
  const modifiers = modifiersOf(press, platform);
  const bare = modifiers.length === 0;
  if (bare && press.key === 'Escape') return { kind: 'cancel' };
  if (bare && (press.key === 'Backspace' || press.key === 'Delete')) return { kind: 'clear' };
  if (press.key === 'Tab' && modifiers.every((modifier) => modifier === 'Shift')) return { kind: 'pass' };
  if (MODIFIER_KEYS.has(press.key)) {
    return {
      kind: 'partial',
      label: bare ? '' : `${acceleratorLabel(modifiers.join('+'), platform)}+…`,
    };
  }
  const key = keyOf(press);
  if (key === null) {
    const typed = press.key.length === 1 ? `“${press.key}”` : `The ${press.key || press.code} key`;
    return {
      kind: 'invalid',
      message: `${typed} cannot be part of a global hotkey: use a letter, a digit, Space, an arrow or an F key.`,
    };
  }
  const accelerator = [...modifiers, key].join('+');
  const label = acceleratorLabel(accelerator, platform);
  if (!SILENT_KEY.test(key) && modifiers.every((modifier) => modifier === 'Shift')) {
    return {
      kind: 'invalid',
      message: `${label} would take that key from every app: hold ${modifierAdvice(platform)} with it.`,
    };
  }
  if (!SCHEMA_ACCELERATOR.test(accelerator)) {
    return { kind: 'invalid', message: `${label} cannot be saved as a hotkey: choose fewer or other keys.` };
  }
  return { kind: 'done', accelerator, label };
}

/** True when two accelerators name the same keys (order and spelling of the modifiers aside). */
export function sameAccelerator(a: string, b: string, platform: string): boolean {
  const normal = (accelerator: string): string => {
    const parts = acceleratorLabel(accelerator, platform).toLowerCase().split('+');
    const key = parts.pop() ?? '';
    return [...parts.sort(), key].join('+');
  };
  return normal(a) === normal(b);
}
