/**
 * The one error type that crosses every boundary (core → CLI, core → IPC → renderer).
 * `code` is what code acts on; `message` is what a person reads.
 */
export const ERROR_CODES = [
  'rate_limited',
  'not_found',
  'invalid_input',
  'unauthorized',
  'quota_exceeded',
  'upstream_error',
  'offline',
  'timeout',
  'invalid_response',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-data form of an error: what IPC, the harness and `--json` carry. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before trying again, when the upstream said (or we know). */
  retryAfter?: number;
}

export class NekodeskError extends Error {
  override readonly name = 'NekodeskError';
  readonly code: ErrorCode;
  readonly retryAfter: number | undefined;
  /** HTTP status of the upstream response that caused this, if any. */
  readonly status: number | undefined;
  /** The upstream's own words, when it gave any (already part of `message` where they help a person). */
  readonly upstreamMessage: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryAfter?: number; status?: number; upstreamMessage?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryAfter = options.retryAfter;
    this.status = options.status;
    this.upstreamMessage = options.upstreamMessage;
  }

  toPayload(): ErrorPayload {
    return this.retryAfter === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfter: this.retryAfter };
  }
}

export function isNekodeskError(error: unknown): error is NekodeskError {
  return error instanceof NekodeskError;
}

/** Any thrown value as a payload; unknown errors become `internal` without leaking details. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isNekodeskError(error)) return error.toPayload();
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
  return { code: 'internal', message };
}
