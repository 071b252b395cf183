/**
 * The Electron app's composition root: wires the core to Electron through the small modules in
 * main/shell/ and holds the app's lifecycle. Everything here is wiring; behaviour lives in those modules.
 */
import {
  app,
  clipboard,
  ClipboardItem,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  type BrowserWindow,
} from 'electron';
import os from 'node:os';
import { APP_NAME } from './core/app-info';
import { cropImage, identifyImageDir, identifyImageFile } from './core/identify';
import { createLiveCore } from './core/live-core';
import { resolvePaths } from './core/paths';
import { SettingsService, type Settings } from './core/settings';
import type { WallpaperService } from './core/wallpaper/wallpaper-service';
import {
  assertWebUrl,
  createHandlers,
  listCategories,
  nekosiaTags,
  pickerPreviewFile,
  pickerPreviewKey,
  wallpaperState,
} from './handlers';
import { pickerPreviewDir } from './core/picker';
import { resolveAppFiles } from './shell/app-files';
import { serveRendererRequest } from './shell/app-protocol';
import { appImageUrl, openAppWallpaper } from './shell/app-wallpaper';
import { CACHE_SCHEME, serveCacheRequest } from './shell/cache-protocol';
import { createAppHotkeys } from './shell/app-hotkeys';
import { routeArgv, type LaunchAction } from './shell/argv-router';
import { readClipboardImage } from './shell/clipboard-image';
import { createElectronClipboard } from './shell/electron-clipboard';
import { createAppIdentify } from './shell/identify-app';
import { createIdentifyNotifier } from './shell/identify-notifier';
import { registerIpc } from './shell/ipc';
import { createRedactor } from './shell/log-redaction';
import { createLogger } from './shell/logger';
import { applyLaunchAtLogin } from './shell/login-item';
import { createAppPicker } from './shell/picker-app';
import { createPickerWindowControl, type PickerWindowControl } from './shell/picker-window';
import { createRegionCapture } from './shell/region-capture';
import { APP_SCHEME, createRendererPages } from './shell/renderer-pages';
import { createAppSecretStore } from './shell/secret-store';
import { guardSession } from './shell/session-guard';
import { openAppSettings } from './shell/settings-store';
import { createRotationNotices } from './shell/rotation-notices';
import { createTray } from './shell/tray';
import { guardWebContents } from './shell/web-contents-guard';
import { createWindowEvents } from './shell/window-events';
import { createCaptureWindow, createMainWindow, createPickerWindow, showWindow } from './shell/windows';

const paths = resolvePaths();
const redactor = createRedactor();
const log = createLogger({ dir: paths.logs, redactor, console: !app.isPackaged });

// Before `ready`: every renderer sandboxed, Chromium's profile in our data folder, our pages' scheme.
app.enableSandbox();
app.setPath('userData', paths.data);
app.setAppLogsPath(paths.logs);
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // Downloaded artwork for <img>, identification preview clips for <video> (`stream`):
  // nekodesk://cache/<key> (see shell/cache-protocol.ts).
  { scheme: CACHE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

// The app's only shell.openExternal: every URL must pass assertWebUrl (http and https only) first.
const openLink = (url: string): Promise<void> => shell.openExternal(assertWebUrl(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, { openLink, log });
});

let windows: {
  main: BrowserWindow;
  picker: BrowserWindow;
  pickerControl: PickerWindowControl;
  /** Identifies the clipboard's image in the background and notifies the result (tray, hotkey, flag). */
  identifyClipboard(): void;
} | null = null;
const pendingLaunches: LaunchAction[] = [];
let quitting = false;

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', (_event, argv) => {
    launch(routeArgv(argv, { secondInstance: true }));
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // A tray app keeps running with no window open; quitting goes through the tray (or the OS).
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => {
    launch({ kind: 'show-main' });
  });
  app.whenReady().then(start).catch(fail);
} else {
  log.info('Nekodesk is already running: handed this launch to it.');
  app.quit();
}

