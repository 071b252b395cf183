import { afterEach, describe, expect, it } from 'vitest';
import type { Rotation } from '../../../main/core/rotation';
import { flushAsync } from '../../support/fake-clock';
import { FakeWorld, MINUTE, type FakeComposed } from './fake-ports';

describe('Rotation timing', () => {
  let rotation: Rotation<FakeComposed> | null = null;
  afterEach(async () => {
    await rotation?.stop();
    rotation = null;
  });

  async function started(world: FakeWorld): Promise<Rotation<FakeComposed>> {
    rotation = world.rotation();
    await rotation.start();
    await rotation.whenIdle();
    return rotation;
  }

  async function advance(world: FakeWorld, ms: number): Promise<void> {
    await world.clock.advance(ms);
    await rotation?.whenIdle();
  }

  it('changes on start, then once per interval', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    const r = await started(world);
    expect(world.applied).toHaveLength(1);
    const start = world.clock.now();
    expect(r.state()).toMatchObject({ status: 'running', nextDueAt: start + 30 * MINUTE });

    await advance(world, 29 * MINUTE);
    expect(world.applied).toHaveLength(1);
    await advance(world, MINUTE);
    expect(world.applied).toHaveLength(2);
    await advance(world, 60 * MINUTE);
    expect(world.applied).toHaveLength(4);
    expect(r.state().nextDueAt).toBe(start + 120 * MINUTE);
  });

  it('honours the interval bounds: every minute at 1, once a day at 1440', async () => {
    const fast = new FakeWorld({ intervalMinutes: 1 });
    await started(fast);
    await advance(fast, 10 * MINUTE);
    expect(fast.applied).toHaveLength(11);
    await rotation?.stop();

    const slow = new FakeWorld({ intervalMinutes: 24 * 60 });
    await started(slow);
    await advance(slow, 24 * 60 * MINUTE - MINUTE);
    expect(slow.applied).toHaveLength(1);
    await advance(slow, MINUTE);
    expect(slow.applied).toHaveLength(2);
  });

  it('waits a full interval before the first change without changeOnStart, and knows what is shown', async () => {
    const world = new FakeWorld({ changeOnStart: false, intervalMinutes: 10 });
    const earlier = world.rotation();
    await earlier.next();
    const shown = earlier.current();

    const r = await started(world);
    expect(world.applied).toHaveLength(1);
    expect(r.current()).toEqual(shown);
    await advance(world, 10 * MINUTE);
    expect(world.applied).toHaveLength(2);
  });

  it('pauses and resumes; a paused setting starts paused', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    const r = await started(world);
    r.pause();
    expect(r.state()).toMatchObject({ status: 'paused', nextDueAt: null });
    await advance(world, 5 * 60 * MINUTE);
    expect(world.applied).toHaveLength(1);

    // next() still works while paused, instantly from the prefetch.
    expect((await r.next()).ok).toBe(true);
    expect(world.applied).toHaveLength(2);

    r.resume();
    expect(r.state()).toMatchObject({ status: 'running', nextDueAt: world.clock.now() + 30 * MINUTE });
    await advance(world, 30 * MINUTE);
    expect(world.applied).toHaveLength(3);
    await r.stop();

    const paused = new FakeWorld({ paused: true });
    const p = await started(paused);
    expect(p.state().status).toBe('paused');
    await advance(paused, 3 * 60 * MINUTE);
    expect(paused.applied).toHaveLength(0);
  });

  it('follows settings changes: pause, a shorter interval', async () => {
    const world = new FakeWorld({ intervalMinutes: 60 });
    const r = await started(world);
    world.settings = { ...world.settings, intervalMinutes: 5 };
    r.settingsChanged();
    expect(r.state().nextDueAt).toBe(world.clock.now() + 5 * MINUTE);
    await advance(world, 5 * MINUTE);
    expect(world.applied).toHaveLength(2);
    world.settings = { ...world.settings, paused: true };
    r.settingsChanged();
    expect(r.state().status).toBe('paused');
  });

  it('after a jump forward (sleep, clock change) changes once, not once per missed interval', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    const r = await started(world);
    world.clock.jump(10 * 60 * MINUTE);
    await advance(world, MINUTE); // the next look at the clock
    expect(world.applied).toHaveLength(2);
    await advance(world, 5 * MINUTE);
    expect(world.applied).toHaveLength(2);
    expect(r.state().nextDueAt).toBe(world.clock.now() - 5 * MINUTE + 30 * MINUTE);
  });

  it('after a jump backward waits no longer than the interval', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    const r = await started(world);
    await advance(world, 10 * MINUTE);
    world.clock.jump(-6 * 60 * MINUTE);
    await advance(world, MINUTE);
    const due = r.state().nextDueAt ?? Infinity;
    expect(due - world.clock.now()).toBeLessThanOrEqual(30 * MINUTE);
    await advance(world, 30 * MINUTE);
    expect(world.applied).toHaveLength(2);
  });

  it('handleResume looks at the clock at once (timers may not have run during sleep)', async () => {
    const world = new FakeWorld({ intervalMinutes: 30 });
    const r = await started(world);
    world.clock.jump(2 * 60 * MINUTE); // the machine slept; no timer fired
    r.handleResume();
    await flushAsync();
    await r.whenIdle();
    expect(world.applied).toHaveLength(2);
    r.handleResume(); // nothing due: no change
    await flushAsync();
    await r.whenIdle();
    expect(world.applied).toHaveLength(2);
  });

  it('stops: no more changes, no timers left', async () => {
    const world = new FakeWorld({ intervalMinutes: 1 });
    const r = await started(world);
    await r.stop();
    expect(r.state()).toMatchObject({ status: 'stopped', nextDueAt: null, prefetched: 0 });
    await world.clock.advance(10 * MINUTE);
    expect(world.applied).toHaveLength(1);
    expect(world.clock.fake.pending).toBe(0);
  });
});
