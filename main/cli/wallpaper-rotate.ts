import type { Rotation, RotationState, ShownWallpaper } from '../core/rotation';
import { shownKey } from './wallpaper-open';

/**
 * Turns the rotation's state changes into one call per wallpaper change (the rotation emits on every step:
 * busy, prefetched, …). `initial` is what was on screen before the rotation started: not a change.
 */
export function changeListener(
  initial: readonly ShownWallpaper[],
  onShown: (shown: ShownWallpaper[]) => void,
): (state: RotationState) => void {
  let last = shownKey(initial);
  return (state) => {
    if (state.current.length === 0) return;
    const key = shownKey(state.current);
    if (key === last) return;
    last = key;
    onShown(state.current);
  };
}

/**
 * Runs the rotation until `signal` aborts: starts it (changing now when `changeOnStart` says so), waits,
 * then stops it and waits for the work under way to end.
 */
export async function rotateUntil(
  rotation: Pick<Rotation, 'start' | 'stop' | 'whenIdle'>,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  const aborted = new Promise<void>((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });
  const started = rotation.start();
  await Promise.race([started, aborted]);
  await aborted;
  await rotation.stop();
  await started;
  await rotation.whenIdle();
}
