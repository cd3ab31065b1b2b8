import type { Session, WebContents } from 'electron';
import { externalUrlToOpen, isNavigationAllowed, isNetworkRequestAllowed } from './origins';

/** Requests the web page could make to the network; everything else (app:, devtools:, data:) is not filtered. */
const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Applied to every webContents the app ever creates (app 'web-contents-created'), so a future window,
 * frame host or devtools view cannot skip it: no new windows (http(s) links go to the OS browser), no
 * navigation away from our origin, no <webview>.
 */
export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[], openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isNavigationAllowed(event.url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The session: every permission (camera, notifications, clipboard-read, geolocation, USB, ...) refused
 * both when asked and when checked, and no network traffic except to the dev server in development.
 */
export function hardenSession(session: Session, allowedNetworkOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    callback({ cancel: !isNetworkRequestAllowed(details.url, allowedNetworkOrigins) });
  });
}
