/**
 * The reaction picker's core in the app: the real `PickerService` on the wallpaper service's download cache,
 * writing to Electron's clipboard (electron-clipboard.ts), opened on first use, with a `WarmPoolKeeper` that
 * downloads each new favorite at once and warms the pool again as favorites and use change. Also the
 * `picker:start-drag` half that needs the core: the artwork's cached file and preview, handed to `startDragOut`.
 */
import type { NativeImage, WebContents } from 'electron';
import type { ClipboardWriter } from '../core/clipboard/clipboard-writer';
import { systemClock } from '../core/clock';
import type { Core } from '../core/create-core';
import type { NekodeskPaths } from '../core/paths';
import { PickerFile, PickerService, WarmPoolKeeper } from '../core/picker';
import type { SettingsService } from '../core/settings';
import type { WallpaperService } from '../core/wallpaper/wallpaper-service';
import type { PickerPort } from '../handlers';
import { startDragOut } from './drag-out';
import type { ShellLog } from './logger';

export interface AppPickerDeps {
  core: () => Pick<Core, 'nekosBest'>;
  settings: Pick<SettingsService, 'get'>;
  paths: Pick<NekodeskPaths, 'data'>;
  /** The download cache is the wallpaper service's (one cache, one size limit). */
  wallpaper: Promise<Pick<WallpaperService, 'cache'>>;
  clipboard: ClipboardWriter;
  /** The picker window's contents (the drag starts from there). */
  contents: Pick<WebContents, 'startDrag' | 'isDestroyed'>;
  /** The app's icon, under the pointer when the preview cannot be read. */
  fallbackIcon: string;
  nativeImage: { createFromPath(path: string): NativeImage };
  /** Where a failed background download or warm is told (it is retried at the next change). */
  log?: Pick<ShellLog, 'warn'>;
  /** Quiet time before the pool is warmed again after a change. Default `DEFAULT_REWARM_DEBOUNCE_MS`. */
  rewarmDebounceMs?: number;
}

export interface AppPicker {
  /** The core, opened on first use (a failure is retried at the next use). */
  port(): Promise<PickerPort>;
  /** Drags an artwork's cached original out of the picker window (downloading it first if needed). */
  startDrag(artworkId: string): Promise<void>;
  /** The picker's warm pool and favorites, which the shared cache must keep (empty until it opened). */
  pinnedIds(): ReadonlySet<string>;
  /** Downloads the warm pool (GIFs of the most used categories, every favorite), so the picker opens with pictures. */
  warm(): Promise<{ ready: string[]; failed: number }>;
  /** Resolves once no background download or warm is under way (tests). */
  idle(): Promise<void>;
  /** Stops keeping the pool warm (at quit): a scheduled re-warm is dropped. */
  dispose(): void;
}

interface OpenedPicker {
  service: PickerService;
  keeper: WarmPoolKeeper;
  cacheRoot: string;
}

export function createAppPicker(deps: AppPickerDeps): AppPicker {
  let opening: Promise<OpenedPicker> | null = null;
  let openedService: PickerService | null = null;
  let keeper: WarmPoolKeeper | null = null;
  let disposed = false;

  const open = async (): Promise<OpenedPicker> => {
    const { cache } = await deps.wallpaper;
    const store = await PickerFile.open(deps.paths.data);
    const service = new PickerService({
      nekosBest: () => deps.core().nekosBest,
      cache,
      clipboard: deps.clipboard,
      store,
      clock: systemClock,
      settings: () => deps.settings.get().picker,
    });
    const opened = new WarmPoolKeeper(service, systemClock, {
      ...(deps.rewarmDebounceMs === undefined ? {} : { debounceMs: deps.rewarmDebounceMs }),
      onError: (error) => {
        deps.log?.warn('The picker could not keep a GIF ready offline', error);
      },
    });
    if (disposed) opened.dispose();
    openedService = service;
    keeper = opened;
    return { service, keeper: opened, cacheRoot: cache.root };
  };
  const opened = (): Promise<OpenedPicker> =>
    (opening ??= open().catch((error: unknown) => {
      opening = null;
      throw error;
    }));

  return {
    port: async () => (await opened()).service,
    pinnedIds: () => openedService?.pinnedIds() ?? new Set(),
    async warm() {
      const result = await (await opened()).keeper.warm();
      return { ready: [...result.ready], failed: result.failed.length };
    },
    idle: async () => keeper?.idle(),
    dispose() {
      disposed = true;
      keeper?.dispose();
    },
    async startDrag(artworkId) {
      const { service, cacheRoot } = await opened();
      const file = await service.fileFor(artworkId);
      const preview = await service.previewIfReady(artworkId);
      await startDragOut(deps.contents, file, {
        cacheRoot,
        iconPath: preview?.poster ?? null,
        fallbackIcon: deps.fallbackIcon,
        nativeImage: deps.nativeImage,
      });
    },
  };
}
