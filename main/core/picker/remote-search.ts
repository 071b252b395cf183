import type { Artwork } from '../artwork';
import type { Clock } from '../clock';
import { SlidingWindowLimiter } from '../http/rate-limiter';
import { UPSTREAM_RATE_LIMITS } from '../http/upstream-limits';

export interface RemoteQuery {
  query: string;
  category?: string;
}

/**
 * The picker's remote search: only the latest request counts. Each call waits `debounceMs` on the clock; a newer
 * call supersedes it (its promise resolves to null, nothing is sent). Sends stay inside nekos.best's 7 searches per
 * 5 s (a sliding window on the same clock, waiting its turn). An answer that comes back after a newer call was
 * made resolves to null too: an older answer never replaces a newer one. `onResults` sees every answer (the
 * local index learns from superseded ones as well).
 */
export class RemoteSearch {
  readonly #clock: Clock;
  readonly #debounceMs: number;
  readonly #send: (query: RemoteQuery) => Promise<Artwork[]>;
  readonly #onResults: (artworks: Artwork[]) => void;
  readonly #limiter: SlidingWindowLimiter;
  #seq = 0;
  #pending: AbortController | null = null;
  /** Requests actually sent (for tests and diagnostics). */
  sent = 0;

  constructor(options: {
    clock: Clock;
    debounceMs: number;
    send: (query: RemoteQuery) => Promise<Artwork[]>;
    onResults: (artworks: Artwork[]) => void;
  }) {
    this.#clock = options.clock;
    this.#debounceMs = options.debounceMs;
    this.#send = options.send;
    this.#onResults = options.onResults;
    this.#limiter = new SlidingWindowLimiter(UPSTREAM_RATE_LIMITS['nekos.best:search'], options.clock, {
      service: 'nekos.best',
      maxWindowWaitMs: 60_000,
      maxPauseWaitMs: 60_000,
    });
  }

  get seq(): number {
    return this.#seq;
  }

  /** Starts a new search (superseding any earlier one); returns its sequence number and answer. */
  start(query: RemoteQuery): { seq: number; result: Promise<Artwork[] | null> } {
    const seq = ++this.#seq;
    this.#pending?.abort();
    this.#pending = null;
    if (query.query.trim() === '') return { seq, result: Promise.resolve([]) };
    const controller = new AbortController();
    this.#pending = controller;
    return { seq, result: this.#run(seq, query, controller.signal) };
  }

  /** Supersedes whatever is pending (the picker closed or the query was cleared). */
  cancel(): void {
    this.#seq += 1;
    this.#pending?.abort();
    this.#pending = null;
  }

  async #run(seq: number, query: RemoteQuery, signal: AbortSignal): Promise<Artwork[] | null> {
    try {
      await this.#clock.sleep(this.#debounceMs, signal);
      await this.#limiter.acquire(signal);
    } catch {
      return null; // superseded while waiting: nothing was sent
    }
    if (seq !== this.#seq) return null;
    if (this.#pending?.signal === signal) this.#pending = null;
    this.sent += 1;
    let artworks: Artwork[];
    try {
      artworks = await this.#send(query);
    } catch (error) {
      if (seq !== this.#seq) return null; // superseded: its failure no longer matters
      throw error;
    }
    this.#onResults(artworks);
    return seq === this.#seq ? artworks : null;
  }
}
