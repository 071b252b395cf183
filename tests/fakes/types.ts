// The public shapes every fake upstream server shares (re-exported by index.ts).
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/api/v2/neko`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Fault =
  | { kind: 'slow'; ms: number }
  | { kind: 'reset' }
  | { kind: 'truncated' }
  | { kind: 'invalid-json' }
  | { kind: 'wrong-content-type' }
  | { kind: 'server-error'; status?: number }
  | { kind: 'rate-limited'; retryAfterSeconds?: number };

export interface FaultRule {
  fault: Fault;
  /** How many matching requests the fault applies to; forever when absent. */
  times?: number;
  /** Tested against the request path (no query); every path when absent. */
  path?: RegExp;
}

export interface FakeServer {
  origin: string;
  baseUrl: string;
  requests: RecordedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Delay added before every answer. */
  latencyMs?: number;
  /** Injectable clock for rate-limit windows, daily quotas and timestamps; default Date.now. */
  now?: () => number;
  /** Default true. When false no rate limit answers 429 (faults still can). */
  enforceRateLimits?: boolean;
}
