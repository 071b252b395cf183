import type { z } from 'zod';
import { NekodeskError } from '../../errors';
import { cleanText, httpUrlOrNull } from '../shared/sanitize';
import type { anilistSchema, titleSchema } from './schemas';
import {
  apiKeySchema,
  candidateSchema,
  creditsSchema,
  listEnvelopeSchema,
  rankingSchema,
  recentSearchSchema,
  searchResponseSchema,
} from './schemas';
import type {
  WhatAnimeApiKey,
  WhatAnimeCandidate,
  WhatAnimeCreatedApiKey,
  WhatAnimeCredits,
  WhatAnimeRanking,
  WhatAnimeRecentSearch,
  WhatAnimeSearchResult,
} from './types';

/** The service returns up to 5 candidates; more would be a surprise we do not pass on. */
export const MAX_CANDIDATES = 5;

export function missingField(field: string): NekodeskError {
  return new NekodeskError(
    'invalid_response',
    `whatanimeisthis.com answered without "${field}"; its API may have changed. Try again later.`,
  );
}

type Title = z.output<typeof titleSchema>;
type Anilist = z.output<typeof anilistSchema>;

interface Titles {
  title: string | null;
  native: string | null;
  english: string | null;
}

function titlesOf(title: string | Title | undefined, anilist: number | Anilist | undefined): Titles {
  const fromObject = (value: string | Title | undefined): Titles => {
    if (typeof value === 'string') return { title: cleanText(value), native: null, english: null };
    if (value === undefined) return { title: null, native: null, english: null };
    const romaji = cleanText(value.romaji) ?? cleanText(value.userPreferred);
    const english = cleanText(value.english);
    const native = cleanText(value.native);
    return { title: romaji ?? english ?? native, native, english };
  };
  const own = fromObject(title);
  const nested = typeof anilist === 'object' ? fromObject(anilist.title) : fromObject(undefined);
  return {
    title: own.title ?? nested.title,
    native: own.native ?? nested.native,
    english: own.english ?? nested.english,
  };
}

function anilistIdOf(...values: (number | Anilist | undefined)[]): number | null {
  for (const value of values) {
    const id = typeof value === 'object' ? value.id : value;
    if (id !== undefined && Number.isSafeInteger(id) && id > 0) return id;
  }
  return null;
}

/** 0–1 from 0–1 or 0–100; null when it cannot be a similarity. */
function similarityOf(value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 100) return null;
  const fraction = value > 1 ? value / 100 : value;
  return Math.round(fraction * 10000) / 10000;
}

function episodeOf(value: number | string | number[] | null | undefined): number | string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join('–');
  if (typeof value === 'number') return value;
  return cleanText(value, 40);
}

function seconds(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : null;
}

