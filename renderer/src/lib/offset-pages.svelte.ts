import type { Result } from './api';
import { Remote } from './remote.svelte';

/** Which slice of a list to fetch. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * Where a paged list is: the offset of the page shown. Kept apart from the list so its owner can outlive the
 * component that shows it (coming back to a tab shows the same page).
 */
export class PagePlace {
  offset = $state(0);
}

/**
 * A list read from main a page at a time by offset: the page asked for, and the Remote holding what came back.
 * `show(offset)` moves to another page; as with Remote, a newer call wins over one still in flight.
 */
export class OffsetPages<P> {
  readonly limit: number;
  readonly remote: Remote<P>;
  readonly #place: PagePlace;

  /** `place` is where the list starts, and is moved with it (a new one starts at the first page). */
  constructor(limit: number, fetch: (request: PageRequest) => Promise<Result<P>>, place = new PagePlace()) {
    this.limit = limit;
    this.#place = place;
    this.remote = new Remote(() => fetch({ offset: this.offset, limit }));
  }

  get offset(): number {
    return this.#place.offset;
  }

  show(offset: number): Promise<void> {
    this.#place.offset = offset;
    return this.remote.load();
  }
}
