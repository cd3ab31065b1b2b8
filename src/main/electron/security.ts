import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './appProtocol';
import { externalUrlToOpen, isNavigationAllowed, isNetworkRequestAllowed, isOwnOrigin } from './origins';

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
 * The only permission a page may get: the Fullscreen API, which presentation mode uses for the projector.
 * It grants nothing beyond the window going fullscreen (Esc leaves it), and only our own pages get it.
 */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/**
 * The session: every other permission (camera, notifications, clipboard-read, geolocation, USB, ...)
 * refused both when asked and when checked, and no network traffic except to the dev server in
 * development. `contentOrigins` are the app's own pages (app://sla, or the dev server in development).
 */
export function hardenSession(
  session: Session,
  allowedNetworkOrigins: readonly string[],
  contentOrigins: readonly string[] = [APP_ORIGIN, ...allowedNetworkOrigins],
): void {
  const grant = (permission: string, url: string | undefined) => GRANTABLE_PERMISSIONS.has(permission) && url !== undefined && isOwnOrigin(url, contentOrigins);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(grant(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => grant(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    callback({ cancel: !isNetworkRequestAllowed(details.url, allowedNetworkOrigins) });
  });
}

/**
 * `hardenSession` once per session, for every session the app ever uses: the default one at start-up,
 * and any other (a future window with its own `partition`, found through `app` 'session-created' and
 * 'web-contents-created'), so no page can run in a session without the permission and network guards.
 */
export function createSessionHardener(
  allowedNetworkOrigins: readonly string[],
  contentOrigins?: readonly string[],
): (session: Session | null | undefined) => void {
  const hardened = new WeakSet<Session>();
  return (session) => {
    if (!session || hardened.has(session)) return;
    hardened.add(session);
    hardenSession(session, allowedNetworkOrigins, contentOrigins);
  };
}
