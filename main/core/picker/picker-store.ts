import { z } from 'zod';
import { artworkSchema, type Artwork } from '../artwork';
import {
  RecoverableJsonFile,
  type RecoverableJsonFileFormat,
  type RecoverableJsonFileOptions,
} from '../library/recoverable-json-file';
import { COPY_MODES } from '../settings/settings-schema';

export const PICKER_FILE_NAME = 'picker.json';
export const DEFAULT_RECENT_LIMIT = 60;

const recentEntrySchema = z.object({
  artwork: artworkSchema,
  mode: z.enum(COPY_MODES),
  /** How many times it was copied (the warm pool ranks categories by these). */
  count: z.number().int().positive(),
  copiedAt: z.number(),
});
const favoriteEntrySchema = z.object({ artwork: artworkSchema, addedAt: z.number() });
const categoryEntrySchema = z.object({ name: z.string().min(1), format: z.enum(['gif', 'image']) });

export type RecentEntry = z.infer<typeof recentEntrySchema>;
export type FavoriteEntry = z.infer<typeof favoriteEntrySchema>;
export type PickerCategory = z.infer<typeof categoryEntrySchema>;

export interface PickerData {
  version: 1;
  /** Most recent first, one entry per artwork, at most `DEFAULT_RECENT_LIMIT`. */
  recent: RecentEntry[];
  /** Most recently added first. */
  favorites: FavoriteEntry[];
  /** The warm pool: artworks kept downloaded so the picker opens with pictures and works offline. */
  warm: Artwork[];
  /** The last category list nekos.best gave (chips while offline). */
  categories: PickerCategory[];
}

export function emptyPickerData(): PickerData {
  return { version: 1, recent: [], favorites: [], warm: [], categories: [] };
}

/** Parses a picker file, keeping every valid entry; null when it is not a picker file at all. */
export function parsePickerData(raw: unknown): { data: PickerData; dropped: number } | null {
  const top = z
    .object({
      version: z.literal(1),
      recent: z.array(z.unknown()),
      favorites: z.array(z.unknown()),
      warm: z.array(z.unknown()).default([]),
      categories: z.array(z.unknown()).default([]),
    })
    .safeParse(raw);
  if (!top.success) return null;
  let dropped = 0;
  const keep = <T>(items: unknown[], schema: z.ZodType<T>, idOf: (item: T) => string): T[] => {
    const out: T[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (parsed.success && !seen.has(idOf(parsed.data))) {
        seen.add(idOf(parsed.data));
        out.push(parsed.data);
      } else {
        dropped += 1;
      }
    }
    return out;
  };
  const data: PickerData = {
    version: 1,
    recent: keep(top.data.recent, recentEntrySchema, (entry) => entry.artwork.id).slice(
      0,
      DEFAULT_RECENT_LIMIT,
    ),
    favorites: keep(top.data.favorites, favoriteEntrySchema, (entry) => entry.artwork.id),
    warm: keep(top.data.warm, artworkSchema, (artwork) => artwork.id),
    categories: keep(top.data.categories, categoryEntrySchema, (category) => category.name),
  };
  return { data, dropped };
}

/** Where the picker's own data lives: `picker.json` for the app and the CLI, memory for tests and the bench. */
export interface PickerStore {
  read(): Promise<PickerData>;
  /** Reads the latest data, applies `change` and saves the result, with no other writer in between. */
  update(change: (data: PickerData) => PickerData): Promise<PickerData>;
  /** What was repaired, for the person. */
  readonly notices: readonly string[];
}

export class MemoryPickerStore implements PickerStore {
  #data: PickerData;
  readonly notices: readonly string[] = [];

  constructor(initial: PickerData = emptyPickerData()) {
    this.#data = initial;
  }

  read(): Promise<PickerData> {
    return Promise.resolve(this.#data);
  }

  update(change: (data: PickerData) => PickerData): Promise<PickerData> {
    this.#data = change(this.#data);
    return Promise.resolve(this.#data);
  }
}

export type PickerFileOptions = RecoverableJsonFileOptions;

const PICKER_FORMAT: RecoverableJsonFileFormat<PickerData> = {
  fileName: PICKER_FILE_NAME,
  parse: parsePickerData,
  serialize: (data) => `${JSON.stringify(data, null, 2)}\n`,
  empty: emptyPickerData,
  wording: {
    subject: "The picker's file",
    contents: "the picker's recent GIFs and favorites",
    startedEmpty: 'recent GIFs and favorites start empty',
  },
  keepInvalidBy: 'rewrite',
};

/**
 * `picker.json` in the data folder, kept like `library.json` (see `RecoverableJsonFile`): every change re-reads
 * the file under `picker.json.lock`; writes are atomic and mirrored to `picker.json.bak`; an unreadable file is
 * kept aside (`picker.corrupt-<time>.json`) and restored from the backup, else an empty one starts; invalid
 * entries are dropped (the original copied aside as `picker.invalid-<time>.json`). Each repair adds a notice.
 */
export class PickerFile extends RecoverableJsonFile<PickerData> implements PickerStore {
  constructor(dir: string, options: PickerFileOptions = {}) {
    super(dir, PICKER_FORMAT, options);
  }
}
