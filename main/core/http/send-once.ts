import { NekodeskError } from '../errors';
import { abortReason } from './abort';
import { describeNetworkError } from './network-errors';
import { readBody, TruncatedBodyError } from './read-body';
import type { FetchLike } from './types';

/** A response with its whole body in memory. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

export interface Attempt {
  url: string;
  method: string;
  headers: Headers;
  body: RequestInit['body'];
  timeoutMs: number;
  maxBytes: number;
  service: string;
  onProgress?: ((receivedBytes: number, totalBytes: number | null) => void) | undefined;
}

/** What one attempt came to: a response (any status), or a failure that may be worth retrying. */
export type AttemptOutcome =
  { kind: 'response'; response: RawResponse } | { kind: 'failure'; error: NekodeskError; retryable: boolean };

/** Error bodies are read only for their message. */
const ERROR_BODY_BYTES = 64 * 1024;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function failure(error: unknown, attempt: Attempt, timedOut: boolean): AttemptOutcome {
  const { service, url, timeoutMs } = attempt;
  if (error instanceof NekodeskError) return { kind: 'failure', error, retryable: false };
  if (timedOut) {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 100) / 10} s`;
    const message = `${service} did not answer within ${limit}; try again later.`;
    return {
      kind: 'failure',
      error: new NekodeskError('timeout', message, { cause: error }),
      retryable: true,
    };
  }
  if (error instanceof TruncatedBodyError) {
    const message = `The response from ${service} was cut off (${error.message}).`;
    const truncated = new NekodeskError('invalid_response', message, { cause: error });
    return { kind: 'failure', error: truncated, retryable: true };
  }
  const message = `Could not reach ${hostOf(url)}: ${describeNetworkError(error)}.`;
  return { kind: 'failure', error: new NekodeskError('offline', message, { cause: error }), retryable: true };
}

/**
 * One request, its body read under the size cap, within `timeoutMs` of real time (a timeout measures the real
 * network, so it uses `AbortSignal.timeout`, not the injected clock). Rejects only with the caller's abort reason.
 */
export async function sendOnce(
  fetch: FetchLike,
  attempt: Attempt,
  signal?: AbortSignal,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(attempt.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(attempt.url, {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.body,
      signal: combined,
      redirect: 'follow',
    });
    const ok = response.status >= 200 && response.status < 300;
    const body = await readBody(response, {
      maxBytes: ok ? attempt.maxBytes : Math.min(attempt.maxBytes, ERROR_BODY_BYTES),
      service: attempt.service,
      overflow: ok ? 'fail' : 'truncate',
      signal: combined,
      ...(ok && attempt.onProgress ? { onProgress: attempt.onProgress } : {}),
    });
    return { kind: 'response', response: { status: response.status, headers: response.headers, body } };
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    return failure(error, attempt, timeout.aborted);
  }
}
