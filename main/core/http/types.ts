import type { z } from 'zod';

/** The `fetch` the HTTP layer is given: the global one in the app and the CLI, a fake-backed one in tests. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** At most `limit` requests in any window of `windowMs` (documented upstream limits). */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /**
   * Extra spacing added to the window to absorb real network latency (a request we start at t may reach the
   * server later than one we started before it). Default: 2% of the window, at most 1 s.
   */
  safetyMarginMs?: number;
}

export interface RequestOptions {
  /** The rate-limit bucket this request draws from, e.g. `nekos.best:category`. */
  limiter: string;
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | FormData | URLSearchParams;
  signal?: AbortSignal;
  /** Per attempt. */
  timeoutMs?: number;
  /** Bodies larger than this fail with `invalid_response`. */
  maxBytes?: number;
  /**
   * Called as a successful response's body arrives: bytes so far, and the total when the server said it.
   * A request with a listener is not shared with identical callers (each caller gets its own progress).
   */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
  /** Only idempotent requests are retried and shared between identical callers. Default: true for GET. */
  idempotent?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

/**
 * What the API clients need from the HTTP layer. Errors are always `NekodeskError`s with a code:
 * 400 → invalid_input (carrying the upstream message), 401/403 → unauthorized, 402 → quota_exceeded,
 * 404 → not_found, 429 → rate_limited (with retryAfter), 5xx → upstream_error, network → offline,
 * timeout → timeout, bad JSON / schema mismatch / wrong content type / truncated / too large → invalid_response.
 */
export interface HttpTransport {
  json<S extends z.ZodType>(
    url: string,
    schema: S,
    options: RequestOptions,
  ): Promise<HttpResponse<z.output<S>>>;
  bytes(url: string, options: RequestOptions): Promise<HttpResponse<Uint8Array>>;
}
