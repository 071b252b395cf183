import { NekodeskError, type ErrorCode } from '../errors';
import { formatWait } from './human-text';

const MAX_UPSTREAM_MESSAGE = 200;

/** Printable text only, trimmed, without a final period (our sentence adds one), short enough to show. */
function clean(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const printable = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const oneLine = printable.trim().replace(/\.+$/, '');
  if (!oneLine) return undefined;
  return oneLine.length > MAX_UPSTREAM_MESSAGE ? `${oneLine.slice(0, MAX_UPSTREAM_MESSAGE - 1)}…` : oneLine;
}

/** The upstream's own explanation: JSON `message` or `error` (a string), or a short plain-text body. */
export function upstreamMessage(body: Uint8Array, contentType: string | null): string | undefined {
  const text = new TextDecoder().decode(body);
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    const message = [record.message, record.error].find((value) => typeof value === 'string');
    return typeof message === 'string' ? clean(message) : undefined;
  }
  if (type === 'text/plain' && text.length <= MAX_UPSTREAM_MESSAGE) return clean(text);
  return undefined;
}

export interface StatusErrorContext {
  service: string;
  /** From Retry-After (or the rate-limit reset), in seconds. */
  retryAfter?: number;
  /** What the upstream said, if anything. */
  upstreamMessage?: string;
}

function codeFor(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return 'invalid_input';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 402) return 'quota_exceeded';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  return 'upstream_error';
}

function sentence(
  code: ErrorCode,
  status: number,
  service: string,
  said: string,
  retryAfter: number | undefined,
): string {
  const later = retryAfter === undefined ? 'try again later' : `try again in ${formatWait(retryAfter)}`;
  switch (code) {
    case 'invalid_input':
      return `${service} rejected the request${said || ` (HTTP ${status})`}.`;
    case 'unauthorized':
      return `${service} refused access (HTTP ${status})${said}; check your sign-in or API key.`;
    case 'quota_exceeded':
      return `Your ${service} quota is used up${said}; ${later}.`;
    case 'not_found':
      return `${service} has no such item (HTTP ${status})${said}.`;
    case 'timeout':
      return `${service} gave up waiting for the request (HTTP 408); ${later}.`;
    case 'rate_limited':
      return `${service} is rate limiting us; ${retryAfter === undefined ? 'try again shortly' : later}.`;
    default:
      return status >= 500
        ? `${service} is having trouble (HTTP ${status})${said}; ${later}.`
        : `${service} answered with an unexpected HTTP ${status}${said}.`;
  }
}

/** The error for a non-2xx response, mapped as `HttpTransport` documents. */
export function errorForStatus(status: number, context: StatusErrorContext): NekodeskError {
  const code = codeFor(status);
  const said = context.upstreamMessage ? `: ${context.upstreamMessage}` : '';
  const message = sentence(code, status, context.service, said, context.retryAfter);
  return new NekodeskError(code, message, {
    status,
    ...(context.retryAfter === undefined ? {} : { retryAfter: context.retryAfter }),
    ...(context.upstreamMessage === undefined ? {} : { upstreamMessage: context.upstreamMessage }),
  });
}
