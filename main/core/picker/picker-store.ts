import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { artworkSchema, type Artwork } from '../artwork';
import { writeFileAtomic } from '../library/atomic-write';
import { withFileLock, type FileLockOptions } from '../library/file-lock';
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

export interface PickerFileOptions {
  /** For the names of files kept aside. Default `Date.now`. */
  now?: () => number;
  lock?: FileLockOptions;
  onNotice?: (notice: string) => void;
}

type ReadOutcome =
  { kind: 'ok'; data: PickerData; dropped: number } | { kind: 'missing' } | { kind: 'corrupt' };

/**
 * `picker.json` in the data folder, kept like `library.json` (see `LibraryFile`): every change re-reads the
 * file under `picker.json.lock`; writes are atomic and mirrored to `picker.json.bak`; an unreadable file is kept
 * aside (`picker.corrupt-<time>.json`) and restored from the backup, else an empty one starts; invalid entries
 * are dropped (the original copied aside as `picker.invalid-<time>.json`). Each repair adds a notice.
 */
export class PickerFile implements PickerStore {
  readonly file: string;
  readonly #backup: string;
  readonly #lock: string;
  readonly #now: () => number;
  readonly #lockOptions: FileLockOptions;
  readonly #onNotice: ((notice: string) => void) | undefined;
  readonly #notices: string[] = [];

  constructor(dir: string, options: PickerFileOptions = {}) {
    this.file = path.join(dir, PICKER_FILE_NAME);
    this.#backup = `${this.file}.bak`;
    this.#lock = `${this.file}.lock`;
    this.#now = options.now ?? Date.now;
    this.#lockOptions = options.lock ?? {};
    this.#onNotice = options.onNotice;
  }

  get notices(): readonly string[] {
    return this.#notices;
  }

  static async open(dir: string, options: PickerFileOptions = {}): Promise<PickerFile> {
    await mkdir(dir, { recursive: true });
    const store = new PickerFile(dir, options);
    await store.read();
    return store;
  }

  async read(): Promise<PickerData> {
    const outcome = await readPickerFile(this.file);
    if (outcome.kind === 'ok' && outcome.dropped === 0) return outcome.data;
    if (outcome.kind === 'missing' && !(await exists(this.#backup))) return emptyPickerData();
    return withFileLock(this.#lock, () => this.#readRepairing(), this.#lockOptions);
  }

  async update(change: (data: PickerData) => PickerData): Promise<PickerData> {
    await mkdir(path.dirname(this.file), { recursive: true });
    return withFileLock(
      this.#lock,
      async () => {
        const next = change(await this.#readRepairing());
        await this.#write(next);
        return next;
      },
      this.#lockOptions,
    );
  }

  /** Call with the lock held. */
  async #readRepairing(): Promise<PickerData> {
    const outcome = await readPickerFile(this.file);
    if (outcome.kind === 'ok') {
      if (outcome.dropped > 0) {
        const aside = await this.#keepAside('invalid');
        this.#notice(
          `${outcome.dropped} invalid ${outcome.dropped === 1 ? 'entry was' : 'entries were'} left out of the ` +
            `picker's recent GIFs and favorites; the file as it was is kept as ${aside}.`,
        );
        await this.#write(outcome.data);
      }
      return outcome.data;
    }
    const backup = await readPickerFile(this.#backup);
    if (outcome.kind === 'missing' && backup.kind !== 'ok') return emptyPickerData();
    const aside = outcome.kind === 'corrupt' ? await this.#keepAside('corrupt') : null;
    const what = aside === null ? "The picker's file was missing" : "The picker's file could not be read";
    const kept = aside === null ? '' : ` (the damaged file is kept as ${aside})`;
    if (backup.kind === 'ok') {
      this.#notice(`${what}; it was restored from its backup${kept}.`);
      await this.#write(backup.data);
      return backup.data;
    }
    this.#notice(
      `${what} and its backup could not be read either; recent GIFs and favorites start empty${kept}.`,
    );
    const empty = emptyPickerData();
    await this.#write(empty);
    return empty;
  }

  async #write(data: PickerData): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileAtomic(this.file, text);
    await writeFileAtomic(this.#backup, text);
  }

  async #keepAside(why: 'corrupt' | 'invalid'): Promise<string> {
    const stamp = new Date(this.#now()).toISOString().replace(/[:.]/g, '-');
    const aside = path.join(path.dirname(this.file), `picker.${why}-${stamp}.json`);
    if (why === 'corrupt') await rename(this.file, aside);
    else await writeFileAtomic(aside, await readFile(this.file, 'utf8'));
    return aside;
  }

  #notice(text: string): void {
    this.#notices.push(text);
    this.#onNotice?.(text);
  }
}

async function readPickerFile(file: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'corrupt' };
  }
  const parsed = parsePickerData(raw);
  return parsed === null ? { kind: 'corrupt' } : { kind: 'ok', ...parsed };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
