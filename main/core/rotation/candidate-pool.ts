import type { Artwork } from '../artwork';
import type { Monitor } from '../wallpaper/types';
import { bestForMonitor } from './candidate-rules';

/**
 * Candidates fetched from each source and not used yet, so one request serves several monitors and
 * several upcoming wallpapers. Bounded per source; the oldest are dropped first.
 */
export class CandidatePools {
  readonly #pools = new Map<string, Artwork[]>();
  readonly #maxPerSource: number;

  constructor(maxPerSource = 24) {
    this.#maxPerSource = maxPerSource;
  }

  /** Adds fresh candidates (ignoring ones already pooled). */
  add(label: string, artworks: readonly Artwork[]): void {
    const pool = this.#pools.get(label) ?? [];
    const known = new Set(pool.map((artwork) => artwork.id));
    for (const artwork of artworks) {
      if (known.has(artwork.id)) continue;
      known.add(artwork.id);
      pool.push(artwork);
    }
    this.#pools.set(label, pool.slice(-this.#maxPerSource));
  }

  /** Drops every pooled candidate that `accept` refuses, then takes the one that fits `monitor` best. */
  take(label: string, accept: (artwork: Artwork) => boolean, monitor: Monitor): Artwork | undefined {
    const pool = (this.#pools.get(label) ?? []).filter(accept);
    const best = bestForMonitor(
      pool.map((artwork) => ({ artwork })),
      monitor,
    )?.artwork;
    this.#pools.set(
      label,
      pool.filter((artwork) => artwork !== best),
    );
    return best;
  }

  /** Forgets the sources not in `labels` (they were removed from the settings). */
  retain(labels: ReadonlySet<string>): void {
    for (const label of [...this.#pools.keys()]) if (!labels.has(label)) this.#pools.delete(label);
  }

  clear(): void {
    this.#pools.clear();
  }

  /** Candidates pooled for `label` (for tests). */
  size(label: string): number {
    return this.#pools.get(label)?.length ?? 0;
  }
}
