import { FIXED_STAGE_KEYS } from '../actuals';
import { isRecord, type Json, type ModelMigration } from './types';

/** The version-2 field of each fixed stage. */
const FIELD_OF: Record<(typeof FIXED_STAGE_KEYS)[number], string> = {
  lead: 'leads',
  mql: 'mqls',
  sql: 'sqls',
  opportunity: 'opportunities',
  customer: 'customers',
};

/**
 * A version-2 month (fixed fields `leads` … `customers`) as a version-3 month keyed by stage id. Each fixed
 * field goes to the first stage with its key; a figure with no such stage is kept under its key in
 * `unmatchedStages` (nothing typed is dropped). Unknown fields stay, so the strict schema names them.
 */
export function monthFromV2(month: Json, stages: readonly unknown[]): Json {
  const { leads: _l, mqls: _m, sqls: _s, opportunities: _o, customers: _c, revenue, medianHoursToFirstContact, pctContactedWithinSla, ...rest } = month;
  const byStage: Json[] = [];
  const unmatched: Json[] = [];
  for (const key of FIXED_STAGE_KEYS) {
    const count = month[FIELD_OF[key]] ?? null;
    const stage = stages.find((s) => isRecord(s) && s.key === key);
    if (isRecord(stage)) byStage.push({ stageId: stage.id, count });
    else if (count !== null) unmatched.push({ key, count });
  }
  return {
    ...rest,
    stages: byStage,
    unmatchedStages: unmatched,
    revenue: revenue ?? null,
    medianHoursToFirstContact: medianHoursToFirstContact ?? null,
    pctContactedWithinSla: pctContactedWithinSla ?? null,
    rejected: null,
  };
}

/**
 * Version 3: monthly actuals leave the signed, versioned agreement — they are entered month after month
 * after signing and belong to all versions of one agreement (its lineage) — and are keyed by stage id so
 * every stage, custom ones included, can be compared with its target. Signatures record the canonical form
 * their fingerprint was computed with: 1, the only one before this version. Nothing a signature covers
 * changes, so every fingerprint stays what it was.
 */
export const m003: ModelMigration = {
  version: 3,
  description: 'actuals move out of the agreement to its lineage, keyed by stage id; signatures[].canonicalVersion = 1',
  agreement(agreement) {
    if (!isRecord(agreement)) return { agreement };
    const { actuals, ...rest } = agreement;
    const stages = isRecord(rest.lifecycle) && Array.isArray(rest.lifecycle.stages) ? rest.lifecycle.stages : [];
    if (Array.isArray(rest.signatures))
      rest.signatures = rest.signatures.map((s: unknown) => (isRecord(s) ? { ...s, canonicalVersion: s.canonicalVersion ?? 1 } : s));
    // Anything but a list of months is handed on as it is: the schema then refuses it instead of it vanishing.
    const months = actuals === undefined ? [] : Array.isArray(actuals) ? actuals.map((m: unknown) => (isRecord(m) ? monthFromV2(m, stages) : m)) : [actuals];
    return { agreement: rest, actuals: months };
  },
};
