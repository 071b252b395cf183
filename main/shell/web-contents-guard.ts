/**
 * Applied to every webContents the app creates (`web-contents-created`): no navigation away from the
 * page, no redirects, no <webview>, no new windows. A link meant for a new window opens in the person's
 * browser, and only if it is http(s).
 */
import type { WebContents } from 'electron';
import { assertWebUrl } from '../handlers';
import type { ShellLog } from './logger';

export interface GuardDeps {
  openLink(url: string): Promise<void>;
  log: ShellLog;
}

export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    deps.log.warn(`Blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    deps.log.warn(`Blocked redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const webUrl = toWebUrl(url);
    if (webUrl === null) {
      deps.log.warn(`Blocked opening ${url}`);
    } else {
      deps.openLink(webUrl).catch((error: unknown) => {
        deps.log.warn('Could not open a link in the browser', error);
      });
    }
    return { action: 'deny' };
  });
}

function toWebUrl(url: string): string | null {
  try {
    return assertWebUrl(url);
  } catch {
    return null;
  }
}
