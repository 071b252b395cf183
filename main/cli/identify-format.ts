import type {
  WhatAnimeCandidate,
  WhatAnimeRankings,
  WhatAnimeRecentSearches,
  WhatAnimeSearchResult,
} from '../core/sources/whatanime/types';
import { formatPercent, formatTimestamp } from './output';

/** Below this similarity a candidate is probably not the right scene. */
export const LIKELY_SIMILARITY = 0.87;

function episodeText(episode: WhatAnimeCandidate['episode']): string {
  if (episode === null) return '';
  return typeof episode === 'number' ? `episode ${episode}` : `episode ${episode}`;
}

function titleText(title: string, others: (string | null)[]): string {
  const extra = [...new Set(others.filter((other): other is string => other !== null && other !== title))];
  return extra.length > 0 ? `${title} (${extra.join(' / ')})` : title;
}

/** Every candidate: title, episode, timestamp, similarity; those under 87% marked unlikely. */
export function formatSearch(result: WhatAnimeSearchResult): string[] {
  if (result.candidates.length === 0) return ['No match found.'];
  const lines: string[] = [];
  result.candidates.forEach((candidate, index) => {
    const where = [episodeText(candidate.episode), `at ${formatTimestamp(candidate.at)}`]
      .filter(Boolean)
      .join(' ');
    const unlikely = candidate.similarity < LIKELY_SIMILARITY ? '  (unlikely)' : '';
    lines.push(
      `${index + 1}. ${titleText(candidate.title, [candidate.titleEnglish, candidate.titleNative])}${candidate.isAdult ? ' [18+]' : ''}`,
    );
    lines.push(`   ${where} · ${formatPercent(candidate.similarity)} similar${unlikely}`);
  });
  if (result.candidates.every((candidate) => candidate.similarity < LIKELY_SIMILARITY)) {
    lines.push(
      '',
      'No confident match: the screenshot may be cropped, edited, or from something not in the database.',
    );
  }
  if (result.quota !== null)
    lines.push('', `Searches left: ${result.quota.remaining} (limit ${result.quota.limit})`);
  return lines;
}

export function formatRankings(result: WhatAnimeRankings): string[] {
  if (result.rankings.length === 0) return [`No rankings for ${result.period}.`];
  const width = String(result.rankings.length).length;
  return [
    `Most searched anime (${result.period})`,
    ...result.rankings.map((entry) => {
      const count = entry.count === null ? '' : ` — ${entry.count.toLocaleString('en-US')} searches`;
      return `${String(entry.rank).padStart(width)}. ${titleText(entry.title, [entry.titleNative])}${entry.isAdult ? ' [18+]' : ''}${count}`;
    }),
  ];
}

export function formatRecent(result: WhatAnimeRecentSearches): string[] {
  if (result.items.length === 0) return ['No recent searches.'];
  const lines = result.items.map((item) => {
    const parts = [item.title];
    const where = [episodeText(item.episode), item.at === null ? '' : `at ${formatTimestamp(item.at)}`]
      .filter(Boolean)
      .join(' ');
    if (where !== '') parts.push(where);
    if (item.similarity !== null) parts.push(formatPercent(item.similarity));
    if (item.createdAt !== null) parts.push(item.createdAt);
    return parts.join(' · ');
  });
  if (result.total !== null) {
    lines.push('', `${result.offset + 1}–${result.offset + result.items.length} of ${result.total}`);
  }
  return lines;
}
