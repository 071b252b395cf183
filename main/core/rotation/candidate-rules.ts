import type { Artwork } from '../artwork';
import type { WallpaperSettings } from '../settings/settings-schema';
import type { Monitor } from '../wallpaper/types';

/** What a candidate must pass to be shown. */
export interface CandidateRules {
  banned: ReadonlySet<string>;
  /** Lower-case tags never to show (the `blacklist` setting). */
  blacklist: ReadonlySet<string>;
  rating: WallpaperSettings['rating'];
}

export function rulesFrom(settings: WallpaperSettings, bannedIds: Iterable<string>): CandidateRules {
  return {
    banned: new Set(bannedIds),
    blacklist: new Set(settings.blacklist.map((tag) => tag.trim().toLowerCase())),
    rating: settings.rating,
  };
}

/** Images only, not banned, no blacklisted tag, and nothing suggestive when the setting is `safe`. */
export function isAllowed(artwork: Artwork, rules: CandidateRules): boolean {
  if (artwork.kind !== 'image' || rules.banned.has(artwork.id)) return false;
  if (rules.rating === 'safe' && artwork.rating !== 'safe') return false;
  return !artwork.tags.some((tag) => rules.blacklist.has(tag.toLowerCase()));
}

/** 2 when the artwork's orientation matches the monitor's, 1 when its size is unknown, 0 when it does not. */
export function orientationFit(artwork: Artwork, monitor: Monitor): number {
  if (artwork.width === null || artwork.height === null) return 1;
  const portraitArt = artwork.height > artwork.width;
  const portraitMonitor = monitor.height > monitor.width;
  return portraitArt === portraitMonitor ? 2 : 0;
}

export const BEST_FIT = 2;

/** The candidate that fits the monitor best; the earliest among equals. */
export function bestForMonitor<T extends { artwork: Artwork }>(
  items: readonly T[],
  monitor: Monitor,
): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const item of items) {
    const score = orientationFit(item.artwork, monitor);
    if (score > bestScore) {
      best = item;
      bestScore = score;
      if (score === BEST_FIT) break;
    }
  }
  return best;
}
