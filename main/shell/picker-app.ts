/**
 * The reaction picker's core in the app: the real `PickerService` on the wallpaper service's download cache,
 * writing to Electron's clipboard (electron-clipboard.ts), opened on first use. Also the `picker:start-drag`
 * half that needs the core: the artwork's cached file and preview, handed to `startDragOut`.
 */
import type { NativeImage, WebContents } from 'electron';
import type { ClipboardWriter } from '../core/clipboard/clipboard-writer';
import { systemClock } from '../core/clock';
import type { Core } from '../core/create-core';
import type { NekodeskPaths } from '../core/paths';
import { PickerFile, PickerService } from '../core/picker';
import type { SettingsService } from '../core/settings';
import type { WallpaperService } from '../core/wallpaper/wallpaper-service';
import type { PickerPort } from '../handlers';
import { startDragOut } from './drag-out';

export interface AppPickerDeps {
  core: () => Core;
  settings: SettingsService;
  paths: NekodeskPaths;
  wallpaper: Promise<WallpaperService>;
  clipboard: ClipboardWriter;
  /** The picker window's contents (the drag starts from there). */
  contents: Pick<WebContents, 'startDrag' | 'isDestroyed'>;
  /** The app's icon, under the pointer when the preview cannot be read. */
  fallbackIcon: string;
  nativeImage: { createFromPath(path: string): NativeImage };
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
}

export function createAppPicker(deps: AppPickerDeps): AppPicker {
  let opening: Promise<{ service: PickerService; cacheRoot: string }> | null = null;
  let openedService: PickerService | null = null;

  const open = async (): Promise<{ service: PickerService; cacheRoot: string }> => {
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
    openedService = service;
    return { service, cacheRoot: cache.root };
  };
  const opened = (): Promise<{ service: PickerService; cacheRoot: string }> =>
    (opening ??= open().catch((error: unknown) => {
      opening = null;
      throw error;
    }));

  return {
    port: async () => (await opened()).service,
    pinnedIds: () => openedService?.pinnedIds() ?? new Set(),
    async warm() {
      const { service } = await opened();
      const result = await service.warm();
      return { ready: [...result.ready], failed: result.failed.length };
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
