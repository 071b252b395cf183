import { toErrorPayload, type ErrorPayload } from './errors';

/** The one result shape of every call that crosses the bridge. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export async function toResult<T>(work: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
