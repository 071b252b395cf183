import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import { SlidingWindowLimiter, type RateLimitRules } from '../../../main/core/http/rate-limiter';
import { FakeClock } from '../../support/fake-clock';

const OPTIONS = { service: 'nekos.best', maxWindowWaitMs: 10 * 60_000, maxPauseWaitMs: 60_000 };

function limiter(rules: RateLimitRules, clock: FakeClock, options = OPTIONS): SlidingWindowLimiter {
  return new SlidingWindowLimiter(rules, clock, options);
}

/** Starts `count` concurrent callers; returns the virtual time each was let through, in the order they were. */
function startCallers(subject: SlidingWindowLimiter, clock: FakeClock, count: number) {
  const grants: { caller: number; at: number }[] = [];
  const done = Promise.all(
    Array.from({ length: count }, (_, caller) =>
      subject.acquire().then(() => {
        grants.push({ caller, at: clock.now() });
      }),
    ),
  );
  return { grants, done };
}

/** The largest number of starts inside any window of `windowMs` (windows closed at both ends). */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while ((times[j] ?? 0) - (times[i] ?? 0) > windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

async function advanceUntil(
  clock: FakeClock,
  done: () => boolean,
  stepMs: number,
  maxMs: number,
): Promise<void> {
  for (let elapsed = 0; !done() && elapsed <= maxMs; elapsed += stepMs) await clock.advance(stepMs);
}

describe('SlidingWindowLimiter', () => {
  it('never lets more than the limit start in any window, with 50 concurrent callers', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 7, windowMs: 5000 }, clock);
    const { grants } = startCallers(subject, clock, 50);
    await advanceUntil(clock, () => grants.length === 50, 37, 120_000);

    const times = grants.map((grant) => grant.at);
    expect(grants).toHaveLength(50);
    expect(busiestWindow(times, 5000)).toBe(7);
    // And it keeps pace: 50 starts need 7 further windows of 5 s (+100 ms margin each).
    const start = times[0] ?? 0;
    expect((times.at(-1) ?? 0) - start).toBeLessThanOrEqual(7 * 5100 + 37);
  });

  it('serves callers first come, first served', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 2, windowMs: 1000 }, clock);
    const { grants } = startCallers(subject, clock, 9);
    await advanceUntil(clock, () => grants.length === 9, 10, 10_000);
    expect(grants.map((grant) => grant.caller)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps at least 95% of the allowed rate for 200 per minute', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 200, windowMs: 60_000 }, clock);
    const { grants } = startCallers(subject, clock, 1000);
    while (grants.length < 1000 && (await clock.advanceToNext()));
    const times = grants.map((grant) => grant.at);
    expect(busiestWindow(times, 60_000)).toBe(200);
    const ideal = 4 * 60_000; // 1000 starts at 200/min: the 801st can start no earlier than 4 minutes in.
    expect(ideal / ((times.at(-1) ?? 0) - (times[0] ?? 0))).toBeGreaterThanOrEqual(0.95);
  });

  it('honours every rule at once (1 per 2 s and 3 per 10 s)', async () => {
    const clock = new FakeClock();
    const subject = limiter(
      [
        { limit: 1, windowMs: 2000, safetyMarginMs: 0 },
        { limit: 3, windowMs: 10_000, safetyMarginMs: 0 },
      ],
      clock,
    );
    const { grants } = startCallers(subject, clock, 5);
    await advanceUntil(clock, () => grants.length === 5, 100, 60_000);
    const start = grants[0]?.at ?? 0;
    expect(grants.map((grant) => grant.at - start)).toEqual([0, 2000, 4000, 10_000, 12_000]);
  });

  it('lets an aborted caller leave at once without using a slot', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 1, windowMs: 1000, safetyMarginMs: 0 }, clock);
    await subject.acquire();
    const controller = new AbortController();
    const leaving = subject.acquire(controller.signal);
    const staying = subject.acquire().then(() => clock.now());
    const start = clock.now();
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    await clock.advance(1000);
    expect(await staying).toBe(start + 1000);
  });

  it('stops sleeping when every waiter has left', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 1, windowMs: 60_000 }, clock);
    await subject.acquire();
    const controller = new AbortController();
    const waiting = subject.acquire(controller.signal);
    await clock.advance(1);
    expect(clock.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    await clock.advance(0);
    expect(clock.pending).toBe(0);
  });

  it('holds everyone while a server pause lasts', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 100, windowMs: 60_000 }, clock);
    subject.pauseUntil(clock.now() + 30_000);
    const start = clock.now();
    const { grants } = startCallers(subject, clock, 3);
    await clock.advance(29_999);
    expect(grants).toEqual([]);
    await clock.advance(1);
    expect(grants.map((grant) => grant.at - start)).toEqual([30_000, 30_000, 30_000]);
  });

  it('fails fast with retryAfter when a server pause is longer than the cap', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 100, windowMs: 60_000 }, clock);
    subject.pauseUntil(clock.now() + 90_000);
    const error = await subject.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NekodeskError);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: 90 });
    expect((error as Error).message).toBe('nekos.best asked us to slow down; try again in 90 s.');
  });

  it('fails fast when our own window would make the caller wait too long', async () => {
    const clock = new FakeClock();
    const subject = limiter({ limit: 2, windowMs: 3_600_000 }, clock, {
      ...OPTIONS,
      service: 'whatanimeisthis.com',
    });
    await subject.acquire();
    await subject.acquire();
    await clock.advance(600_000);
    const error = await subject.acquire().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: 3001 });
    expect((error as Error).message).toBe(
      'whatanimeisthis.com allows 2 requests per hour and they are used up; try again in 51 min.',
    );
  });

  it('has no limit with an empty rule list', async () => {
    const clock = new FakeClock();
    const subject = limiter([], clock);
    await Promise.all(Array.from({ length: 500 }, () => subject.acquire()));
    expect(subject.waiting).toBe(0);
  });
});
