import type { ErrorPayload } from './api';

/** What the UI says about a failed call: a title by error code and the core's own message. */
export interface ErrorView {
  title: string;
  message: string;
  /** Seconds to wait before a retry can succeed (rate limits only). */
  retryAfter: number | null;
}

const TITLES: Partial<Record<ErrorPayload['code'], string>> = {
  rate_limited: 'Slow down a little',
  offline: 'You appear to be offline',
  timeout: 'The service took too long',
  upstream_error: 'The service is having trouble',
  invalid_response: 'The service sent something unexpected',
  unauthorized: 'Not allowed',
  quota_exceeded: 'Quota used up',
  not_found: 'Not found',
  invalid_input: 'That did not look right',
};

export function describeError(error: ErrorPayload, service = 'the service'): ErrorView {
  const retryAfter = error.code === 'rate_limited' ? Math.max(1, Math.ceil(error.retryAfter ?? 60)) : null;
  let message = error.message;
  if (error.code === 'offline') {
    message = `Nekodesk could not reach ${service}. Check your internet connection, then try again.`;
  }
  return { title: TITLES[error.code] ?? 'Something went wrong', message, retryAfter };
}

/** "in 1 second", "in 42 seconds", "in 2 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
