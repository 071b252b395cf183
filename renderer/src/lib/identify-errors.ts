/** What the Identify view says when an identification fails, and what it offers to do about it, by error code. */
import type { ErrorPayload, Notice } from './api';
import { describeError } from './errors';
import type { IconName } from './icons';

export interface IdentifyErrorView {
  title: string;
  message: string;
  icon: IconName;
  tone: 'error' | 'warning';
  /** The fix is on the Account tab (a key, a sign-in, credits). */
  toAccount: boolean;
  /** Sending the same thing again can work (not for a bad image). */
  canRetry: boolean;
}

export const IDENTIFY_SERVICE = 'whatanimeisthis.com';

export function describeIdentifyError(error: ErrorPayload): IdentifyErrorView {
  const base = describeError(error, IDENTIFY_SERVICE);
  switch (error.code) {
    case 'quota_exceeded':
      return {
        title: 'No searches left',
        message: error.message,
        icon: 'clock',
        tone: 'warning',
        toAccount: true,
        canRetry: false,
      };
    case 'unauthorized':
      return {
        title: 'whatanimeisthis.com refused the sign-in',
        message: error.message,
        icon: 'alert',
        tone: 'error',
        toAccount: true,
        canRetry: false,
      };
    case 'invalid_input':
      return {
        title: 'That image could not be used',
        message: error.message,
        icon: 'alert',
        tone: 'error',
        toAccount: false,
        canRetry: false,
      };
    case 'offline':
      return { ...base, icon: 'offline', tone: 'error', toAccount: false, canRetry: true };
    default:
      return { ...base, icon: 'alert', tone: 'error', toAccount: false, canRetry: true };
  }
}

/** A failed side call (history, browse, account) as a toast: the title by code and the core's message. */
export function errorNotice(error: ErrorPayload, service: string): Notice {
  const view = describeError(error, service);
  const level = error.code === 'rate_limited' || error.code === 'offline' ? 'warning' : 'error';
  return { level, message: `${view.title}: ${view.message}` };
}
