/**
 * Session and web-contents guards: no request leaves the app, no navigation off the app origin,
 * no new windows, no webviews, and every permission refused.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedRequest, isAppUrl } from './trustedUrl';

/** The only permission granted: persistent storage, asked by the app's own page. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'persistent-storage' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

export function guardSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

export function guardWebContents(contents: WebContents): void {
  const blockOffOrigin = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockOffOrigin);
  contents.on('will-redirect', blockOffOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
