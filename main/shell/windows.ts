/**
 * The two windows. The main window hides instead of closing (Nekodesk lives in the tray); the picker is
 * created hidden at start-up so the hotkey shows it at once: frameless, off the taskbar, above other apps.
 */
import type { BrowserWindow } from 'electron';
import { type BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from '../core/app-info';
import type { AppFiles } from './app-files';
import type { ShellLog } from './logger';
import type { PageName, RendererPages } from './renderer-pages';
import { createSecureWindow } from './web-preferences';
import type { WindowEvents } from './window-events';

export interface WindowDeps {
  files: AppFiles;
  pages: RendererPages;
  events: WindowEvents;
  devTools: boolean;
  /** True once the app is quitting: then windows really close. */
  isQuitting(): boolean;
  log: ShellLog;
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  return openWindow(deps, 'main', {
    title: APP_NAME,
    width: 1024,
    height: 720,
    minWidth: 720,
    minHeight: 480,
  });
}

/** The picker's size (DIPs); picker-window.ts places it on the display under the cursor. */
export const PICKER_SIZE = { width: 520, height: 440 } as const;

export function createPickerWindow(deps: WindowDeps): BrowserWindow {
  const picker = openWindow(deps, 'picker', {
    title: `${APP_NAME} picker`,
    ...PICKER_SIZE,
    frame: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
  });
  // A picker left open behind the app the person went back to would only be in the way. The person
  // already chose where focus goes, so nothing is handed back (unlike Esc: see picker-window.ts).
  picker.on('blur', () => {
    if (!picker.isDestroyed() && picker.isVisible()) picker.hide();
  });
  return picker;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function openWindow(
  deps: WindowDeps,
  page: PageName,
  options: BrowserWindowConstructorOptions,
): BrowserWindow {
  const window = createSecureWindow(
    { ...options, show: false, icon: deps.files.windowIcon },
    { preload: deps.files.preload, devTools: deps.devTools },
  );
  window.on('close', (event) => {
    if (deps.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  deps.events.track(window);
  const url = deps.pages.url(page);
  window.loadURL(url).catch((error: unknown) => {
    deps.log.error(`Could not load ${url}`, error);
  });
  return window;
}
