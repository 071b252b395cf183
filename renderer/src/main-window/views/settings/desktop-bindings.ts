/**
 * The config lines that bind a key to a command in the Wayland compositors configured by text (sway and
 * Hyprland), written for the person's own hotkey when it translates (letters, digits, F keys, Space, arrows),
 * else for Ctrl+Shift+Space. Modifier names are the compositors' (sway: Ctrl Alt Shift Super; Hyprland: CTRL
 * ALT SHIFT SUPER); keys are xkb key names.
 */

export interface DesktopBindings {
  sway: string;
  hyprland: string;
}

const MODIFIERS: Readonly<Record<string, string>> = {
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const XKB_KEYS: Readonly<Record<string, string>> = {
  space: 'space',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
};

const FALLBACK = { modifiers: ['Ctrl', 'Shift'], key: 'space' };

function translate(accelerator: string | null): { modifiers: string[]; key: string } {
  if (accelerator === null) return FALLBACK;
  const parts = accelerator.split('+');
  const last = parts.pop() ?? '';
  const modifiers = parts.map((part) => MODIFIERS[part.toLowerCase()]);
  const key = /^[a-z0-9]$/i.test(last)
    ? last.toLowerCase()
    : /^f([1-9]|1\d|2[0-4])$/i.test(last)
      ? last.toUpperCase()
      : XKB_KEYS[last.toLowerCase()];
  if (key === undefined || modifiers.some((modifier) => modifier === undefined)) return FALLBACK;
  return { modifiers: modifiers.filter((modifier): modifier is string => modifier !== undefined), key };
}

/** The sway and Hyprland lines that run `command` on `accelerator` (or Ctrl+Shift+Space). */
export function desktopBindings(accelerator: string | null, command: string): DesktopBindings {
  const { modifiers, key } = translate(accelerator);
  return {
    sway: `bindsym ${[...modifiers, key].join('+')} exec ${command}`,
    hyprland: `bind = ${modifiers.map((modifier) => modifier.toUpperCase()).join(' ')}, ${key}, exec, ${command}`,
  };
}
