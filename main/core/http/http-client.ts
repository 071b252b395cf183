import type { z } from 'zod';
import { USER_AGENT } from '../app-info';
import type { Clock } from '../clock';
import { NekodeskError } from '../errors';
import { throwIfAborted } from './abort';
import { toRetryAfterSeconds } from './human-text';
import { InFlightRequests } from './in-flight';
import { parseJsonBody } from './parse-json';
import { parseRateLimitHeaders, type RateLimitHints } from './rate-limit-headers';
import { SlidingWindowLimiter, type RateLimitRules } from './rate-limiter';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy } from './retry-policy';
import { sendOnce, type Attempt, type RawResponse } from './send-once';
import { errorForStatus, upstreamMessage } from './status-errors';
import type { FetchLike, HttpResponse, HttpTransport, RequestOptions } from './types';
import { serviceNameFor, UPSTREAM_SERVICE_NAMES } from './upstream-limits';

export interface HttpClientOptions {
  fetch: FetchLike;
  clock: Clock;
  /** Rules per limiter name; production passes `UPSTREAM_RATE_LIMITS`. A name missing here is a bug: it throws. */
  limits: Readonly<Record<string, RateLimitRules>>;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
  /** Default `USER_AGENT` (app, version, URL), as nekos.best asks. */
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Default 16 MiB. */
  maxBytes?: number;
  /** Human service names by limiter prefix; default `UPSTREAM_SERVICE_NAMES`, else the URL's host. */
  serviceNames?: Readonly<Record<string, string>>;
  /** Share identical in-flight GETs (default true; the benchmark turns it off for its baseline). */
  shareInFlight?: boolean;
  /** A caller whose turn in our own limiter is further away than this fails with `rate_limited`. Default 10 min. */
  maxQueueWaitMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_QUEUE_WAIT_MS = 10 * 60_000;

interface Prepared {
  attempt: Attempt;
  limiter: SlidingWindowLimiter;
  idempotent: boolean;
  shareKey: string | undefined;
}

/** The one HTTP layer every API client uses: limits, retries, timeouts, size caps, sharing, error mapping. */
export class HttpClient implements HttpTransport {
  readonly #fetch: FetchLike;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #userAgent: string;
  readonly #limits: Readonly<Record<string, RateLimitRules>>;
  readonly #retry: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #serviceNames: Readonly<Record<string, string>>;
  readonly #share: boolean;
  readonly #maxQueueWaitMs: number;
  readonly #limiters = new Map<string, SlidingWindowLimiter>();
  readonly #inFlight = new InFlightRequests<RawResponse>();

  constructor(options: HttpClientOptions) {
    this.#fetch = options.fetch;
    this.#clock = options.clock;
    this.#random = options.random ?? Math.random;
    this.#userAgent = options.userAgent ?? USER_AGENT;
    this.#limits = options.limits;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#serviceNames = options.serviceNames ?? UPSTREAM_SERVICE_NAMES;
    this.#share = options.shareInFlight ?? true;
    this.#maxQueueWaitMs = options.maxQueueWaitMs ?? DEFAULT_MAX_QUEUE_WAIT_MS;
  }

  /** Identical requests running right now (shared between their callers). */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  async json<S extends z.ZodType>(
    url: string,
    schema: S,
    options: RequestOptions,
  ): Promise<HttpResponse<z.output<S>>> {
    const prepared = this.#prepare(url, options, 'application/json');
    const raw = await this.#run(prepared, options.signal);
    const data = parseJsonBody(raw.body, raw.headers.get('content-type'), schema, prepared.attempt.service);
    return { status: raw.status, headers: raw.headers, data };
  }

  /** The raw body and headers (image/GIF assets). Shared callers get the same bytes: treat them as read-only. */
  async bytes(url: string, options: RequestOptions): Promise<HttpResponse<Uint8Array>> {
    const raw = await this.#run(this.#prepare(url, options, '*/*'), options.signal);
    return { status: raw.status, headers: raw.headers, data: raw.body };
  }

