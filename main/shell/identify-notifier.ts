/**
 * Identification started from the tray or the global hotkey, when no window of ours is in front: the
 * clipboard's image is identified in the background and a system notification tells the top result (or
 * that nothing matched, or what went wrong). Clicking it opens the main window on the full list. Where the
 * system has no notifications, the main window opens with the result straight away.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { IdentifyCandidate, IdentifyResult } from '../../preload/contract';
import { formatPercent, formatTimestamp } from '../cli/output';
import { toErrorPayload } from '../core/errors';
import type { ShellLog } from './logger';

/** Electron's `Notification`, as far as this module uses it. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface IdentifyNotifierDeps {
  /** `identify:clipboard`'s logic: the clipboard's image, identified (throws when there is none). */
  identifyClipboard(): Promise<IdentifyResult>;
  Notification: NotificationClass;
  /** The app's icon, shown in the notification where the system supports one. */
  icon?: string;
  /** Opens the main window on the Identify view with `result` (null: a failure, the window only). */
  showResult(result: IdentifyResult | null): void;
  log: ShellLog;
}

export interface IdentifyNotifier {
  /** Identifies the clipboard's image and notifies; a run while another is under way is ignored. */
  identifyClipboard(): Promise<void>;
}

/** Notifications still on screen keep a reference here, or Electron may collect them and drop the click. */
const KEPT_NOTIFICATIONS = 10;

/** What the notification says about an identification's outcome. */
export function identifyNotificationText(outcome: { result: IdentifyResult } | { error: unknown }): {
  title: string;
  body: string;
} {
  if ('error' in outcome) {
    return { title: 'Identification failed', body: toErrorPayload(outcome.error).message };
  }
  const [top] = outcome.result.candidates;
  if (top === undefined) {
    return { title: 'No match', body: 'No anime matched this image. Click to see the details.' };
  }
  const more = outcome.result.candidates.length - 1;
  const others = more > 0 ? ` Click to see all ${String(more + 1)} candidates.` : '';
  return { title: top.title, body: `${candidateLine(top)}.${others}` };
}

/** "Episode 3 · 12:34 · 94.1% similar", with "(unlikely)" under the likely line. */
function candidateLine(candidate: IdentifyCandidate): string {
  const episode =
    candidate.episode === null
      ? []
      : [typeof candidate.episode === 'number' ? `Episode ${String(candidate.episode)}` : candidate.episode];
  const similar = `${formatPercent(candidate.similarity)} similar${candidate.likely ? '' : ' (unlikely)'}`;
  return [...episode, formatTimestamp(candidate.at), similar].join(' · ');
}

export function createIdentifyNotifier(deps: IdentifyNotifierDeps): IdentifyNotifier {
  const kept: NotificationLike[] = [];
  let running = false;

  const notify = (outcome: { result: IdentifyResult } | { error: unknown }): void => {
    const result = 'result' in outcome ? outcome.result : null;
    if (!deps.Notification.isSupported()) {
      deps.showResult(result);
      return;
    }
    const notification = new deps.Notification({
      ...identifyNotificationText(outcome),
      ...(deps.icon === undefined ? {} : { icon: deps.icon }),
    });
    const forget = (): void => {
      const index = kept.indexOf(notification);
      if (index >= 0) kept.splice(index, 1);
    };
    notification.on('click', () => {
      forget();
      deps.showResult(result);
    });
    notification.on('close', forget);
    kept.push(notification);
    if (kept.length > KEPT_NOTIFICATIONS) kept.shift();
    notification.show();
  };

  return {
    async identifyClipboard() {
      if (running) {
        deps.log.info('An identification is already under way: ignored another request.');
        return;
      }
      running = true;
      try {
        notify({ result: await deps.identifyClipboard() });
      } catch (error) {
        deps.log.warn('Identifying the clipboard image failed', error);
        notify({ error });
      } finally {
        running = false;
      }
    },
  };
}
