import type { ErrorPayload, Result } from './api';
import { describeIdentifyError } from './identify-errors';

/**
 * One form's call (save a key, sign in, create a key, sign out): pending while it runs, its error as a sentence
 * the form shows inline, the data on success. A second submit while one runs is ignored.
 */
export class PendingAction {
  pending = $state(false);
  error: ErrorPayload | null = $state.raw(null);

  /** The error as the form shows it (the core's sentence; a plainer one when offline). */
  get message(): string | null {
    return this.error === null ? null : describeIdentifyError(this.error).message;
  }

  async run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    if (this.pending) return null;
    this.pending = true;
    this.error = null;
    let result: Result<T>;
    try {
      result = await call();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The call to Nekodesk failed.';
      result = { ok: false, error: { code: 'internal', message } };
    } finally {
      this.pending = false;
    }
    if (result.ok) return result.data;
    this.error = result.error;
    return null;
  }
}
