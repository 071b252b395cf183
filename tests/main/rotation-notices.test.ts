import { describe, expect, it, vi } from 'vitest';
import type { RotationError, RotationState } from '../../main/core/rotation';
import { createRotationNotices } from '../../main/shell/rotation-notices';
import type { Notice } from '../../preload/contract';

const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };

function failure(overrides: Partial<RotationError> = {}): RotationError {
  return { code: 'offline', message: 'No network.', step: 'change', at: 1, ...overrides };
}

const settled = { failures: 0, busy: false } as RotationState;

describe('rotation notices', () => {
  it('tells a failed change once until a change succeeds, as a toast-level notice', () => {
    const sent: Notice[] = [];
    const notices = createRotationNotices((notice) => sent.push(notice), log);
    notices.onError(failure());
    notices.onError(failure());
    expect(sent).toEqual([{ level: 'warning', message: 'The wallpaper could not be changed: No network.' }]);
    notices.onChange(settled);
    notices.onError(failure({ code: 'upstream_error', message: 'Nekosia is down.' }));
    expect(sent.at(-1)).toEqual({
      level: 'error',
      message: 'The wallpaper could not be changed: Nekosia is down.',
    });
  });

  it('only logs recovered failures and those of changes the UI asked for', async () => {
    const sent: Notice[] = [];
    const notices = createRotationNotices((notice) => sent.push(notice), log);
    notices.onError(failure({ step: 'prefetch' }));
    notices.onError(failure({ step: 'source', source: 'nekosia:catgirl' }));
    await notices.answered(() => {
      notices.onError(failure());
      return Promise.resolve();
    });
    expect(sent).toEqual([]);
    expect(log.warn).toHaveBeenCalled();
  });
});
