import { describe, expect, it } from 'vitest';
import {
  parseCount,
  parseDuration,
  parseRateLimitHeaders,
  parseResetAt,
  parseRetryAfter,
  parseTimestamp,
} from '../../../main/core/http/rate-limit-headers';

const NOW = Date.UTC(2026, 4, 8, 9, 8, 6);

describe('nekos.best headers', () => {
  it('reads the window, remaining count and a 7-digit ISO reset', () => {
    const headers = new Headers({
      'x-rate-limit-limit': '1m',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': '2026-05-08T09:09:00.0000000Z',
    });
    expect(parseRateLimitHeaders(headers, NOW)).toEqual({
      windowMs: 60_000,
      remaining: 0,
      resetAt: Date.UTC(2026, 4, 8, 9, 9, 0),
    });
  });

  it('keeps sub-millisecond fractions without rounding them into the next second', () => {
    expect(parseTimestamp('2026-05-08T09:09:00.9999999Z')).toBe(Date.UTC(2026, 4, 8, 9, 9, 0, 999));
    expect(parseTimestamp('2026-05-08T11:09:00.5+02:00')).toBe(Date.UTC(2026, 4, 8, 9, 9, 0, 500));
  });

  it('does not read the "1m" window as a request count', () => {
    const hints = parseRateLimitHeaders(new Headers({ 'x-rate-limit-limit': '1m' }), NOW);
    expect(hints.limit).toBeUndefined();
    expect(hints.windowMs).toBe(60_000);
  });
});

describe('trace.moe-style headers', () => {
  it('reads ratelimit-reset as seconds from now and the policy window', () => {
    const headers = new Headers({
      'ratelimit-limit': '100',
      'ratelimit-remaining': '90',
      'ratelimit-reset': '29',
      'ratelimit-policy': '100;w=60',
    });
    expect(parseRateLimitHeaders(headers, NOW)).toEqual({
      limit: 100,
      remaining: 90,
      resetAt: NOW + 29_000,
      windowMs: 60_000,
    });
  });

  it('reads x-ratelimit-reset as unix seconds', () => {
    const headers = new Headers({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 40),
    });
    expect(parseRateLimitHeaders(headers, NOW)).toMatchObject({ remaining: 0, resetAt: NOW + 40_000 });
  });
});

describe('Retry-After', () => {
  it('accepts delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('12', NOW)).toBe(12_000);
    expect(parseRetryAfter(' 1.5 ', NOW)).toBe(1500);
    expect(parseRetryAfter('Fri, 08 May 2026 09:08:36 GMT', NOW)).toBe(30_000);
  });

  it('treats a date already past as "now"', () => {
    expect(parseRetryAfter('Fri, 08 May 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each([
    '',
    'soon',
    '-5',
    '12abc',
    'NaN',
    'Infinity',
    '1e3',
    '99999999999',
    'Fri, 99 Foo 2026 99:99:99 GMT',
  ])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('garbage never crashes and is ignored', () => {
  it.each([
    ['x-rate-limit-remaining', '-1'],
    ['x-rate-limit-remaining', 'lots'],
    ['x-rate-limit-remaining', '1.5'],
    ['x-rate-limit-reset', 'tomorrow'],
    ['x-rate-limit-reset', '2026-13-45T99:99:99.0000000Z'],
    ['x-rate-limit-limit', '1 fortnight'],
    ['ratelimit-reset', '-30'],
    ['ratelimit-policy', 'w=banana'],
    ['retry-after', '\u00bd'],
    ['retry-after', 'Mon, 32 Jan 2026 25:00:00 GMT'],
  ])('%s: %j', (name, value) => {
    const hints = parseRateLimitHeaders(new Headers({ [name]: value }), NOW);
    expect(Object.values(hints).filter((hint) => hint !== undefined)).toEqual([]);
  });

  it('ignores resets in the past or more than a day away', () => {
    expect(parseResetAt('2026-05-08T09:00:00.0000000Z', NOW)).toBeUndefined();
    expect(parseResetAt('2026-05-10T09:00:00Z', NOW)).toBeUndefined();
    expect(parseResetAt(String(NOW / 1000 - 10), NOW)).toBeUndefined();
  });

  it('reads durations and counts strictly', () => {
    expect(parseDuration('5s')).toBe(5000);
    expect(parseDuration('0m')).toBeUndefined();
    expect(parseCount('007')).toBe(7);
    expect(parseCount('7 requests')).toBeUndefined();
  });
});
