/**
 * The windows. The main window hides instead of closing (Nekodesk lives in the tray); the picker is
 * created hidden at start-up so the hotkey shows it at once: frameless, off the taskbar, above other apps.
 * The capture overlay (region-capture.ts) is made for one capture and really closes: frameless, covering
 * one display, above everything, including the menu bar and task bar.
 */
import type { BrowserWindow, Rectangle } from 'electron';
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

/** The region-capture overlay over a display's `bounds`, hidden until its page has rendered. */
export function createCaptureWindow(
  deps: WindowDeps,
  bounds: Rectangle,
  platform: NodeJS.Platform,
): BrowserWindow {
  const overlay = openWindow(
    deps,
    'capture',
    {
      title: `${APP_NAME} capture`,
      ...bounds,
      frame: false,
      // macOS would animate a full-screen window into a Space of its own: there it just covers the display.
      fullscreen: platform !== 'darwin',
      enableLargerThanScreen: true,
      skipTaskbar: true,
      alwaysOnTop: true,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      hasShadow: false,
      backgroundColor: '#000000',
    },
    { hideOnClose: false },
  );
  // Above the menu bar, the Dock and full-screen apps too (plain alwaysOnTop stays under them).
  overlay.setAlwaysOnTop(true, 'screen-saver');
  if (platform === 'darwin') overlay.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  return overlay;
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
  { hideOnClose }: { hideOnClose: boolean } = { hideOnClose: true },
): BrowserWindow {
  const window = createSecureWindow(
    { ...options, show: false, icon: deps.files.windowIcon },
    { preload: deps.files.preload, devTools: deps.devTools },
  );
  window.on('close', (event) => {
    if (!hideOnClose || deps.isQuitting()) return;
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
