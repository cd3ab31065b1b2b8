import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors';
import type { MonthlyActuals } from '../../../../shared/model/actuals';
import type { Agreement } from '../../../../shared/model/schema';
import { api } from '../../../api/apiClient';
import { localIsoDate } from '../../facilitation/logItems';
import { withCarriedDecision } from './reviewModel';

type MonthDecision = MonthlyActuals['decisions'][number];

export type DecisionCarrier = ReturnType<typeof useCarryDecision>;

export type CarryOutcome = { ok: true; version: number | null } | { ok: false; error: ApiError };

/**
 * Puts a month's decision into a draft's decision log the way the workshop saves a draft: read the stored
 * record, append the entry, `agreements.save` with the revision read (a stale one is refused, never
 * overwritten). For a signed agreement, the decision goes into its amendment: `agreements.amend` opens it
 * (or hands back the one already open) and the entry is saved there.
 * `log` is the decision log the month's decisions are compared with: the agreement's, then the amendment's.
 */
export function useCarryDecision(agreement: Agreement) {
  const [log, setLog] = useState<Agreement['decisions']>(agreement.decisions);
  const [busy, setBusy] = useState(false);

  async function appendTo(id: string, decision: MonthDecision): Promise<{ ok: true } | { ok: false; error: ApiError }> {
    const record = await api().send('agreements.get', { id });
    if (!record.ok) return record;
    const next = withCarriedDecision(record.value.agreement, decision, localIsoDate(new Date()));
    if (next !== record.value.agreement) {
      const saved = await api().send('agreements.save', { id, revision: record.value.revision, agreement: next });
      if (!saved.ok) return saved;
    }
    setLog(next.decisions);
    return { ok: true };
  }

  async function carry(decision: MonthDecision): Promise<CarryOutcome> {
    setBusy(true);
    try {
      if (agreement.meta.status === 'draft') {
        const result = await appendTo(agreement.meta.id, decision);
        return result.ok ? { ok: true, version: null } : result;
      }
      const amendment = await api().send('agreements.amend', { id: agreement.meta.id });
      if (!amendment.ok) return amendment;
      const result = await appendTo(amendment.value.id, decision);
      return result.ok ? { ok: true, version: amendment.value.version } : result;
    } finally {
      setBusy(false);
    }
  }

  return { log, carry, busy };
}
