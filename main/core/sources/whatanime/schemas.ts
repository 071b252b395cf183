import { z } from 'zod';

/**
 * whatanimeisthis.com documents no response bodies, so every schema here is tolerant: objects are loose
 * (unknown fields are kept), every field is optional and a field of an unexpected type reads as absent.
 * normalize.ts then decides what is required and names the field when it is missing.
 */
function optional<T extends z.ZodType>(schema: T): z.ZodCatch<z.ZodOptional<T>> {
  return schema.optional().catch(undefined);
}

/** 12, 12.5 or "12.5". */
export const numberLike = z.union([
  z.number().refine(Number.isFinite),
  z
    .string()
    .trim()
    .regex(/^-?\d+(?:\.\d+)?$/)
    .transform(Number),
]);

const nullableText = z.string().nullable();

export const titleSchema = z.looseObject({
  native: optional(nullableText),
  romaji: optional(nullableText),
  english: optional(nullableText),
  userPreferred: optional(nullableText),
});

export const anilistSchema = z.looseObject({
  id: optional(numberLike),
  title: optional(z.union([z.string(), titleSchema])),
  isAdult: optional(z.boolean()),
});

/** One search candidate (trace.moe's well-known shape is the guess, with the variants seen in the wild). */
export const candidateSchema = z.looseObject({
  anilist: optional(z.union([numberLike, anilistSchema])),
  anilistId: optional(numberLike),
  title: optional(z.union([z.string(), titleSchema])),
  titleNative: optional(nullableText),
  titleEnglish: optional(nullableText),
  isAdult: optional(z.boolean()),
  filename: optional(nullableText),
  fileName: optional(nullableText),
  episode: optional(z.union([numberLike, z.string(), z.array(numberLike), z.null()])),
  from: optional(numberLike),
  at: optional(numberLike),
  to: optional(numberLike),
  similarity: optional(numberLike),
  image: optional(z.unknown()),
  video: optional(z.unknown()),
});

export const searchResponseSchema = z.looseObject({
  result: optional(z.array(z.unknown())),
  results: optional(z.array(z.unknown())),
  error: optional(z.unknown()),
  quota: optional(z.looseObject({ remaining: numberLike, limit: numberLike })),
});

export const rankingSchema = z.looseObject({
  rank: optional(numberLike),
  anilistId: optional(numberLike),
  anilist: optional(z.union([numberLike, anilistSchema])),
  id: optional(numberLike),
  title: optional(z.union([z.string(), titleSchema])),
  titleNative: optional(nullableText),
  count: optional(numberLike),
  searches: optional(numberLike),
  searchCount: optional(numberLike),
  isAdult: optional(z.boolean()),
  coverImage: optional(
    z.union([z.string(), z.looseObject({ large: optional(z.string()), medium: optional(z.string()) })]),
  ),
  cover: optional(z.string()),
  image: optional(z.string()),
});

export const recentSearchSchema = z.looseObject({
  id: optional(z.union([z.string(), z.number()])),
  title: optional(z.union([z.string(), titleSchema])),
  anilist: optional(z.union([numberLike, anilistSchema])),
  episode: optional(z.union([numberLike, z.string(), z.array(numberLike), z.null()])),
  at: optional(numberLike),
  similarity: optional(numberLike),
  image: optional(z.string()),
  createdAt: optional(z.string()),
});

/** A list under one of several names, or the body itself being the list. */
export const listEnvelopeSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({
    rankings: optional(z.array(z.unknown())),
    items: optional(z.array(z.unknown())),
    results: optional(z.array(z.unknown())),
    keys: optional(z.array(z.unknown())),
    apiKeys: optional(z.array(z.unknown())),
    data: optional(z.unknown()),
    period: optional(z.string()),
    total: optional(numberLike),
    limit: optional(numberLike),
    offset: optional(numberLike),
    page: optional(numberLike),
    pageSize: optional(numberLike),
  }),
]);

export const creditsSchema = z.looseObject({
  credits: optional(numberLike),
  dailyFreeCredits: optional(numberLike),
  dailyFreeRemaining: optional(numberLike),
  resetsAt: optional(z.string()),
});

export const apiKeySchema = z.looseObject({
  id: optional(z.union([z.string(), z.number()])),
  title: optional(z.string()),
  name: optional(z.string()),
  key: optional(z.string()),
  prefix: optional(z.string()),
  start: optional(z.string()),
  createdAt: optional(z.string()),
  lastUsedAt: optional(z.string().nullable()),
});

export const signInSchema = z.looseObject({
  user: optional(
    z.looseObject({
      id: optional(z.union([z.string(), z.number()])),
      email: optional(z.string()),
      name: optional(z.string()),
    }),
  ),
});