function count(value: number | undefined): number | null {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export function normalizeSearch(body: unknown): WhatAnimeSearchResult {
  const parsed = searchResponseSchema.safeParse(body);
  if (!parsed.success) throw missingField('result');
  const list = parsed.data.result ?? parsed.data.results;
  const upstreamError = cleanText(parsed.data.error);
  if (list === undefined) {
    if (upstreamError !== null)
      throw new NekodeskError('upstream_error', `whatanimeisthis.com: ${upstreamError}`);
    throw missingField('result');
  }
  const candidates = list.map((item, index) => normalizeCandidate(item, `result[${index}]`));
  candidates.sort((a, b) => b.similarity - a.similarity);
  // Searches left are whole and not negative: anything else is not shown, nor kept in the account file.
  const remaining = count(parsed.data.quota?.remaining);
  const limit = count(parsed.data.quota?.limit);
  return {
    candidates: candidates.slice(0, MAX_CANDIDATES),
    quota: remaining === null || limit === null ? null : { remaining, limit },
  };
}

function normalizeCandidate(item: unknown, where: string): WhatAnimeCandidate {
  const parsed = candidateSchema.safeParse(item);
  if (!parsed.success) throw missingField(where);
  const c = parsed.data;
  const titles = titlesOf(c.title, c.anilist);
  const fileName = cleanText(c.filename ?? c.fileName);
  const title = titles.title ?? titles.english ?? titles.native;
  if (title === null) throw missingField(`${where}.anilist.title`);
  const similarity = similarityOf(c.similarity);
  if (similarity === null) throw missingField(`${where}.similarity`);
  const at = seconds(c.at) ?? seconds(c.from);
  if (at === null) throw missingField(`${where}.at`);
  return {
    title,
    titleNative: cleanText(c.titleNative) ?? titles.native,
    titleEnglish: cleanText(c.titleEnglish) ?? titles.english,
    anilistId: anilistIdOf(c.anilistId, c.anilist),
    episode: episodeOf(c.episode),
    from: seconds(c.from),
    at,
    to: seconds(c.to),
    similarity,
    isAdult: c.isAdult ?? (typeof c.anilist === 'object' ? c.anilist.isAdult : undefined) ?? false,
    previewImage: httpUrlOrNull(c.image),
    previewVideo: httpUrlOrNull(c.video),
    fileName,
  };
}

type ListEnvelope = z.output<typeof listEnvelopeSchema>;

/** The list in a body, under the first of `names` present (or the body itself). */
function listOf(
  body: unknown,
  names: readonly string[],
  field: string,
): { list: unknown[]; envelope: ListEnvelope } {
  const parsed = listEnvelopeSchema.safeParse(body);
  if (!parsed.success) throw missingField(field);
  const envelope = parsed.data;
  if (Array.isArray(envelope)) return { list: envelope, envelope };
  const record = envelope as Record<string, unknown>;
  for (const name of names) {
    const value = record[name];
    if (Array.isArray(value)) return { list: value as unknown[], envelope };
  }
  if (Array.isArray(envelope.data)) return { list: envelope.data as unknown[], envelope };
  throw missingField(field);
}

function meta(
  envelope: ListEnvelope,
  name: 'total' | 'limit' | 'offset' | 'page' | 'pageSize',
): number | null {
  return Array.isArray(envelope) ? null : count(envelope[name]);
}

export function normalizeRankings(body: unknown): WhatAnimeRanking[] {
  const { list } = listOf(body, ['rankings', 'items', 'results'], 'rankings');
  return list.map((item, index): WhatAnimeRanking => {
    const parsed = rankingSchema.safeParse(item);
    if (!parsed.success) throw missingField(`rankings[${index}]`);
    const r = parsed.data;
    const titles = titlesOf(r.title, r.anilist);
    if (titles.title === null) throw missingField(`rankings[${index}].title`);
    const cover =
      typeof r.coverImage === 'object' ? (r.coverImage.large ?? r.coverImage.medium) : r.coverImage;
    return {
      rank: count(r.rank) ?? index + 1,
      anilistId: anilistIdOf(r.anilistId, r.anilist, r.id),
      title: titles.title,
      titleNative: cleanText(r.titleNative) ?? titles.native,
      count: count(r.count ?? r.searches ?? r.searchCount),
      isAdult: r.isAdult ?? (typeof r.anilist === 'object' ? r.anilist.isAdult : undefined) ?? false,
      coverImage: httpUrlOrNull(cover ?? r.cover ?? r.image),
    };
  });
}

export function normalizeRecent(
  body: unknown,
  requested: { limit: number | null; offset: number },
): { items: WhatAnimeRecentSearch[]; total: number | null; limit: number | null; offset: number } {
  const { list, envelope } = listOf(body, ['items', 'results', 'searches'], 'items');
  const items = list.map((item, index): WhatAnimeRecentSearch => {
    const parsed = recentSearchSchema.safeParse(item);
    if (!parsed.success) throw missingField(`items[${index}]`);
    const r = parsed.data;
    const titles = titlesOf(r.title, r.anilist);
    if (titles.title === null) throw missingField(`items[${index}].title`);
    return {
      id: cleanText(r.id === undefined ? null : String(r.id), 128) ?? String(requested.offset + index),
      title: titles.title,
      episode: episodeOf(r.episode),
      at: seconds(r.at),
      similarity: similarityOf(r.similarity),
      image: httpUrlOrNull(r.image),
      createdAt: cleanText(r.createdAt, 64),
    };
  });
  return {
    items,
    total: meta(envelope, 'total'),
    limit: meta(envelope, 'limit') ?? requested.limit,
    offset: meta(envelope, 'offset') ?? requested.offset,
  };
}

export function normalizeCredits(body: unknown): WhatAnimeCredits {
  const parsed = creditsSchema.safeParse(body);
  if (!parsed.success) throw missingField('credits');
  const credits = count(parsed.data.credits);
  if (credits === null) throw missingField('credits');
  return {
    credits,
    dailyFreeCredits: count(parsed.data.dailyFreeCredits),
    dailyFreeRemaining: count(parsed.data.dailyFreeRemaining),
    resetsAt: cleanText(parsed.data.resetsAt, 64),
  };
}

export function normalizeApiKeys(body: unknown): {
  items: WhatAnimeApiKey[];
  page: number | null;
  pageSize: number | null;
  total: number | null;
} {
  const { list, envelope } = listOf(body, ['items', 'keys', 'apiKeys', 'results'], 'items');
  const items = list.map((item, index): WhatAnimeApiKey => {
    const key = parseApiKey(item, `items[${index}]`);
    return {
      id: key.id,
      title: key.title,
      prefix: key.prefix,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
    };
  });
  return {
    items,
    page: meta(envelope, 'page'),
    pageSize: meta(envelope, 'pageSize'),
    total: meta(envelope, 'total'),
  };
}

export function normalizeCreatedApiKey(body: unknown): WhatAnimeCreatedApiKey {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const inner = record.apiKey ?? record.data;
  const source = typeof record.key === 'string' || typeof inner !== 'object' ? body : inner;
  const key = parseApiKey(source, 'apiKey');
  if (key.key === null) throw missingField('key');
  return { id: key.id, title: key.title, key: key.key, prefix: key.prefix, createdAt: key.createdAt };
}

function parseApiKey(item: unknown, where: string): WhatAnimeApiKey & { key: string | null } {
  const parsed = apiKeySchema.safeParse(item);
  if (!parsed.success) throw missingField(where);
  const k = parsed.data;
  const id = cleanText(k.id === undefined ? null : String(k.id), 128);
  if (id === null) throw missingField(`${where}.id`);
  return {
    id,
    title: cleanText(k.title ?? k.name, 120) ?? '',
    key: typeof k.key === 'string' && k.key.trim() !== '' ? k.key.trim() : null,
    prefix: cleanText(k.prefix ?? k.start, 64),
    createdAt: cleanText(k.createdAt, 64),
    lastUsedAt: cleanText(k.lastUsedAt ?? null, 64),
  };
}
