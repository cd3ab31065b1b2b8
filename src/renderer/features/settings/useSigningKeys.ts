import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { SigningKeysDto } from '../../../shared/api/keysAndSettings';
import { api } from '../../api/apiClient';

export type KeysState = { state: 'loading' } | { state: 'ready'; keys: SigningKeysDto } | { state: 'failed'; error: ApiError };

/** The installation's signing keys as the host lists them; `set` takes a fresher list from an operation's reply. */
export function useSigningKeys() {
  const [loaded, setLoaded] = useState<KeysState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void api()
      .send('signingKeys.list', {})
      .then((result) => {
        if (current) setLoaded(result.ok ? { state: 'ready', keys: result.value } : { state: 'failed', error: result.error });
      });
    return () => {
      current = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((keys: SigningKeysDto) => setLoaded({ state: 'ready', keys }), []);
  return { loaded, reload, set };
}
