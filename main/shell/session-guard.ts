/**
 * Session-wide rules: every permission (camera, notifications, clipboard-read, geolocation, …) is denied,
 * both when a page asks and when it checks, with one exception: our own pages may WRITE text to the clipboard
 * (`clipboard-sanitized-write`, what `navigator.clipboard.writeText` needs, e.g. "Copy title"). Chromium
 * grants it only on a user gesture, and it can neither read the clipboard nor write anything but sanitized
 * data. Every page response carries our Content-Security-Policy.
 */
import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';
import type { ShellLog } from './logger';

/** The one permission our pages get. */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export function guardSession(
  session: Session,
  log: ShellLog,
  /** True for the URL of one of our own pages (renderer-pages.ts). */
  isOurPage: (url: string) => boolean,
): void {
  const allowed = (contents: WebContents | null, permission: string): boolean =>
    permission === ALLOWED_PERMISSION &&
    contents !== null &&
    !contents.isDestroyed() &&
    isOurPage(contents.getURL());

  session.setPermissionRequestHandler((contents, permission, callback) => {
    if (allowed(contents, permission)) {
      callback(true);
      return;
    }
    log.warn(`Denied a "${permission}" permission request`);
    callback(false);
  });
  session.setPermissionCheckHandler((contents, permission) => allowed(contents, permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    const isPage = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(isPage ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders) } : {});
  });
}
