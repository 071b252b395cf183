import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { systemClock } from '../../../main/core/clock';
import { isNekodeskError, type ErrorCode, type NekodeskError } from '../../../main/core/errors';
import {
  HttpClient,
  NO_RATE_LIMIT,
  UPSTREAM_RATE_LIMITS,
  type HttpClientOptions,
} from '../../../main/core/http';
import type { FakeServer } from '../../fakes';

/** Short timeouts and one retry, so fault tests stay fast; whatanime searches unthrottled so tests need not wait. */
export const TEST_HTTP_OPTIONS = {
  timeoutMs: 400,
  retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 200 },
  limits: {
    ...UPSTREAM_RATE_LIMITS,
    'whatanime:search': NO_RATE_LIMIT,
    'whatanime:search:guest': NO_RATE_LIMIT,
  },
} satisfies Partial<HttpClientOptions>;

export function testHttp(): HttpClient {
  return new HttpClient({
    fetch: (input, init) => globalThis.fetch(input, init),
    clock: systemClock,
    ...TEST_HTTP_OPTIONS,
  });
}

/** Every test gets its own NEKODESK_HOME, removed afterwards. Returns the current one. */
export function useNekodeskHome(): () => string {
  let home = '';
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'nekodesk-sources-'));
    vi.stubEnv('NEKODESK_HOME', home);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(home, { recursive: true, force: true });
  });
  return () => home;
}

/** The error a call fails with; fails the test if it succeeds or throws something else. */
export async function failure(work: Promise<unknown>, code: ErrorCode): Promise<NekodeskError> {
  try {
    await work;
  } catch (error) {
    if (!isNekodeskError(error)) throw error;
    expect({ code: error.code, message: error.message }).toMatchObject({ code });
    return error;
  }
  throw new Error(`expected a ${code} error, but the call succeeded`);
}

/** Requests the fake saw to paths matching `pattern`. */
export function requestsTo(server: FakeServer, pattern: RegExp): FakeServer['requests'] {
  return server.requests.filter((request) => pattern.test(request.path));
}
