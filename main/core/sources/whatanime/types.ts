/** Nekodesk's own shapes for whatanimeisthis.com answers (the service documents none; see normalize.ts). */

export interface WhatAnimeCandidate {
  /** Romaji title (else English, else native). */
  title: string;
  titleNative: string | null;
  titleEnglish: string | null;
  anilistId: number | null;
  /** A number, a label such as "OVA" or "1-2", or null for a film. */
  episode: number | string | null;
  /** Seconds into the episode: the matched scene starts, is best matched, ends. */
  from: number | null;
  at: number;
  to: number | null;
  /** 0–1. Below 0.87 the match is unlikely. */
  similarity: number;
  isAdult: boolean;
  previewImage: string | null;
  previewVideo: string | null;
  fileName: string | null;
}

export interface WhatAnimeQuota {
  remaining: number;
  limit: number;
}

export interface WhatAnimeSearchResult {
  /** Best first; every candidate the service returned (up to 5). */
  candidates: WhatAnimeCandidate[];
  quota: WhatAnimeQuota | null;
}

export const RANKING_PERIODS = ['daily', 'weekly', 'monthly', 'yearly', 'all'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

export interface WhatAnimeRanking {
  rank: number;
  anilistId: number | null;
  title: string;
  titleNative: string | null;
  /** How many searches found it in the period. */
  count: number | null;
  isAdult: boolean;
  coverImage: string | null;
}

export interface WhatAnimeRankings {
  period: RankingPeriod;
  rankings: WhatAnimeRanking[];
}

export interface WhatAnimeRecentSearch {
  id: string;
  title: string;
  episode: number | string | null;
  at: number | null;
  similarity: number | null;
  image: string | null;
  createdAt: string | null;
}

export interface WhatAnimeRecentSearches {
  items: WhatAnimeRecentSearch[];
  total: number | null;
  limit: number | null;
  offset: number;
}

export interface WhatAnimeCredits {
  /** Paid credits left. */
  credits: number;
  dailyFreeCredits: number | null;
  dailyFreeRemaining: number | null;
  /** ISO time the daily free credits reset. */
  resetsAt: string | null;
}

export interface WhatAnimeApiKey {
  id: string;
  title: string;
  prefix: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
}

export interface WhatAnimeApiKeyPage {
  items: WhatAnimeApiKey[];
  page: number;
  pageSize: number;
  total: number | null;
}

export interface WhatAnimeCreatedApiKey {
  id: string;
  title: string;
  /** The plaintext key: returned once, never again. */
  key: string;
  prefix: string | null;
  createdAt: string | null;
}

export interface WhatAnimeSession {
  /** The cookie header value to send back (`better-auth.session_token=…`). A secret. */
  cookie: string;
  user: { id: string | null; email: string | null; name: string | null } | null;
}
