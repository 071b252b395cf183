import { z } from 'zod';
import { IDENTIFY_IMAGE_SOURCES } from '../../../preload/contract';
import {
  RecoverableJsonFile,
  type RecoverableJsonFileFormat,
  type RecoverableJsonFileOptions,
} from '../library/recoverable-json-file';
import { IDENTIFY_KEY_PREFIX } from './image-keys';

export const HISTORY_FILE_NAME = 'identify-history.json';
/** Identifications kept; the oldest go first (and their images with them). */
export const MAX_HISTORY_ENTRIES = 200;

const key = z.string().startsWith(IDENTIFY_KEY_PREFIX).max(120).nullable();
const seconds = z.number().nonnegative();

/** A candidate as stored: its preview files by cache key (the renderer's URLs are made when it is read). */
export const storedCandidateSchema = z.object({
  title: z.string().min(1),
  titleNative: z.string().nullable(),
  titleEnglish: z.string().nullable(),
  anilistId: z.number().int().positive().nullable(),
  episode: z.union([z.number(), z.string(), z.null()]),
  from: seconds.nullable(),
  at: seconds,
  to: seconds.nullable(),
  similarity: z.number().min(0).max(1),
  isAdult: z.boolean(),
  imageKey: key,
  videoKey: key,
});

export const storedResultSchema = z.object({
  id: z.string().min(1).max(100),
  at: z.number(),
  source: z.enum([...IDENTIFY_IMAGE_SOURCES, 'url', 'clipboard']),
  label: z.string(),
  candidates: z.array(storedCandidateSchema).max(10),
  quota: z.object({ remaining: z.number(), limit: z.number() }).nullable(),
  upload: z
    .object({
      originalBytes: z.number(),
      bytes: z.number(),
      width: z.number(),
      height: z.number(),
      cropped: z.boolean(),
    })
    .nullable(),
  imageKey: key,
});

export type StoredCandidate = z.infer<typeof storedCandidateSchema>;
export type StoredResult = z.infer<typeof storedResultSchema>;

export interface HistoryData {
  version: 1;
  /** Newest first. */
  entries: StoredResult[];
}

export function emptyHistory(): HistoryData {
  return { version: 1, entries: [] };
}

/** Keeps every valid entry (one per id, at most MAX_HISTORY_ENTRIES); null when it is not a history file. */
export function parseHistory(raw: unknown): { data: HistoryData; dropped: number } | null {
  const top = z.object({ version: z.literal(1), entries: z.array(z.unknown()) }).safeParse(raw);
  if (!top.success) return null;
  const entries: StoredResult[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of top.data.entries) {
    const parsed = storedResultSchema.safeParse(item);
    if (parsed.success && !seen.has(parsed.data.id) && entries.length < MAX_HISTORY_ENTRIES) {
      seen.add(parsed.data.id);
      entries.push(parsed.data);
    } else dropped++;
  }
  return { data: { version: 1, entries }, dropped };
}

/** Every image key an entry holds. */
export function keysOf(entry: StoredResult): string[] {
  return [entry.imageKey, ...entry.candidates.flatMap((c) => [c.imageKey, c.videoKey])].filter(
    (k): k is string => k !== null,
  );
}

const HISTORY_FORMAT: RecoverableJsonFileFormat<HistoryData> = {
  fileName: HISTORY_FILE_NAME,
  parse: parseHistory,
  serialize: (data) => JSON.stringify(data),
  empty: emptyHistory,
  wording: {
    subject: 'Your identification history',
    contents: 'your identification history',
    startedEmpty: 'a new, empty history was started',
  },
  cache: true,
};

/**
 * `identify-history.json` in the data folder, shared by the app and the CLI: locked re-reads, atomic writes
 * mirrored to a backup, a damaged file kept aside and restored from the backup (see `RecoverableJsonFile`).
 */
export class HistoryFile extends RecoverableJsonFile<HistoryData> {
  constructor(dir: string, options: RecoverableJsonFileOptions = {}) {
    super(dir, HISTORY_FORMAT, options);
  }
}
