import { z } from 'zod';
import { HttpClient, type HttpClientOptions } from '../../../main/core/http/http-client';
import { NO_RATE_LIMIT } from '../../../main/core/http/upstream-limits';
import { FakeClock } from '../../support/fake-clock';

/** Limiter names as the API clients use them, without client-side limits unless a test sets one. */
export const OPEN_LIMITS = {
  'nekos.best:category': NO_RATE_LIMIT,
  'nekos.best:asset': NO_RATE_LIMIT,
  nekosia: NO_RATE_LIMIT,
  'whatanime:search': NO_RATE_LIMIT,
};

export const itemsSchema = z.object({
  results: z.array(z.object({ url: z.string(), anime_name: z.string() })),
});

export const SAMPLE = {
  results: [{ url: 'https://example.test/neko/1.png', anime_name: 'Sousou no Frieren' }],
};

/**
 * A client over the real (loopback-only) fetch, with a fake clock that skips through backoff and limiter waits
 * at once and a fixed jitter of 0.5. Timeouts are real time, so tests that need one keep it short.
 */
export function makeClient(overrides: Partial<HttpClientOptions> = {}): {
  client: HttpClient;
  clock: FakeClock;
} {
  const clock = new FakeClock({ autoAdvance: true });
  const client = new HttpClient({
    fetch: (input, init) => globalThis.fetch(input, init),
    clock,
    limits: OPEN_LIMITS,
    random: () => 0.5,
    userAgent: 'Nekodesk/0.0.0-test (https://example.test/nekodesk)',
    ...overrides,
  });
  return { client, clock };
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}
