export type { FetchLike, HttpResponse, HttpTransport, RateLimitRule, RequestOptions } from './types';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_QUEUE_WAIT_MS,
  DEFAULT_TIMEOUT_MS,
  HttpClient,
  type HttpClientOptions,
} from './http-client';
export { defaultSafetyMarginMs, SlidingWindowLimiter, type RateLimitRules } from './rate-limiter';
export { parseRateLimitHeaders, parseRetryAfter, type RateLimitHints } from './rate-limit-headers';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
export {
  NO_RATE_LIMIT,
  serviceNameFor,
  UPSTREAM_RATE_LIMITS,
  UPSTREAM_SERVICE_NAMES,
  type UpstreamLimiterName,
} from './upstream-limits';
