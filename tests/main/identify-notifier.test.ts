/**
 * What the identification notification says, and how a run from the tray or the hotkey behaves: one at a
 * time, its notification kept until clicked, the main window opened with the result on the click.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NekodeskError } from '../../main/core/errors';
import { createIdentifyNotifier, identifyNotificationText } from '../../main/shell/identify-notifier';
import type { IdentifyCandidate, IdentifyResult } from '../../preload/contract';
import { FakeNotification, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const quiet = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };

function candidate(overrides: Partial<IdentifyCandidate> = {}): IdentifyCandidate {
  return {
    title: 'Sousou no Frieren',
    titleNative: null,
    titleEnglish: null,
    anilistId: 154587,
    episode: 3,
    from: 750,
    at: 754.4,
    to: 758,
    similarity: 0.9621,
    likely: true,
    isAdult: false,
    imageUrl: null,
    videoUrl: null,
    link: null,
    ...overrides,
  };
}

function result(candidates: IdentifyCandidate[]): IdentifyResult {
  return {
    id: 'r1',
    at: 0,
    source: 'clipboard',
    label: 'Clipboard image',
    candidates,
    quota: null,
    upload: null,
    imageUrl: null,
  };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('the notification text', () => {
  it('names the top candidate with its episode, moment and similarity, and how many more there are', () => {
    expect(
      identifyNotificationText({ result: result([candidate(), candidate({ title: 'Other' })]) }),
    ).toEqual({
      title: 'Sousou no Frieren',
      body: 'Episode 3 · 12:34 · 96.2% similar. Click to see all 2 candidates.',
    });
  });

  it('shows a named episode as it is, leaves out a film’s, and marks an unlikely match', () => {
    expect(identifyNotificationText({ result: result([candidate({ episode: 'OVA' })]) }).body).toBe(
      'OVA · 12:34 · 96.2% similar.',
    );
    expect(
      identifyNotificationText({
        result: result([candidate({ episode: null, at: 3725, similarity: 0.8, likely: false })]),
      }).body,
    ).toBe('1:02:05 · 80.0% similar (unlikely).');
  });

  it('says when nothing matched, and what went wrong', () => {
    expect(identifyNotificationText({ result: result([]) }).title).toBe('No match');
    expect(
      identifyNotificationText({ error: new NekodeskError('quota_exceeded', 'No searches left today.') }),
    ).toEqual({ title: 'Identification failed', body: 'No searches left today.' });
  });
});

describe('an identification from the tray or the hotkey', () => {
  it('runs one at a time, and opens the result when its notification is clicked', async () => {
    let finish: (value: IdentifyResult) => void = () => undefined;
    const identifyClipboard = vi.fn(
      () =>
        new Promise<IdentifyResult>((resolve) => {
          finish = resolve;
        }),
    );
    const showResult = vi.fn<(result: IdentifyResult | null) => void>();
    const notifier = createIdentifyNotifier({
      identifyClipboard,
      Notification: FakeNotification,
      icon: '/icon.png',
      showResult,
      log: quiet,
    });
    const first = notifier.identifyClipboard();
    await notifier.identifyClipboard();
    expect(identifyClipboard).toHaveBeenCalledOnce();
    finish(result([candidate()]));
    await first;

    const [notification] = FakeNotification.shown;
    expect(notification?.options).toMatchObject({ title: 'Sousou no Frieren', icon: '/icon.png' });
    expect(showResult).not.toHaveBeenCalled();
    notification?.click();
    expect(showResult).toHaveBeenCalledWith(result([candidate()]));

    // Done: the next press runs again.
    const again = notifier.identifyClipboard();
    finish(result([]));
    await again;
    expect(FakeNotification.shown.map((shown) => shown.options.title)).toEqual([
      'Sousou no Frieren',
      'No match',
    ]);
  });
});
