import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors';
import { sortMonths, type MonthlyActuals } from '../../../../shared/model/actuals';
import { api } from '../../../api/apiClient';

export type LineageActuals = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; months: MonthlyActuals[] };

/**
 * The monthly results of the agreement's lineage, read once when a workshop step that uses them opens: the
 * workshop only reads them (the results screen writes them), so a later change shows on the next visit.
 */
export function useLineageActuals(agreementId: string | undefined): LineageActuals {
  const [state, setState] = useState<LineageActuals>({ status: 'loading' });
  useEffect(() => {
    if (!agreementId) return;
    let live = true;
    setState({ status: 'loading' });
    void api()
      .send('actuals.get', { id: agreementId })
      .then((result) => {
        if (!live) return;
        setState(result.ok ? { status: 'ready', months: sortMonths(result.value.months) } : { status: 'failed', error: result.error });
      });
    return () => {
      live = false;
    };
  }, [agreementId]);
  return state;
}
