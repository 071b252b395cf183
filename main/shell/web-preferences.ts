/**
 * The one place windows are created: every window is a sandboxed web page with only our preload.
 * The options are written out literally here (not built elsewhere) so reviewers and scanners such as
 * Electronegativity can see them at the constructor.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  secure: { preload: string; devTools: boolean },
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // Our own preload: it exposes only the contract's named calls through contextBridge.
      preload: secure.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would otherwise open links in a new window without going through window.open.
      disableBlinkFeatures: 'Auxclick',
      devTools: secure.devTools,
    },
  });
}
