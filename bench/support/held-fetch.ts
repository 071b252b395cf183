import type { FetchLike } from '../../main/core/http/types';
import type { FakeClock } from '../../tests/support/fake-clock';

/**
 * The real fetch, as the "network" of a virtual-time benchmark: while a request is in flight (body included)
 * the fake clock cannot move, so the server sees it arrive at the virtual time the client started it — the
 * latency-free network our 1 s safety margin is meant to absorb. At most `maxConcurrent` sockets are open at
 * once so a burst does not overflow the loopback listen backlog.
 */
export function heldFetch(clock: FakeClock, maxConcurrent = 64): FetchLike {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (input, init) => {
    const release = clock.hold();
    try {
      if (active >= maxConcurrent) await new Promise<void>((resolve) => queue.push(resolve));
      active += 1;
      try {
        const response = await fetch(input, init);
        const body = await response.arrayBuffer();
        return new Response(body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } finally {
        active -= 1;
        queue.shift()?.();
      }
    } finally {
      release();
    }
  };
}