  #prepare(url: string, options: RequestOptions, accept: string): Prepared {
    const method = options.method ?? 'GET';
    const idempotent = options.idempotent ?? method === 'GET';
    const headers = new Headers(options.headers);
    if (!headers.has('accept')) headers.set('accept', accept);
    headers.set('user-agent', this.#userAgent);
    const attempt: Attempt = {
      url,
      method,
      headers,
      body: options.body,
      timeoutMs: positive(options.timeoutMs, this.#timeoutMs, 'timeoutMs'),
      maxBytes: positive(options.maxBytes, this.#maxBytes, 'maxBytes'),
      service: serviceNameFor(options.limiter, url, this.#serviceNames),
      onProgress: options.onProgress,
    };
    const shareable =
      this.#share && idempotent && options.body === undefined && options.onProgress === undefined;
    return {
      attempt,
      limiter: this.#limiter(options.limiter, attempt.service),
      idempotent,
      shareKey: shareable ? shareKey(options.limiter, attempt) : undefined,
    };
  }

  #limiter(name: string, service: string): SlidingWindowLimiter {
    const existing = this.#limiters.get(name);
    if (existing) return existing;
    const rules = Object.hasOwn(this.#limits, name) ? this.#limits[name] : undefined;
    if (rules === undefined) {
      throw new NekodeskError(
        'internal',
        `No rate limit is configured for "${name}"; add it to the HttpClient.`,
      );
    }
    const limiter = new SlidingWindowLimiter(rules, this.#clock, {
      service,
      maxWindowWaitMs: this.#maxQueueWaitMs,
      maxPauseWaitMs: this.#retry.maxRetryAfterMs,
    });
    this.#limiters.set(name, limiter);
    return limiter;
  }

  #run(prepared: Prepared, signal: AbortSignal | undefined): Promise<RawResponse> {
    const { shareKey } = prepared;
    if (shareKey === undefined) return this.#execute(prepared, signal);
    return this.#inFlight.run(shareKey, (shared) => this.#execute(prepared, shared), signal);
  }

  /** Attempts until success, a final error, or the caller's abort. */
  async #execute(prepared: Prepared, signal: AbortSignal | undefined): Promise<RawResponse> {
    const { attempt, limiter, idempotent } = prepared;
    for (let number = 1; ; number++) {
      throwIfAborted(signal);
      await limiter.acquire(signal);
      const outcome = await sendOnce(this.#fetch, attempt, signal);
      const canRetry = idempotent && number < this.#retry.maxAttempts;
      let delayMs: number;
      if (outcome.kind === 'failure') {
        if (!outcome.retryable || !canRetry) throw outcome.error;
        delayMs = backoffDelayMs(number, this.#retry, this.#random);
      } else {
        const { response } = outcome;
        const now = this.#clock.now();
        const hints = parseRateLimitHeaders(response.headers, now);
        const waitMs = serverWaitMs(response.status, hints, now);
        applyHints(limiter, hints, waitMs, now);
        if (response.status >= 200 && response.status < 300) return response;
        const error = errorForStatus(response.status, {
          service: attempt.service,
          upstreamMessage: upstreamMessage(response.body, response.headers.get('content-type')),
          ...(waitMs === undefined ? {} : { retryAfter: toRetryAfterSeconds(waitMs) }),
        });
        if (!isRetryableStatus(response.status) || !canRetry) throw error;
        if (waitMs !== undefined && waitMs > this.#retry.maxRetryAfterMs) throw error;
        delayMs = waitMs ?? backoffDelayMs(number, this.#retry, this.#random);
      }
      await this.#clock.sleep(delayMs, signal);
    }
  }
}

/** How long the server asked us to wait: Retry-After, or for a 429 without it, the window's reset. */
function serverWaitMs(status: number, hints: RateLimitHints, now: number): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  if (hints.retryAfterMs !== undefined) return hints.retryAfterMs;
  if (status === 429 && hints.resetAt !== undefined) return hints.resetAt - now;
  return undefined;
}

/** Remaining 0 pauses the limiter until the reset; a 429/503 with a wait pauses it for that wait. */
function applyHints(
  limiter: SlidingWindowLimiter,
  hints: RateLimitHints,
  waitMs: number | undefined,
  now: number,
): void {
  if (hints.remaining === 0 && hints.resetAt !== undefined) limiter.pauseUntil(hints.resetAt);
  if (waitMs !== undefined) limiter.pauseUntil(now + waitMs);
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0)) throw new NekodeskError('internal', `${name} must be positive, got ${value}.`);
  return value;
}

/** Same limiter, method, URL, limits and headers (Authorization, Cookie, Accept, …) → the same response. */
function shareKey(limiter: string, attempt: Attempt): string {
  const headers = [...attempt.headers.entries()].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([limiter, attempt.method, attempt.url, attempt.timeoutMs, attempt.maxBytes, headers]);
}
