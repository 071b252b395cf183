import type {
  IdentifyRanking,
  IdentifyRankingsPage,
  IdentifyRecentItem,
  IdentifyRecentPage,
  RankingPeriod,
} from '../../../preload/contract';
import type { Clock } from '../clock';
import type { WhatAnimeClient } from '../sources/whatanime/client';
import type { WhatAnimeRanking } from '../sources/whatanime/types';
import { anilistLink } from './candidates';
import type { MediaStore } from './media-store';

/** The service answers at most this many rankings and has no offset: we page over one answer. */
export const RANKINGS_FETCHED = 100;
/** A period's list is asked again after this long (rankings move slowly; paging must not refetch). */
export const RANKINGS_TTL_MS = 10 * 60_000;

export interface BrowseOptions {
  whatanime: () => WhatAnimeClient;
  media: MediaStore;
  clock: Clock;
  showAdult: () => boolean;
  imageUrl: (key: string | null) => string | null;
}

/** Rankings and recent public searches, with their covers and stills downloaded into the cache. */
export class Browse {
  readonly #o: BrowseOptions;
  readonly #rankings = new Map<RankingPeriod, { at: number; list: Promise<WhatAnimeRanking[]> }>();

  constructor(options: BrowseOptions) {
    this.#o = options;
  }

  /**
   * One page of a period's most searched anime. Adult entries are always asked for, so the page can say how many
   * the settings hide, and shown only when the settings allow.
   */
  async rankings(
    period: RankingPeriod,
    page: { offset: number; limit: number },
  ): Promise<IdentifyRankingsPage> {
    const all = await this.#rankingList(period);
    const showAdult = this.#o.showAdult();
    const visible = showAdult ? all : all.filter((entry) => !entry.isAdult);
    const slice = visible.slice(page.offset, page.offset + page.limit);
    const items = await Promise.all(
      slice.map(async (entry, index): Promise<IdentifyRanking> => {
        const cover = await this.#o.media.download(entry.coverImage, 'image');
        return {
          // Ranks are renumbered after hiding, so the list reads 1, 2, 3 without gaps.
          rank: showAdult ? entry.rank : page.offset + index + 1,
          title: entry.title,
          titleNative: entry.titleNative,
          count: entry.count,
          isAdult: entry.isAdult,
          coverUrl: this.#o.imageUrl(cover),
          link: anilistLink(entry.anilistId),
        };
      }),
    );
    return {
      period,
      items,
      offset: page.offset,
      total: visible.length,
      hiddenAdult: all.length - visible.length,
    };
  }

  #rankingList(period: RankingPeriod): Promise<WhatAnimeRanking[]> {
    const now = this.#o.clock.now();
    const cached = this.#rankings.get(period);
    if (cached && now - cached.at < RANKINGS_TTL_MS) return cached.list;
    const list = this.#o
      .whatanime()
      .rankings({ period, limit: RANKINGS_FETCHED, includeAdult: true })
      .then((answer) => [...answer.rankings].sort((a, b) => a.rank - b.rank));
    // A failure is not kept: the next page asks again.
    list.catch(() => {
      if (this.#rankings.get(period)?.list === list) this.#rankings.delete(period);
    });
    this.#rankings.set(period, { at: now, list });
    return list;
  }

  /** One page of recently confirmed public searches, with their stills downloaded. */
  async recent(page: { offset: number; limit: number }): Promise<IdentifyRecentPage> {
    const answer = await this.#o.whatanime().recentSearches({ limit: page.limit, offset: page.offset });
    const items = await Promise.all(
      answer.items.map(async (item): Promise<IdentifyRecentItem> => {
        const still = await this.#o.media.download(item.image, 'image');
        return {
          id: item.id,
          title: item.title,
          episode: item.episode,
          at: item.at,
          similarity: item.similarity,
          imageUrl: this.#o.imageUrl(still),
          createdAt: item.createdAt,
        };
      }),
    );
    return { items, offset: answer.offset, limit: answer.limit ?? page.limit, total: answer.total };
  }
}
