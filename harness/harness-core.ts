/**
 * The real core behind the harness, wired like the app: settings through conf in the NEKODESK_HOME (or
 * XDG) folder, the API clients from `createCore` (service URLs from settings, environment overrides
 * first), the wallpaper service, and the call handlers every window uses. What differs from the app:
 * opening a link (a browser tab cannot open the OS browser, so the harness records the URL), setting
 * the wallpaper (a browser cannot set the OS wallpaper, so a recording setter keeps the composed file),
 * the monitors (the settings' layout, or one 1920x1080 screen), image URLs (a loopback path), the picker's
 * clipboard, hide and drag-out (recorded: see picker-harness.ts), and identification's secrets (in memory: see
 * memory-secrets.ts). Reading the OS clipboard's image and capturing a screen region are the shell's: here
 * those calls answer "not available here".
 */
import Conf from 'conf';
import type { HotkeyStatuses, HotkeyStatusInfo, Notice, WallpaperState } from '../preload/contract';
import type { FetchLike } from '../main/core/http';
import { identifyImageDir, openIdentifyService, type IdentifyService } from '../main/core/identify';
import { resolvePaths } from '../main/core/paths';
import { createLiveCore } from '../main/core/live-core';
import { openSettingsFile, SettingsService } from '../main/core/settings';
import type { Settings } from '../main/core/settings/settings-schema';
import type { WallpaperSetter } from '../main/core/wallpaper/setters';
import type { ComposedWallpaper, Monitor } from '../main/core/wallpaper/types';
import { openWallpaperService, type WallpaperService } from '../main/core/wallpaper/wallpaper-service';
import { createHandlers, listCategories, nekosiaTags, wallpaperState } from '../main/handlers';
import type { Handlers } from '../main/ipc-dispatch';
import { MemorySecretStore } from './memory-secrets';
import { createHarnessPicker, type PickerRecords } from './picker-harness';

/** Where the harness serves cached files (see server.ts); guarded by the session cookie like the calls. */
export const CACHE_PATH_PREFIX = '/__nekodesk/cache/';

const DEFAULT_MONITORS: readonly Monitor[] = [
  { id: 'harness', x: 0, y: 0, width: 1920, height: 1080, primary: true },
];

export interface HarnessCoreOptions {
  env: Readonly<Record<string, string | undefined>>;
  fetch?: FetchLike;
  /** Called with each URL a page asks to open. */
  onOpenExternal(url: string): void;
  /** Every state change of the rotation, as `wallpaper:changed` carries it. */
  onWallpaperChange?(state: WallpaperState): void;
  /** Rotation failures a page should hear about. */
  onNotice?(notice: Notice): void;
}

export interface HarnessCore {
  handlers: Handlers;
  settings: SettingsService;
  /** The wallpaper service, opening in the background. */
  wallpaper: Promise<WallpaperService>;
  /** Every wallpaper "set" so far, oldest first: what the app would have shown on the desktop. */
  shownWallpapers: ComposedWallpaper[];
  /** What was wrong with the settings file at start, for the first page to show. */
  startupNotices: string[];
  /** The picker's copies, hides and drags, recorded instead of done. */
  picker: PickerRecords;
  /** Where the picker's preview files are. */
  previewDir: string;
  /** Where identification's images are (cleaned uploads, previews, covers: `i/<name>` keys). */
  identifyDir: string;
  close(): Promise<void>;
}

export function createHarnessCore(options: HarnessCoreOptions): HarnessCore {
  const paths = resolvePaths({ ...options.env });
  const opened = openSettingsFile(paths.config, (conf) => new Conf(conf));
  const settings = new SettingsService(opened.backend, opened.settings);

  const secrets = new MemorySecretStore();
  const core = createLiveCore(settings, {
    env: options.env,
    secrets,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  core(); // an invalid NEKODESK_*_URL stops the harness now, not at the first call

  const imageUrl = (key: string): string => `${CACHE_PATH_PREFIX}${key}`;
  const shownWallpapers: ComposedWallpaper[] = [];
  // A browser cannot set the OS wallpaper: this setter only remembers what would have been shown.
  const recordingSetter: WallpaperSetter = {
    desktop: 'unknown',
    name: 'browser harness (records only)',
    set: (composed) => {
      shownWallpapers.push(composed);
      return Promise.resolve();
    },
  };
  let service: WallpaperService | null = null;
  const wallpaper = openWallpaperService({
    core,
    settings,
    paths,
    monitors: () => Promise.resolve(settings.get().wallpaper.monitors ?? [...DEFAULT_MONITORS]),
    setter: () => recordingSetter,
    // No prefetching and no timer: the harness changes the wallpaper only when a page asks.
    prefetchDepth: 0,
    onChange: (state) => {
      if (service !== null)
        options.onWallpaperChange?.(wallpaperState(state, service.cache, settings, imageUrl));
    },
    onError: (error) => {
      if (error.step === 'change' || error.step === 'previous') return; // the call answers these
      if (error.step === 'history') options.onNotice?.({ level: 'error', message: error.message });
    },
  });
  wallpaper.then(
    (opened) => {
      service = opened;
    },
    () => undefined, // calls answer the failure
  );

  const picker = createHarnessPicker({ core, settings, paths, wallpaper });
  // Opened on first use, like the app's; a failure is retried at the next call.
  let identifying: Promise<IdentifyService> | null = null;
  const identify = (): Promise<IdentifyService> =>
    (identifying ??= openIdentifyService({
      whatanime: () => core().whatanime,
      http: () => core().http,
      dataDir: paths.data,
      cacheDir: paths.cache,
      secrets,
      secureStorage: true,
      settings: () => settings.get().identify,
      imageUrl,
    }).catch((error: unknown) => {
      identifying = null;
      throw error;
    }));
  const handlers = createHandlers({
    settings,
    listCategories: () => listCategories(core()),
    openLink: (url) => {
      options.onOpenExternal(url);
      return Promise.resolve();
    },
    platform: process.platform,
    wallpaper: () => wallpaper,
    imageUrl,
    nekosiaTags: () => nekosiaTags(core()),
    picker: () => picker.port(),
    hidePicker: () => {
      picker.records.hides += 1;
    },
    startDrag: (artworkId) => {
      picker.records.drags.push(artworkId);
    },
    identify,
    hotkeys: () => harnessHotkeys(settings.get()),
  });
  return {
    handlers,
    settings,
    wallpaper,
    shownWallpapers,
    startupNotices: opened.notices,
    picker: picker.records,
    previewDir: picker.previewDir,
    identifyDir: identifyImageDir(paths.cache),
    close: async () => {
      const open = await wallpaper.catch(() => null);
      await open?.close();
    },
  };
}

const NO_HOTKEYS =
  'A browser cannot register global hotkeys: the app does (this page is the browser harness).';

/** The browser harness has no global shortcuts: each hotkey set is reported as unsupported, and why. */
function harnessHotkeys(current: Settings): HotkeyStatuses {
  const status = (accelerator: string | null): HotkeyStatusInfo =>
    accelerator === null
      ? { state: 'off', accelerator, message: '' }
      : { state: 'unsupported', accelerator, message: NO_HOTKEYS };
  return {
    picker: status(current.picker.hotkey),
    identify: status(current.identify.hotkey),
    suggestions: [],
    wayland: false,
    pickerCommand: 'nekodesk picker',
  };
}
