import { LIKELY_SIMILARITY, type IdentifyCandidate } from '../../../preload/contract';
import type { WhatAnimeCandidate } from '../sources/whatanime/types';
import type { StoredCandidate } from './history-file';
import type { MediaStore } from './media-store';

/**
 * Which previews a search downloads: stills and clips (the app, the CLI's `--previews`), stills only, or none
 * (the CLI's default).
 */
export type PreviewPolicy = 'all' | 'images' | 'none';

/** The anime's AniList page (https), or null without an id. */
export function anilistLink(anilistId: number | null): string | null {
  return anilistId === null ? null : `https://anilist.co/anime/${anilistId}`;
}

/**
 * A candidate with its previews downloaded into the cache. Adult candidates' previews are not fetched unless the
 * settings show adult entries; a preview that fails to download is left out (null), never failing the search.
 */
export async function storeCandidate(
  candidate: WhatAnimeCandidate,
  media: MediaStore,
  options: { previews: PreviewPolicy; showAdult: boolean; signal?: AbortSignal },
): Promise<StoredCandidate> {
  const fetchable = options.previews !== 'none' && (options.showAdult || !candidate.isAdult);
  const [imageKey, videoKey] = await Promise.all([
    fetchable ? media.download(candidate.previewImage, 'image', options.signal) : null,
    fetchable && options.previews === 'all'
      ? media.download(candidate.previewVideo, 'video', options.signal)
      : null,
  ]);
  return {
    title: candidate.title,
    titleNative: candidate.titleNative,
    titleEnglish: candidate.titleEnglish,
    anilistId: candidate.anilistId,
    episode: candidate.episode,
    from: candidate.from,
    at: candidate.at,
    to: candidate.to,
    similarity: candidate.similarity,
    isAdult: candidate.isAdult,
    imageKey,
    videoKey,
  };
}

/** What the renderer and the CLI see: likely or not, the AniList link, previews as cache URLs. */
export function toIdentifyCandidate(
  stored: StoredCandidate,
  url: (key: string | null) => string | null,
): IdentifyCandidate {
  return {
    title: stored.title,
    titleNative: stored.titleNative,
    titleEnglish: stored.titleEnglish,
    anilistId: stored.anilistId,
    episode: stored.episode,
    from: stored.from,
    at: stored.at,
    to: stored.to,
    similarity: stored.similarity,
    likely: stored.similarity >= LIKELY_SIMILARITY,
    isAdult: stored.isAdult,
    imageUrl: url(stored.imageKey),
    videoUrl: url(stored.videoKey),
    link: anilistLink(stored.anilistId),
  };
}
