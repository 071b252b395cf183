/**
 * Which rotation failures the person hears about, as `app:notice` toasts (never a blocking dialog): a
 * change that failed on the timer or from the tray. Failures the rotation recovered from (one source of
 * several, a prefetch) are only logged, and so are those of a change the UI asked for, since the call's
 * answer already says what went wrong. The same failure is told once until a change succeeds.
 */
import type { Notice } from '../../preload/contract';
import type { RotationError, RotationState } from '../core/rotation';
import type { ShellLog } from './logger';

export interface RotationNotices {
  onError(error: RotationError): void;
  onChange(state: RotationState): void;
  /** Runs a change the UI asked for: its failure is answered to the UI, not also sent as a notice. */
  answered<T>(work: () => Promise<T>): Promise<T>;
}

const TOLD_STEPS = new Set<RotationError['step']>(['change', 'previous']);

export function createRotationNotices(send: (notice: Notice) => void, log: ShellLog): RotationNotices {
  let answering = 0;
  let lastTold: string | null = null;
  return {
    onError(error) {
      log.warn(
        `Wallpaper rotation (${error.step}${error.source ? `, ${error.source}` : ''}): ${error.message}`,
      );
      if (!TOLD_STEPS.has(error.step) || answering > 0) return;
      const told = `${error.code}:${error.message}`;
      if (told === lastTold) return;
      lastTold = told;
      send({
        level: error.code === 'offline' || error.code === 'rate_limited' ? 'warning' : 'error',
        message: `The wallpaper could not be changed: ${error.message}`,
      });
    },
    onChange(state) {
      if (state.failures === 0 && !state.busy) lastTold = null;
    },
    async answered(work) {
      answering += 1;
      try {
        return await work();
      } finally {
        answering -= 1;
      }
    },
  };
}
