import { z } from 'zod';
import { artworkSchema } from '../artwork';

/** What `library.json` holds. Version 1; a newer file is read for what this version knows. */
export const LIBRARY_VERSION = 1;

/** The most history entries ever read back, whatever the setting (the setting's own maximum). */
export const MAX_HISTORY_ENTRIES = 10_000;

const timestamp = z.number().int().nonnegative();

/** The monitor an artwork was shown on, as it was then. */
export const shownMonitorSchema = z.object({
  id: z.string().min(1).max(64),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ShownMonitor = z.infer<typeof shownMonitorSchema>;

/** One artwork shown as (part of) the wallpaper. Entries shown together share `setId` and `shownAt`. */
export const historyEntrySchema = z.object({
  artwork: artworkSchema,
  shownAt: timestamp,
  setId: z.string().min(1).max(64).optional(),
  monitor: shownMonitorSchema.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const favoriteEntrySchema = z.object({ artwork: artworkSchema, addedAt: timestamp });
export type FavoriteEntry = z.infer<typeof favoriteEntrySchema>;

export const banEntrySchema = z.object({ id: z.string().min(1).max(300), bannedAt: timestamp });
export type BanEntry = z.infer<typeof banEntrySchema>;

/** The library in memory. Lists are newest first. */
export interface LibraryData {
  history: HistoryEntry[];
  favorites: FavoriteEntry[];
  bans: BanEntry[];
  /** Top-level fields this version does not know (a newer app wrote them): kept as they are. */
  extra: Record<string, unknown>;
}

export function emptyLibrary(): LibraryData {
  return { history: [], favorites: [], bans: [], extra: {} };
}

export interface ParsedLibrary {
  data: LibraryData;
  /** Entries left out because they were invalid (or duplicates of an earlier entry). */
  dropped: number;
}

const KNOWN_KEYS = new Set(['version', 'history', 'favorites', 'bans']);

/**
 * Reads a parsed `library.json`, keeping every valid entry and dropping only the invalid ones.
 * Returns null when the value is not a library at all (not an object, or a list that is not a list).
 */
export function parseLibrary(raw: unknown): ParsedLibrary | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  const lists = ['history', 'favorites', 'bans'].map((key) => record[key]);
  if (lists.some((list) => list !== undefined && !Array.isArray(list))) return null;

  let dropped = 0;
  const valid = <T>(list: unknown, schema: z.ZodType<T>, idOf: (item: T) => string | null, max: number) => {
    const out: T[] = [];
    const seen = new Set<string>();
    for (const item of Array.isArray(list) ? (list as unknown[]) : []) {
      const parsed = schema.safeParse(item);
      const id = parsed.success ? idOf(parsed.data) : null;
      if (!parsed.success || out.length >= max || (id !== null && seen.has(id))) {
        dropped += 1;
        continue;
      }
      if (id !== null) seen.add(id);
      out.push(parsed.data);
    }
    return out;
  };

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!KNOWN_KEYS.has(key)) extra[key] = value;
  const data: LibraryData = {
    history: valid(record.history, historyEntrySchema, () => null, MAX_HISTORY_ENTRIES),
    favorites: valid(record.favorites, favoriteEntrySchema, (entry) => entry.artwork.id, Infinity),
    bans: valid(record.bans, banEntrySchema, (entry) => entry.id, Infinity),
    extra,
  };
  return { data, dropped };
}

/** The file's text: the known lists after any unknown fields, pretty-printed so a person can read it. */
export function serializeLibrary(data: LibraryData): string {
  const { history, favorites, bans, extra } = data;
  return `${JSON.stringify({ ...extra, version: LIBRARY_VERSION, favorites, bans, history }, null, 1)}\n`;
}
