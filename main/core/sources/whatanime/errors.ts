import { isNekodeskError, NekodeskError } from '../../errors';
import type { WhatAnimeCredentials } from './auth';

export type AuthKind = 'apiKey' | 'session' | 'guest';

export function authKindOf(credentials: WhatAnimeCredentials, preferSession: boolean): AuthKind {
  if (preferSession)
    return credentials.session !== null ? 'session' : credentials.apiKey !== null ? 'apiKey' : 'guest';
  return credentials.apiKey !== null ? 'apiKey' : credentials.session !== null ? 'session' : 'guest';
}

const UNAUTHORIZED: Record<AuthKind, string> = {
  apiKey: 'Your API key was refused by whatanimeisthis.com. Check it, or create a new one.',
  session: 'Your whatanimeisthis.com session has expired. Sign in again.',
  guest: 'whatanimeisthis.com needs you to sign in for this.',
};

/**
 * Turns the HTTP layer's errors into what a person needs to know about this service:
 * 401 says which credential failed; a 429 about the daily allowance is `quota_exceeded` (waiting minutes will not help).
 */
export function mapWhatAnimeError(error: unknown, auth: AuthKind): unknown {
  if (!isNekodeskError(error)) return error;
  const carry = {
    cause: error,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
  };
  if (error.code === 'unauthorized' && error.status === 401) {
    return new NekodeskError('unauthorized', UNAUTHORIZED[auth], carry);
  }
  if (error.code === 'quota_exceeded') {
    return new NekodeskError(
      'quota_exceeded',
      auth === 'guest'
        ? 'You have used your free searches on whatanimeisthis.com for today. Sign in for more.'
        : 'You have no whatanimeisthis.com credits left. Your free credits come back at midnight (UTC).',
      carry,
    );
  }
  // The daily allowance: said by the service, or a wait longer than the hourly limit could ever ask for.
  const daily =
    /daily|per day|today|quota|credit/i.test(error.upstreamMessage ?? '') ||
    (error.retryAfter !== undefined && error.retryAfter > 3600);
  if (error.code === 'rate_limited' && daily) {
    return new NekodeskError(
      'quota_exceeded',
      auth === 'guest'
        ? 'You have used the free guest searches on whatanimeisthis.com for today. Sign in for more, or try again tomorrow.'
        : 'You have used your whatanimeisthis.com searches for today. Try again tomorrow.',
      carry,
    );
  }
  return error;
}
