/**
 * What a launch of the app asks for. The first launch reads `process.argv`; a second launch is forwarded
 * to the running instance (`second-instance`), which routes its argv here too. Chromium adds its own
 * switches to a forwarded argv, so only the flags below mean anything; everything else is ignored.
 */
export type LaunchAction =
  { kind: 'show-main' } | { kind: 'show-picker' } | { kind: 'identify-clipboard' } | { kind: 'stay-in-tray' };

export interface LaunchContext {
  /** True for the argv of a later launch that was handed to the running instance. */
  secondInstance: boolean;
  /** macOS: the system started the app at login (elsewhere the login entry passes `--hidden`). */
  openedAtLogin?: boolean;
}

/** Passed by the login item / autostart entry so a start at login stays in the tray. */
export const HIDDEN_FLAG = '--hidden';
/** Opens the reaction picker (for a desktop shortcut or a window-manager key binding). */
export const PICKER_FLAG = '--picker';
/** Identifies the clipboard's image and notifies the result (the identify hotkey's stand-in on Wayland). */
export const IDENTIFY_CLIPBOARD_FLAG = '--identify-clipboard';

export function routeArgv(argv: readonly string[], context: LaunchContext): LaunchAction {
  // argv[0] is the executable; in development argv[1] is the app folder. Neither is ever one of our flags.
  const args = argv.slice(1);
  if (args.includes(PICKER_FLAG)) return { kind: 'show-picker' };
  if (args.includes(IDENTIFY_CLIPBOARD_FLAG)) return { kind: 'identify-clipboard' };
  if (args.includes(HIDDEN_FLAG)) return { kind: 'stay-in-tray' };
  if (!context.secondInstance && context.openedAtLogin === true) return { kind: 'stay-in-tray' };
  return { kind: 'show-main' };
}
