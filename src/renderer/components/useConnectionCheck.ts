import { useEffect, useSyncExternalStore } from 'react';
import { api, isDesktop } from '../api/apiClient';
import { connection, type ConnectionStatus } from '../api/connection';

/** How often an idle browser-mode tab asks whether its link still works. */
export const CONNECTION_CHECK_MS = 20_000;

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(connection.subscribe, connection.status, connection.status);
}

/**
 * Browser mode: any request answered 401 marks the tab's link as expired at once; this also asks, cheaply,
 * every 20 s and whenever the tab is shown again, so a tab nobody types in notices a restart too. It stops
 * asking once the link is known to be dead (a wrong token is never retried).
 */
export function useConnectionCheck(): void {
  useEffect(() => {
    if (isDesktop()) return;
    const check = () => {
      if (connection.status() !== 'expired' && document.visibilityState === 'visible') void api().send('app.info', {});
    };
    const timer = setInterval(check, CONNECTION_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, []);
}
