/**
 * Whether this page can still talk to its host. Browser mode only: after `npm run web` restarts, the tab's
 * per-launch token is refused (401) and it stays refused — the page cannot learn the new token — so
 * `expired` is final until the user opens the new link. `unreachable` (the server is down) clears itself
 * on the next answer.
 */
export type ConnectionStatus = 'ok' | 'unreachable' | 'expired';

let status: ConnectionStatus = 'ok';
const listeners = new Set<() => void>();

function set(next: ConnectionStatus): void {
  if (status === next || status === 'expired') return;
  status = next;
  for (const listener of [...listeners]) listener();
}

export const connection = {
  status: (): ConnectionStatus => status,
  /** For React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** The host answered with this HTTP status. */
  answered(httpStatus: number): void {
    // 401: the token is unknown to this server. 429 only ever follows repeated 401s from this address.
    set(httpStatus === 401 || httpStatus === 429 ? 'expired' : 'ok');
  },
  unreachable(): void {
    set('unreachable');
  },
  /** Tests start from a connected page. */
  reset(): void {
    status = 'ok';
    for (const listener of [...listeners]) listener();
  },
};
