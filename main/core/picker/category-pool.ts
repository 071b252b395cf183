import type { Artwork } from '../artwork';

/**
 * The GIFs of one category seen so far, in the order they came, without repeats. nekos.best's `/:category` is
 * random, so pages are cut from this pool: paging back and re-opening a chip never ask again.
 */
export class CategoryPool {
  readonly items: Artwork[] = [];
  readonly #ids = new Set<string>();
  /** A batch brought nothing new: the category holds no more than we have. */
  exhausted = false;
  #filling: Promise<void> = Promise.resolve();

  /** Adds unseen artworks; returns how many were new. */
  add(artworks: readonly Artwork[]): number {
    let added = 0;
    for (const artwork of artworks) {
      if (this.#ids.has(artwork.id)) continue;
      this.#ids.add(artwork.id);
      this.items.push(artwork);
      added += 1;
    }
    return added;
  }

  /** Runs fills one after another, so two pages asked at once do not both fetch. */
  serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#filling.then(work);
    this.#filling = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
