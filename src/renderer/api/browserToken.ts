export const TOKEN_STORAGE_KEY = 'sla-workshop.token';

interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Browser mode receives its per-launch token once, in the URL query. It is kept in sessionStorage so a
 * reload still works, and removed from the address bar so it is not shared by copy-paste or screenshots.
 */
export function takeBrowserToken(env: TokenEnvironment): string {
  const url = new URL(env.location.href);
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) {
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromQuery);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromQuery;
  }
  try {
    return env.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
