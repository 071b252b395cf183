/**
 * Session-wide rules: every permission (camera, notifications, clipboard-read, geolocation, …) is denied,
 * both when a page asks and when it checks; every page response carries our Content-Security-Policy.
 */
import type { Session } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';
import type { ShellLog } from './logger';

export function guardSession(session: Session, log: ShellLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied a "${permission}" permission request`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const isPage = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(isPage ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders) } : {});
  });
}