function start(): void {
  log.info(`${APP_NAME} starting (${process.platform}, data in ${paths.data})`);
  if (process.platform === 'win32') app.setAppUserModelId('app.nekodesk.desktop');
  const pages = createRendererPages(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
  guardSession(session.defaultSession, log, (url) => pages.isOurPage(url));

  const files = resolveAppFiles(app.getAppPath(), process.platform);
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, files.rendererDir));

  const opened = openAppSettings(paths.config);
  const settings = new SettingsService(opened.backend, opened.settings);
  const secrets = createAppSecretStore({
    configDir: paths.config,
    safeStorage,
    platform: process.platform,
    redactor,
  });
  const core = createLiveCore(settings, { env: process.env, secrets });
  const events = createWindowEvents();
  const notices = createRotationNotices((notice) => {
    events.broadcast('app:notice', notice);
  }, log);

  // The wallpaper service opens in the background; calls and the tray wait for it.
  let tray: ReturnType<typeof createTray> | null = null;
  // The picker shares the wallpaper's download cache; its warm pool and favorites are kept there too.
  let pickerPinned: () => Iterable<string> = () => [];
  const opening = openAppWallpaper({
    alsoPinned: () => pickerPinned(),
    core,
    settings,
    paths,
    screen,
    powerMonitor,
    env: process.env,
    platform: process.platform,
    onChange: (state, service) => {
      notices.onChange(state);
      const view = wallpaperState(state, service.cache, settings, appImageUrl);
      events.broadcast('wallpaper:changed', view);
      tray?.update({ paused: view.paused, hasCurrent: view.current.length > 0 });
    },
    onError: (error) => {
      notices.onError(error);
    },
    log,
  });
  let wallpaper: WallpaperService | null = null;
  opening.then(
    (service) => {
      wallpaper = service;
      tray?.update({
        paused: settings.get().wallpaper.paused,
        hasCurrent: service.rotation.current().length > 0,
      });
    },
    (error: unknown) => {
      log.error('The wallpaper service could not open', error);
      events.broadcast('app:notice', {
        level: 'error',
        message: 'Wallpapers are unavailable: their files could not be opened.',
      });
    },
  );
  app.on('will-quit', () => {
    // Best effort: stops the timer and flushes the cache's bookkeeping.
    void wallpaper?.close();
  });
  const windowDeps = { files, pages, events, devTools: !app.isPackaged, isQuitting: () => quitting, log };
  const cacheUrl = (key: string): string => `${CACHE_SCHEME}://cache/${key}`;
  const regionCapture = createRegionCapture({
    screen,
    desktopCapturer,
    appWindows: () => (windows === null ? [] : [windows.main, windows.picker]),
    openOverlay: (bounds) => createCaptureWindow(windowDeps, bounds, process.platform),
    crop: cropImage,
    imageUrl: cacheUrl,
    platform: process.platform,
    screenAccess: () => systemPreferences.getMediaAccessStatus('screen'),
    log,
  });
  protocol.handle(CACHE_SCHEME, (request) =>
    serveCacheRequest(request, {
      resolve: (key) => wallpaper?.cache.resolve(key) ?? null,
      previewFile: (key) => pickerPreviewFile(pickerPreviewDir(paths.cache), key),
      identifyFile: (key) => identifyImageFile(identifyImageDir(paths.cache), key),
      captureImage: (key) => regionCapture.screenshot(key),
    }),
  );
  const withRotation = (work: (service: WallpaperService) => Promise<unknown>): void => {
    opening.then(work).catch((error: unknown) => {
      log.error('A wallpaper action from the tray failed', error);
    });
  };

  const main = createMainWindow(windowDeps);
  const picker = createPickerWindow(windowDeps);
  const env = process.env;
  const pickerControl = createPickerWindowControl({
    picker,
    main,
    app,
    screen,
    platform: process.platform,
    env,
  });
  const appIdentify = createAppIdentify({
    core,
    settings,
    paths,
    secrets,
    safeStorage,
    platform: process.platform,
    imageUrl: cacheUrl,
    notify: (notice) => {
      log.warn(notice.message);
      events.broadcast('app:notice', notice);
    },
  });
  const hotkeys = createAppHotkeys({
    globalShortcut,
    platform: process.platform,
    env,
    execPath: process.execPath,
    isPackaged: app.isPackaged,
    onPicker: () => {
      pickerControl.togglePicker();
    },
    onIdentify: () => {
      launch({ kind: 'identify-clipboard' });
    },
    notify: (notice) => {
      events.broadcast('app:notice', notice);
    },
    log,
  });
  const appPicker = createAppPicker({
    core,
    settings,
    paths,
    wallpaper: opening,
    clipboard: createElectronClipboard({ clipboard, ClipboardItem, platform: process.platform, log }),
    contents: picker.webContents,
    fallbackIcon: files.windowIcon,
    nativeImage,
    log,
  });
  pickerPinned = () => appPicker.pinnedIds();
  // In the background: the picker should open with pictures, and work offline, from the first use.
  appPicker.warm().catch((error: unknown) => {
    log.warn('The picker could not prepare its warm pool', error);
  });

  const handlers = createHandlers({
    settings,
    listCategories: () => listCategories(core()),
    openLink,
    platform: process.platform,
    wallpaper: () => opening,
    imageUrl: appImageUrl,
    previewUrl: (file) => cacheUrl(pickerPreviewKey(file)),
    nekosiaTags: () => nekosiaTags(core()),
    answered: (work) => notices.answered(work),
    picker: () => appPicker.port(),
    hidePicker: () => {
      pickerControl.hidePicker();
    },
    startDrag: (artworkId) => appPicker.startDrag(artworkId),
    identify: () => appIdentify.port(),
    readClipboardImage: () => readClipboardImage(clipboard),
    capture: regionCapture,
    hotkeys: () => hotkeys.statuses(),
  });
  registerIpc(
    ipcMain,
    handlers,
    {
      trustedContents: () =>
        [main, picker, regionCapture.overlay()]
          .filter((w): w is BrowserWindow => w !== null && !w.isDestroyed())
          .map((w) => w.webContents),
      pages,
    },
    log,
  );
  const notifier = createIdentifyNotifier({
    identifyClipboard: async () => handlers['identify:clipboard'](undefined),
    Notification,
    icon: files.windowIcon,
    showResult: (result) => {
      showWindow(main);
      // The main window switches to its Identify view for this event (queued until it has loaded).
      if (result !== null) events.send(main, 'identify:result', result);
    },
    log,
  });
  windows = {
    main,
    picker,
    pickerControl,
    identifyClipboard: () => {
      notifier.identifyClipboard().catch((error: unknown) => {
        log.error('Could not notify an identification', error);
      });
    },
  };
  tray = createTray(
    files.trayIcon,
    {
      openMain: () => {
        launch({ kind: 'show-main' });
      },
      openPicker: () => {
        launch({ kind: 'show-picker' });
      },
      identifyClipboard: () => {
        launch({ kind: 'identify-clipboard' });
      },
      quit: () => {
        app.quit();
      },
      // Failures of these reach the person as notices (the rotation reports them; see rotation-notices.ts).
      next: () => {
        withRotation((service) => service.rotation.next());
      },
      previous: () => {
        withRotation((service) => service.rotation.previous());
      },
      favoriteCurrent: () => {
        withRotation(async (service) => {
          const result = await service.rotation.favoriteCurrent();
          if (result.ok)
            events.broadcast('app:notice', { level: 'info', message: 'Added to your favorites.' });
          else events.broadcast('app:notice', { level: 'error', message: result.error.message });
        });
      },
      banCurrent: () => {
        withRotation((service) => service.rotation.banCurrent());
      },
      setPaused: (paused) => {
        // The service follows the setting: the rotation pauses or resumes, and the menu follows its state.
        settings.update({ wallpaper: { paused } });
      },
    },
    { paused: settings.get().wallpaper.paused, hasCurrent: false },
  );

  for (const message of opened.notices) {
    log.warn(message);
    events.send(main, 'app:notice', { level: 'warning', message });
  }
  const setLaunchAtLogin = (enabled: boolean): void => {
    try {
      applyLaunchAtLogin(enabled, {
        app,
        platform: process.platform,
        env: process.env,
        homeDir: os.homedir(),
        execPath: process.execPath,
        log,
      });
    } catch (error) {
      log.error('Could not change launch at login', error);
      events.send(main, 'app:notice', { level: 'error', message: 'Launch at login could not be changed.' });
    }
  };
  app.on('will-quit', () => {
    hotkeys.dispose();
    appPicker.dispose();
  });

  let previous: Settings = settings.get();
  setLaunchAtLogin(previous.launchAtLogin);
  hotkeys.apply({ picker: previous.picker.hotkey, identify: previous.identify.hotkey });
  settings.onChange((next) => {
    events.broadcast('settings:changed', next);
    if (next.launchAtLogin !== previous.launchAtLogin) setLaunchAtLogin(next.launchAtLogin);
    hotkeys.apply({ picker: next.picker.hotkey, identify: next.identify.hotkey });
    previous = next;
  });

  const openedAtLogin = process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  launch(routeArgv(process.argv, { secondInstance: false, openedAtLogin }));
  for (const action of pendingLaunches.splice(0)) launch(action);
}

/** Carries out what a launch asked for; launches before the windows exist wait for them. */
function launch(action: LaunchAction): void {
  if (windows === null) {
    pendingLaunches.push(action);
    return;
  }
  if (action.kind === 'show-main') showWindow(windows.main);
  else if (action.kind === 'show-picker') windows.pickerControl.showPicker();
  else if (action.kind === 'identify-clipboard') windows.identifyClipboard();
}

function fail(error: unknown): void {
  log.error('Nekodesk could not start', error);
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(`${APP_NAME} could not start`, String(redactor.redact(reason)));
  app.exit(1);
}
