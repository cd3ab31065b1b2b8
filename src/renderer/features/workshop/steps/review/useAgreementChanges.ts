import { useEffect, useState } from 'react';
import type { AgreementChange } from '../../../../../shared/api/contract';
import type { ApiError } from '../../../../../shared/api/errors';
import { api } from '../../../../api/apiClient';

export interface ChangesState {
  status: 'loading' | 'ready' | 'failed';
  base: { id: string; version: number; fingerprint: string | null } | null;
  changes: AgreementChange[];
  error: ApiError | null;
}

/**
 * What this amendment changes since the signed version, as the host compares them (from the stored
 * revision). It is asked again whenever a new revision is saved, so the list follows the autosave.
 */
export function useAgreementChanges(id: string, revision: number): ChangesState & { reload(): void } {
  const [state, setState] = useState<ChangesState>({ status: 'loading', base: null, changes: [], error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void api()
      .send('agreements.changes', { id })
      .then((result) => {
        if (!current) return;
        if (result.ok) setState({ status: 'ready', base: result.value.base, changes: result.value.changes, error: null });
        else setState((s) => ({ ...s, status: 'failed', error: result.error }));
      });
    return () => {
      current = false;
    };
  }, [id, revision, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
