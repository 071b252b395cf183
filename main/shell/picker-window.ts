/**
 * Showing and hiding the reaction picker like a launcher: on the display under the mouse pointer,
 * centred horizontally in its upper third, focused (the page then focuses its search box on the
 * window's `focus` event); hidden on Esc (`hidePicker`, called by the `picker:hide` handler) and on blur
 * (windows.ts). Hiding on Esc hands the keyboard back to the app the person came from:
 * - macOS: hiding a window leaves our app active, so `app.hide()` (NSApplication hide:) activates the
 *   previous app — only when the main window is not showing, since it hides every window of ours.
 * - Windows: `hide()` alone may leave no window active; minimizing first makes Windows activate the next
 *   window in z-order, the app the person came from. `showPicker` restores it.
 * - Linux: the window manager focuses the window below once ours is hidden.
 * On Wayland the app can neither read the pointer nor place its windows: the compositor decides.
 */
import type { App, BrowserWindow, Rectangle, Screen } from 'electron';
import { isWaylandSession } from './global-hotkey';
import { PICKER_SIZE } from './windows';

export interface PickerWindowDeps {
  picker: BrowserWindow;
  /** The main window: on macOS the app is hidden on Esc only when it is not showing. */
  main: BrowserWindow;
  app: Pick<App, 'hide' | 'focus'>;
  screen: Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

export interface PickerWindowControl {
  showPicker(): void;
  /** Hides the picker and gives the keyboard back to the previous app (Esc). */
  hidePicker(): void;
  /** The hotkey: shows the picker, or hides it when it is already in front. */
  togglePicker(): void;
}

/** Where the picker goes in a display's work area: centred horizontally, its middle at one third of the height. */
export function pickerBounds(
  workArea: Rectangle,
  size: { width: number; height: number } = PICKER_SIZE,
): Rectangle {
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  const x = workArea.x + Math.round((workArea.width - width) / 2);
  const middle = workArea.y + Math.round(workArea.height / 3);
  const y = Math.min(
    Math.max(workArea.y, middle - Math.round(height / 2)),
    workArea.y + workArea.height - height,
  );
  return { x, y, width, height };
}

export function createPickerWindowControl(deps: PickerWindowDeps): PickerWindowControl {
  const { picker } = deps;
  const wayland = isWaylandSession(deps.platform, deps.env);

  const place = (): void => {
    if (wayland) return;
    const display = deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint());
    picker.setBounds(pickerBounds(display.workArea));
  };

  const showPicker = (): void => {
    if (picker.isDestroyed()) return;
    if (picker.isMinimized()) picker.restore();
    place();
    // A tray app is usually not the active app when the hotkey is pressed; macOS needs it made active.
    if (deps.platform === 'darwin') deps.app.focus({ steal: true });
    picker.show();
    picker.focus();
  };

  const hidePicker = (): void => {
    if (picker.isDestroyed() || !picker.isVisible()) return;
    if (deps.platform === 'win32') picker.minimize();
    picker.hide();
    const mainShowing = !deps.main.isDestroyed() && deps.main.isVisible() && !deps.main.isMinimized();
    if (deps.platform === 'darwin' && !mainShowing) deps.app.hide();
  };

  return {
    showPicker,
    hidePicker,
    togglePicker() {
      if (!picker.isDestroyed() && picker.isVisible() && picker.isFocused()) hidePicker();
      else showPicker();
    },
  };
}
