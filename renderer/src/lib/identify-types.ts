/**
 * The screenshot-identification shapes the renderer uses, taken from the contract (types only: the contract's
 * run-time half carries zod, which the renderer bundle does without). The few constants the UI needs are
 * restated here; tests/renderer/identify/identify-format.test.ts checks they still equal the contract's.
 */
import type { CallResponse, RankingPeriod } from '../../../preload/contract';

export type {
  IdentifyAccount,
  IdentifyCandidate,
  IdentifyHistoryPage,
  IdentifyImageSource,
  IdentifyQuota,
  IdentifyRanking,
  IdentifyRankingsPage,
  IdentifyRecentItem,
  IdentifyRecentPage,
  IdentifyResult,
  IdentifySource,
  IdentifyUpload,
  RankingPeriod,
} from '../../../preload/contract';

export type IdentifyCredits = CallResponse<'identify:credits'>;
export type IdentifyApiKeyPage = CallResponse<'identify:api-keys'>;
export type IdentifyApiKey = IdentifyApiKeyPage['items'][number];

/** The contract's MAX_IDENTIFY_BYTES: whatanimeisthis.com takes images up to 25 MB. */
export const MAX_IDENTIFY_BYTES = 25 * 1024 * 1024;
/** The contract's limit on `name` in `identify:image`. */
export const MAX_IDENTIFY_NAME = 260;
/** The contract's LIKELY_SIMILARITY, for the words around the "unlikely" mark. */
export const LIKELY_SIMILARITY = 0.87;
/** The contract's MAX_IDENTIFY_PAGE. */
export const MAX_IDENTIFY_PAGE = 50;

export const RANKING_PERIODS = [
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'all',
] as const satisfies readonly RankingPeriod[];

export const PERIOD_LABELS: Record<RankingPeriod, string> = {
  daily: 'Today',
  weekly: 'This week',
  monthly: 'This month',
  yearly: 'This year',
  all: 'All time',
};
