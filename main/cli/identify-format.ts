import { fileURLToPath } from 'node:url';
import type {
  IdentifyAccount,
  IdentifyCandidate,
  IdentifyHistoryPage,
  IdentifyResult,
  IdentifyUpload,
} from '../../preload/contract';
import type { WhatAnimeRankings, WhatAnimeRecentSearches } from '../core/sources/whatanime/types';
import { formatBytes, formatPercent, formatTimestamp } from './output';

function episodeText(episode: IdentifyCandidate['episode']): string {
  return episode === null ? '' : `episode ${episode}`;
}

function titleText(title: string, others: (string | null)[]): string {
  const extra = [...new Set(others.filter((other): other is string => other !== null && other !== title))];
  return extra.length > 0 ? `${title} (${extra.join(' / ')})` : title;
}

/** A `file://` URL of the CLI's cache as the path a person can open; anything else as it is. */
function localPath(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

/** What was sent after cleaning: size against the original, and what cleaning did. */
export function formatUpload(upload: IdentifyUpload): string {
  const what = [
    `${upload.width}×${upload.height} JPEG`,
    upload.cropped ? 'black bars cropped' : null,
    'metadata removed',
  ]
    .filter((part) => part !== null)
    .join(', ');
  return `Uploaded ${formatBytes(upload.bytes)} (from ${formatBytes(upload.originalBytes)}: ${what}).`;
}

/** Every candidate: title, episode, timestamp, similarity, AniList link; those under 87% marked unlikely. */
export function formatIdentification(result: IdentifyResult): string[] {
  // The answer first; what was sent and what is left after it.
  const lines: string[] = [];
  if (result.candidates.length === 0) lines.push('No match found.');
  result.candidates.forEach((candidate, index) => {
    const where = [episodeText(candidate.episode), `at ${formatTimestamp(candidate.at)}`]
      .filter(Boolean)
      .join(' ');
    const unlikely = candidate.likely ? '' : '  (unlikely)';
    const adult = candidate.isAdult ? ' [18+]' : '';
    lines.push(
      `${index + 1}. ${titleText(candidate.title, [candidate.titleEnglish, candidate.titleNative])}${adult}`,
    );
    lines.push(`   ${where} · ${formatPercent(candidate.similarity)} similar${unlikely}`);
    if (candidate.link !== null) lines.push(`   ${candidate.link}`);
    const previews = [candidate.imageUrl, candidate.videoUrl].filter((url): url is string => url !== null);
    if (previews.length > 0) lines.push(`   preview: ${previews.map(localPath).join('  ')}`);
  });
  if (result.candidates.length > 0 && result.candidates.every((candidate) => !candidate.likely)) {
    lines.push(
      '',
      'No confident match: the screenshot may be cropped, edited, or from something not in the database.',
    );
  }
  if (result.upload !== null || result.quota !== null) lines.push('');
  if (result.upload !== null) lines.push(formatUpload(result.upload));
  if (result.quota !== null)
    lines.push(`Searches left: ${result.quota.remaining} (limit ${result.quota.limit})`);
  return lines;
}

/** One line per identification: when, what, the best candidate. */
export function formatHistory(page: IdentifyHistoryPage, offset: number): string[] {
  if (page.items.length === 0)
    return [page.total === 0 ? 'No identifications yet.' : 'No more identifications.'];
  const lines = page.items.map((item) => {
    const when = new Date(item.at).toISOString().replace('T', ' ').slice(0, 16);
    const [best] = item.candidates;
    const top =
      best === undefined
        ? 'no match'
        : `${best.title}${best.episode === null ? '' : ` ${episodeText(best.episode)}`} at ${formatTimestamp(best.at)} · ${formatPercent(best.similarity)}${best.likely ? '' : ' (unlikely)'}`;
    return `${item.id}  ${when}  ${item.label}  →  ${top}`;
  });
  lines.push('', `${offset + 1}–${offset + page.items.length} of ${page.total}`);
  return lines;
}

export function formatAccount(account: IdentifyAccount): string[] {
  const who =
    account.kind === 'session'
      ? `Signed in as ${account.email ?? 'an unknown email'}`
      : account.kind === 'api-key'
        ? 'Searching with an API key'
        : 'Guest (5 searches a day)';
  const lines = [who];
  if (account.maskedKey !== null) lines.push(`API key: ${account.maskedKey}`);
  lines.push(
    account.quota === null
      ? 'Searches left today: not known yet (the service says with each search)'
      : `Searches left today: ${account.quota.remaining} (limit ${account.quota.limit})`,
  );
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
