import { useEffect, useState } from 'react';
import type { AgreementRecord } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { api } from '../../api/apiClient';

export type RecordState = { status: 'loading' } | { status: 'ready'; record: AgreementRecord } | { status: 'failed'; error: ApiError };

/** Loads one agreement; a reply arriving after the screen changed agreement is ignored. */
export function useAgreementRecord(id: string): { state: RecordState; reload(): void } {
  const [state, setState] = useState<RecordState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void api()
      .send('agreements.get', { id })
      .then((result) => {
        if (!current) return;
        setState(result.ok ? { status: 'ready', record: result.value } : { status: 'failed', error: result.error });
      });
    return () => {
      current = false;
    };
  }, [id, attempt]);

  return { state, reload: () => setAttempt((n) => n + 1) };
}
