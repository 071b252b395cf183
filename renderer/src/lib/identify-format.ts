/** How identification results read: timestamps, similarity, episodes, sizes and "when". Pure functions. */
import type { IdentifyCandidate, IdentifyQuota, IdentifyUpload } from './identify-types';

/** mm:ss, as asked: 83.4 s → "01:23"; an hour or more → "1:02:03" (films run long). */
export function formatTimestamp(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${secs}`;
  return `${String(minutes).padStart(2, '0')}:${secs}`;
}

/** The matched moment: "12:03–12:07" when the scene's start and end are known and differ, else "12:05". */
export function formatMoment(candidate: Pick<IdentifyCandidate, 'from' | 'at' | 'to'>): string {
  const { from, at, to } = candidate;
  if (from !== null && to !== null) {
    const start = formatTimestamp(from);
    const end = formatTimestamp(to);
    if (start !== end) return `${start}–${end}`;
  }
  return formatTimestamp(at);
}

/**
 * 0.8699 → "86.9%". Rounded down, so a candidate just under the likely line never reads as "87.0%"
 * next to an "unlikely" mark.
 */
export function formatSimilarity(similarity: number): string {
  const tenths = Math.floor(Math.min(1, Math.max(0, similarity)) * 1000 + 1e-6);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** 5 → "Episode 5"; "OVA" → "OVA"; "1-2" → "Episodes 1-2"; null → "Film" (the service gives films no episode). */
export function formatEpisode(episode: number | string | null): string {
  if (episode === null) return 'Film';
  if (typeof episode === 'number') return `Episode ${episode}`;
  if (/^\d+$/.test(episode)) return `Episode ${episode}`;
  if (/^\d+\s*[-–]\s*\d+$/.test(episode)) return `Episodes ${episode}`;
  return episode;
}

/** Decimal units, as file managers show them: 950 → "950 B", 123_456 → "123 kB", 4_200_000 → "4.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  const megabytes = bytes / 1_000_000;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

/** "Uploaded 123 kB (from 4.2 MB), 1280×720, borders cropped". */
export function describeUpload(upload: IdentifyUpload): string {
  const parts = [
    upload.originalBytes > upload.bytes
      ? `Uploaded ${formatBytes(upload.bytes)} (from ${formatBytes(upload.originalBytes)})`
      : `Uploaded ${formatBytes(upload.bytes)}`,
    `${upload.width}×${upload.height}`,
  ];
  if (upload.cropped) parts.push('borders cropped');
  return parts.join(', ');
}

/** "3 of 5 searches left today"; a plural-aware sentence for the guest or key allowance. */
export function describeQuota(quota: IdentifyQuota): string {
  const left = Math.max(0, quota.remaining);
  if (left === 0) return `No searches left today (of ${quota.limit})`;
  return `${left} of ${quota.limit} search${quota.limit === 1 ? '' : 'es'} left today`;
}

/** "5 candidates, 2 likely", "3 candidates, none likely", "No candidates". */
export function summarizeCandidates(candidates: readonly Pick<IdentifyCandidate, 'likely'>[]): string {
  if (candidates.length === 0) return 'No candidates';
  const likely = candidates.filter((candidate) => candidate.likely).length;
  const count = `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`;
  return `${count}, ${likely === 0 ? 'none' : String(likely)} likely`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function formatWhen(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The candidate's other titles worth showing under the main one (native and English, when different). */
export function otherTitles(
  candidate: Pick<IdentifyCandidate, 'title' | 'titleNative' | 'titleEnglish'>,
): string[] {
  const seen = new Set([candidate.title]);
  const others: string[] = [];
  for (const title of [candidate.titleEnglish, candidate.titleNative]) {
    if (title !== null && title.trim() !== '' && !seen.has(title)) {
      seen.add(title);
      others.push(title);
    }
  }
  return others;
}

/** An http(s) URL (the only kind a link may open, and the only kind `identify:url` takes). */
export function isWebUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** "1 search", "1,234 searches". */
export function formatSearches(count: number): string {
  return `${count.toLocaleString('en-US')} search${count === 1 ? '' : 'es'}`;
}
