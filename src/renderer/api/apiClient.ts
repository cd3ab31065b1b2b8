import { createApiClient, type ApiClient } from '../../shared/api/client';
import { changeChannel, withChangeNotices } from './agreementChanges';
import { takeBrowserToken } from './browserToken';
import { connection } from './connection';
import { createHttpTransport } from './httpTransport';

let client: ApiClient | null = null;

/** Electron has a preload-exposed `window.api`; anything else is browser mode talking HTTP to 127.0.0.1. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.api !== undefined;
}

function createClientForThisHost(): ApiClient {
  const desktop = window.api;
  if (desktop) return createApiClient((name, input) => desktop.invoke(name, input));
  const token = takeBrowserToken(window);
  // Browser mode: the host cannot reach the other tabs, so this tab tells them what it changed; and every
  // answer says whether the token still works (a restarted `npm run web` has a new one).
  const client = createApiClient(createHttpTransport(window.location.origin, token, fetch, connection));
  return withChangeNotices(client, (notices) => changeChannel().announce(notices));
}

/** The one client the renderer uses; created lazily so the token is read before the first call. */
export function api(): ApiClient {
  client ??= createClientForThisHost();
  return client;
}

/** Lets tests (and the bootstrap) choose the client explicitly. */
export function setApiClient(next: ApiClient | null): void {
  client = next;
}
