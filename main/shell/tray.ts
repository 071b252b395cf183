/**
 * The tray icon and its menu: the app's only permanent presence on screen. The wallpaper items act on
 * the rotation; "Pause rotation" is a checkbox that follows the rotation's state (`update`); "Open picker"
 * shows the reaction picker (for people without a working global hotkey, e.g. on Wayland); "Identify
 * clipboard image" identifies the image on the clipboard and notifies the result (identify-notifier.ts).
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../core/app-info';

export interface TrayActions {
  openMain(): void;
  /** Shows the reaction picker; the menu has "Open picker" when given. */
  openPicker?(): void;
  /** Identifies the clipboard's image in the background; the menu has "Identify clipboard image" when given. */
  identifyClipboard?(): void;
  quit(): void;
  next(): void;
  previous(): void;
  favoriteCurrent(): void;
  banCurrent(): void;
  setPaused(paused: boolean): void;
}

/** What the menu shows of the wallpaper rotation. */
export interface TrayWallpaperState {
  paused: boolean;
  /** Something is on screen: Favorite and Ban have something to act on. */
  hasCurrent: boolean;
}

export interface AppTray {
  tray: Tray;
  /** Rebuilds the menu when the state it shows changed (Linux trays need a new menu to show a change). */
  update(state: TrayWallpaperState): void;
}

export const TRAY_LABELS = {
  next: 'Next wallpaper',
  previous: 'Previous wallpaper',
  favorite: 'Favorite current',
  ban: 'Ban current',
  pause: 'Pause rotation',
  open: `Open ${APP_NAME}`,
  picker: 'Open picker',
  identify: 'Identify clipboard image',
  quit: `Quit ${APP_NAME}`,
} as const;

export function createTray(
  iconPath: string,
  actions: TrayActions,
  initial: TrayWallpaperState = { paused: false, hasCurrent: false },
): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip(APP_NAME);
  let shown: TrayWallpaperState = { ...initial };

  const build = (state: TrayWallpaperState): MenuItemConstructorOptions[] => [
    {
      label: TRAY_LABELS.next,
      click: () => {
        actions.next();
      },
    },
    {
      label: TRAY_LABELS.previous,
      click: () => {
        actions.previous();
      },
    },
    {
      label: TRAY_LABELS.favorite,
      enabled: state.hasCurrent,
      click: () => {
        actions.favoriteCurrent();
      },
    },
    {
      label: TRAY_LABELS.ban,
      enabled: state.hasCurrent,
      click: () => {
        actions.banCurrent();
      },
    },
    {
      label: TRAY_LABELS.pause,
      type: 'checkbox',
      checked: state.paused,
      // Electron has already flipped `checked` when click runs: it is what the person asked for.
      click: (item) => {
        actions.setPaused(item.checked);
      },
    },
    { type: 'separator' },
    {
      label: TRAY_LABELS.open,
      click: () => {
        actions.openMain();
      },
    },
    ...pickerItem(actions),
    ...identifyItem(actions),
    { type: 'separator' },
    {
      label: TRAY_LABELS.quit,
      click: () => {
        actions.quit();
      },
    },
  ];
  tray.setContextMenu(Menu.buildFromTemplate(build(shown)));

  // Windows opens on click; Linux trays (AppIndicator) often only show the menu, which has the same item.
  tray.on('click', () => {
    actions.openMain();
  });
  return {
    tray,
    update(state) {
      if (state.paused === shown.paused && state.hasCurrent === shown.hasCurrent) return;
      shown = { ...state };
      tray.setContextMenu(Menu.buildFromTemplate(build(shown)));
    },
  };
}

function pickerItem(actions: TrayActions): MenuItemConstructorOptions[] {
  if (actions.openPicker === undefined) return [];
  return [
    {
      label: TRAY_LABELS.picker,
      click: () => {
        actions.openPicker?.();
      },
    },
  ];
}

function identifyItem(actions: TrayActions): MenuItemConstructorOptions[] {
  if (actions.identifyClipboard === undefined) return [];
  return [
    {
      label: TRAY_LABELS.identify,
      click: () => {
        actions.identifyClipboard?.();
      },
    },
  ];
}
