import type { Artwork } from '../artwork';

/** Lower case, no diacritics, punctuation as spaces: "Sousou no Frieren!" and "sōsou" meet. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Indexed {
  artwork: Artwork;
  /** Folded searchable text, words separated by single spaces. */
  text: string;
  words: string[];
  /** Order of first sight; later sightings do not move it. */
  order: number;
}

/**
 * Everything the picker has seen (category pools, remote results, recent, favorites), searchable at once:
 * anime, character, artist, category and tags; case- and diacritic-insensitive. Every query word must match:
 * a word that starts with it scores best, then one that contains it.
 */
export class PickerSearchIndex {
  readonly #items = new Map<string, Indexed>();
  #order = 0;

  get size(): number {
    return this.#items.size;
  }

  add(artworks: Iterable<Artwork>): void {
    for (const artwork of artworks) {
      const known = this.#items.get(artwork.id);
      const text = foldText(
        [artwork.anime, artwork.character, artwork.artist?.name, artwork.category, ...artwork.tags]
          .filter((part): part is string => typeof part === 'string' && part !== '')
          .join(' '),
      );
      this.#items.set(artwork.id, {
        artwork,
        text,
        words: text === '' ? [] : text.split(' '),
        order: known?.order ?? this.#order++,
      });
    }
  }

  get(id: string): Artwork | undefined {
    return this.#items.get(id)?.artwork;
  }

  /** Best matches first (ties: seen first). `category` keeps only that category. */
  search(query: string, options: { category?: string; limit?: number } = {}): Artwork[] {
    const terms = foldText(query).split(' ').filter(Boolean);
    if (terms.length === 0) return [];
    const limit = options.limit ?? 60;
    const scored: { item: Indexed; score: number }[] = [];
    for (const item of this.#items.values()) {
      if (options.category !== undefined && item.artwork.category !== options.category) continue;
      let score = 0;
      for (const term of terms) {
        const termScore = scoreTerm(item, term);
        if (termScore === 0) {
          score = 0;
          break;
        }
        score += termScore;
      }
      if (score > 0) scored.push({ item, score });
    }
    scored.sort((a, b) => b.score - a.score || a.item.order - b.item.order);
    return scored.slice(0, limit).map(({ item }) => item.artwork);
  }
}

function scoreTerm(item: Indexed, term: string): number {
  let best = 0;
  for (const word of item.words) {
    if (word === term) return 4;
    if (word.startsWith(term)) best = Math.max(best, 3);
    else if (word.includes(term)) best = Math.max(best, 1);
  }
  // A term spanning words ("no fri") still matches the whole text.
  if (best === 0 && item.text.includes(term)) best = 1;
  return best;
}
