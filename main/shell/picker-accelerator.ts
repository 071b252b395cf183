/**
 * Checks a global hotkey against Electron's accelerator grammar (docs/api/accelerator.md) before
 * `globalShortcut.register` sees it: modifiers joined by `+` and exactly one key, case-insensitive.
 * Stricter than Electron where a global grab would hurt: a printable key needs a modifier other than
 * Shift (Shift+A would swallow every capital A), and `Command`/`Cmd` alone mean nothing off macOS.
 */

export type AcceleratorCheck = { ok: true; label: string } | { ok: false; reason: string };

const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

/** Named keys of the grammar that the settings' `[A-Za-z0-9+]` can spell (punctuation cannot reach here). */
const NAMED_KEYS = new Set(
  [
    'Plus',
    'Space',
    'Tab',
    'Capslock',
    'Numlock',
    'Scrolllock',
    'Backspace',
    'Delete',
    'Insert',
    'Return',
    'Enter',
    'Up',
    'Down',
    'Left',
    'Right',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'Escape',
    'Esc',
    'VolumeUp',
    'VolumeDown',
    'VolumeMute',
    'MediaNextTrack',
    'MediaPreviousTrack',
    'MediaStop',
    'MediaPlayPause',
    'PrintScreen',
    'numdec',
    'numadd',
    'numsub',
    'nummult',
    'numdiv',
  ].map((key) => key.toLowerCase()),
);

/** Keys that type nothing: fine as a global hotkey on their own (F13, media keys). */
const NON_PRINTING = /^(f([1-9]|1\d|2[0-4])|volume\w+|media\w+|printscreen)$/;

function isKey(token: string): boolean {
  const lower = token.toLowerCase();
  return (
    /^[a-z0-9]$/.test(lower) ||
    /^f([1-9]|1\d|2[0-4])$/.test(lower) ||
    /^num[0-9]$/.test(lower) ||
    NAMED_KEYS.has(lower)
  );
}

/** How the key reads on `platform` (`CommandOrControl` is Cmd on macOS, Ctrl elsewhere). */
function modifierLabel(modifier: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  switch (modifier) {
    case 'CommandOrControl':
      return mac ? 'Cmd' : 'Ctrl';
    case 'Command':
      return 'Cmd';
    case 'Control':
      return 'Ctrl';
    case 'Alt':
      return mac ? 'Option' : 'Alt';
    case 'Super':
      return mac ? 'Cmd' : platform === 'win32' ? 'Win' : 'Super';
    default:
      return modifier;
  }
}

export function checkAccelerator(accelerator: string, platform: NodeJS.Platform): AcceleratorCheck {
  const tokens = accelerator.split('+');
  if (tokens.some((token) => token.trim() === ''))
    return {
      ok: false,
      reason: `“${accelerator}” has an empty part: write keys joined by +, like Ctrl+Shift+Space.`,
    };
  const modifiers: string[] = [];
  const keys: string[] = [];
  for (const token of tokens) {
    const modifier = MODIFIERS[token.toLowerCase()];
    if (modifier !== undefined) {
      if (modifiers.includes(modifier))
        return { ok: false, reason: `“${accelerator}” names ${token} twice.` };
      modifiers.push(modifier);
    } else if (isKey(token)) keys.push(token);
    else return { ok: false, reason: `“${token}” is not a key Electron knows.` };
  }
  const [key] = keys;
  if (key === undefined || keys.length > 1)
    return {
      ok: false,
      reason: `“${accelerator}” must have exactly one key besides its modifiers (it has ${String(keys.length)}).`,
    };
  if (platform !== 'darwin' && modifiers.includes('Command'))
    return { ok: false, reason: 'Command exists only on macOS: use CommandOrControl.' };
  const typing = !NON_PRINTING.test(key.toLowerCase());
  if (typing && modifiers.every((modifier) => modifier === 'Shift'))
    return {
      ok: false,
      reason: `“${accelerator}” would take that key from every app: add Ctrl, Alt or Cmd.`,
    };
  const label = [...modifiers.map((modifier) => modifierLabel(modifier, platform)), keyLabel(key)].join('+');
  return { ok: true, label };
}

function keyLabel(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1);
}
