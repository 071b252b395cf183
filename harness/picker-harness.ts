/**
 * The reaction picker behind the harness: the real `PickerService` on the wallpaper service's download cache,
 * with what a browser cannot do recorded instead of done: the clipboard (a page cannot write the OS clipboard
 * from here), hiding the picker window, and dragging a file out. Tests read the records.
 */
import type { CopyMode } from '../preload/contract';
import { systemClock } from '../main/core/clock';
import type { Core } from '../main/core/create-core';
import type { NekodeskPaths } from '../main/core/paths';
import { PickerFile, PickerService, pickerPreviewDir } from '../main/core/picker';
import type { SettingsService } from '../main/core/settings';
import type { WallpaperService } from '../main/core/wallpaper/wallpaper-service';
import type { PickerPort } from '../main/handlers';

/** One copy the picker made: what the app would have put on the clipboard. */
export interface RecordedCopy {
  artworkId: string;
  mode: CopyMode;
  /** The payload's plain text (the URL, or the Markdown). */
  text: string;
  /** Files offered (mode `file`). */
  files: string[];
  /** A first-frame PNG was offered (mode `image`). */
  image: boolean;
}

export interface PickerRecords {
  copies: RecordedCopy[];
  /** How many times a page asked to hide the picker. */
  hides: number;
  /** Artwork ids a page started dragging out, in order. */
  drags: string[];
}

export interface HarnessPicker {
  port(): Promise<PickerPort>;
  /** Where the preview files are (served at `<cache prefix>p/<name>`). */
  previewDir: string;
  records: PickerRecords;
}

export function createHarnessPicker(options: {
  core: () => Core;
  settings: SettingsService;
  paths: NekodeskPaths;
  wallpaper: Promise<WallpaperService>;
}): HarnessPicker {
  const previewDir = pickerPreviewDir(options.paths.cache);
  const records: PickerRecords = { copies: [], hides: 0, drags: [] };
  let opening: Promise<PickerPort> | null = null;

  const open = async (): Promise<PickerPort> => {
    const { cache } = await options.wallpaper;
    const store = await PickerFile.open(options.paths.data);
    const service = new PickerService(
      {
        nekosBest: () => options.core().nekosBest,
        cache,
        // A recording clipboard: the payload is built as in the app (payloadFor), and the copy below keeps it.
        clipboard: { write: () => Promise.resolve() },
        store,
        clock: systemClock,
        settings: () => options.settings.get().picker,
      },
      { previewDir },
    );
    return {
      chips: () => service.chips(),
      browse: (chip, page) => service.browse(chip, page),
      search: (query, search) => service.search(query, search),
      preview: (id) => service.preview(id),
      toggleFavorite: (id) => service.toggleFavorite(id),
      isFavorite: (id) => service.isFavorite(id),
      cancelSearch: () => {
        service.cancelSearch();
      },
      copy: async (id, mode) => {
        const copied = await service.copy(id, mode);
        const { payload } = copied;
        records.copies.push({
          artworkId: copied.artwork.id,
          mode: copied.mode,
          text: payload.text,
          files: payload.files,
          image: payload.imagePng !== undefined,
        });
        return copied;
      },
    };
  };

  return {
    port: () =>
      (opening ??= open().catch((error: unknown) => {
        opening = null;
        throw error;
      })),
    previewDir,
    records,
  };
}
