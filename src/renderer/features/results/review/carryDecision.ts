import type { ApiError } from '../../../../shared/api/errors';
import type { MonthlyActuals } from '../../../../shared/model/actuals';
import type { Agreement } from '../../../../shared/model/schema';
import { api } from '../../../api/apiClient';
import { withCarriedDecision } from './reviewModel';

export type MonthDecision = MonthlyActuals['decisions'][number];

/** Where the decision landed: the draft itself (`version` null) or the amendment of a signed version. */
export type CarryOutcome = { ok: true; version: number | null; log: Agreement['decisions'] } | { ok: false; error: ApiError };

async function appendTo(
  id: string,
  decision: MonthDecision,
  today: string,
): Promise<{ ok: true; log: Agreement['decisions'] } | { ok: false; error: ApiError }> {
  const record = await api().send('agreements.get', { id });
  if (!record.ok) return record;
  const next = withCarriedDecision(record.value.agreement, decision, today);
  if (next !== record.value.agreement) {
    const saved = await api().send('agreements.save', { id, revision: record.value.revision, agreement: next });
    if (!saved.ok) return saved;
  }
  return { ok: true, log: next.decisions };
}

/**
 * Puts a month's decision into a draft's decision log the way the workshop saves a draft: read the stored
 * record, append the entry, `agreements.save` with the revision read (a stale one is refused, never
 * overwritten). A signed version is never touched: the decision goes into its amendment, which
 * `agreements.amend` opens (or hands back when one is already open). A decision already in the log is not
 * added twice.
 */
export async function carryDecision(agreement: Agreement, decision: MonthDecision, today: string): Promise<CarryOutcome> {
  if (agreement.meta.status === 'draft') {
    const result = await appendTo(agreement.meta.id, decision, today);
    return result.ok ? { ok: true, version: null, log: result.log } : result;
  }
  const amendment = await api().send('agreements.amend', { id: agreement.meta.id });
  if (!amendment.ok) return amendment;
  const result = await appendTo(amendment.value.id, decision, today);
  return result.ok ? { ok: true, version: amendment.value.version, log: result.log } : result;
}
