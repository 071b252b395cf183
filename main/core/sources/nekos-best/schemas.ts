import { z } from 'zod';

/** The two asset formats nekos.best serves; a category has exactly one. */
export const NEKOS_FORMATS = ['png', 'gif'] as const;
export type NekosFormat = (typeof NEKOS_FORMATS)[number];

/** `/endpoints`: `{ "<category>": { "format": "png" | "gif" }, … }`. Entries are checked one by one. */
export const endpointsSchema = z.record(z.string(), z.unknown());

export const endpointEntrySchema = z.looseObject({ format: z.enum(NEKOS_FORMATS) });

/** `/:category` and `/search`: `{ results: [...] }`. Items are checked one by one, so one bad item is dropped alone. */
export const resultsSchema = z.looseObject({ results: z.array(z.unknown()) });

/**
 * One result item. Only `url` is required; the metadata is optional and untrusted (see to-artwork.ts).
 * Real responses also carry `dimensions` (ARCHITECTURE.md).
 */
export const resultItemSchema = z.looseObject({
  url: z.string(),
  anime_name: z.unknown().optional(),
  artist_name: z.unknown().optional(),
  artist_href: z.unknown().optional(),
  source_url: z.unknown().optional(),
  dimensions: z.unknown().optional(),
});

export type NekosResultItem = z.output<typeof resultItemSchema>;

export const dimensionsSchema = z.looseObject({ width: z.unknown(), height: z.unknown() });
