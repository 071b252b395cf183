/**
 * Keeps one value for `ttlMs`, shares one load between concurrent callers, and keeps serving the last
 * good value when a refresh fails (the list changes over months, not minutes).
 */
export class TtlCache<T> {
  readonly #load: () => Promise<T>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #value: { data: T; loadedAt: number } | null = null;
  #pending: Promise<T> | null = null;

  constructor(load: () => Promise<T>, ttlMs: number, now: () => number) {
    this.#load = load;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get(): Promise<T> {
    const value = this.#value;
    if (value !== null && this.#now() - value.loadedAt < this.#ttlMs) return Promise.resolve(value.data);
    this.#pending ??= this.#refresh(value);
    return this.#pending;
  }

  async #refresh(stale: { data: T; loadedAt: number } | null): Promise<T> {
    try {
      const data = await this.#load();
      this.#value = { data, loadedAt: this.#now() };
      return data;
    } catch (error) {
      if (stale !== null) return stale.data;
      throw error;
    } finally {
      this.#pending = null;
    }
  }
}
