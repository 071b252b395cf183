import type { Result } from './api';
import { Remote } from './remote.svelte';

/** Which slice of a list to fetch. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * A list read from main a page at a time by offset: the page asked for, and the Remote holding what came back.
 * `show(offset)` moves to another page; as with Remote, a newer call wins over one still in flight.
 */
export class OffsetPages<P> {
  offset = $state(0);
  readonly limit: number;
  readonly remote: Remote<P>;

  constructor(limit: number, fetch: (request: PageRequest) => Promise<Result<P>>) {
    this.limit = limit;
    this.remote = new Remote(() => fetch({ offset: this.offset, limit }));
  }

  show(offset: number): Promise<void> {
    this.offset = offset;
    return this.remote.load();
  }
}
