import type { ErrorPayload, Result } from './api';

export type RemoteState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ErrorPayload };

/**
 * One value fetched through `window.nekodesk`, as reactive state: loading, ready or failed.
 * A newer `load()` wins over an older one still in flight, so a fast Retry never shows stale data.
 */
export class Remote<T> {
  state: RemoteState<T> = $state.raw({ status: 'loading' });
  readonly #fetch: () => Promise<Result<T>>;
  #run = 0;

  constructor(fetch: () => Promise<Result<T>>) {
    this.#fetch = fetch;
  }

  async load(): Promise<void> {
    const run = ++this.#run;
    this.state = { status: 'loading' };
    let result: Result<T>;
    try {
      result = await this.#fetch();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The call to Nekodesk failed.';
      result = { ok: false, error: { code: 'internal', message } };
    }
    if (run !== this.#run) return;
    this.state = result.ok
      ? { status: 'ready', data: result.data }
      : { status: 'failed', error: result.error };
  }
}
