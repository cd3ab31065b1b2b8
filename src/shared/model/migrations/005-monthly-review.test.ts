import { describe, expect, it } from 'vitest';
import { actualsSchema } from '../actuals';
import { m005 } from './005-monthly-review';
import { migrateModel } from './index';

/** A month as model version 4 stored it. */
const v4Month = {
  month: '2026-11',
  stages: [{ stageId: 'stage-lead', count: 120 }],
  unmatchedStages: [],
  revenue: 50_000,
  medianHoursToFirstContact: 3.5,
  pctContactedWithinSla: 91,
  rejected: 4,
};

describe('model migration 5 (monthly review figures)', () => {
  it('gives a month written before every new figure unknown, no notes or decisions, no import; the old figures stay', () => {
    const [out] = actualsSchema.parse(m005.actuals!([structuredClone(v4Month)], null));
    expect(out).toEqual({
      ...v4Month,
      contacts: null,
      mqlsThatBecameSql: null,
      sqlValue: null,
      medianHoursMqlToSql: null,
      pctWithRequiredAttempts: null,
      kpiValues: [],
      notes: '',
      decisions: [],
      imported: null,
    });
  });

  it('never overwrites a field that is already there, and hands on what is not a month', () => {
    expect(m005.actuals!([{ ...v4Month, notes: 'kept' }, 7], null)).toMatchObject([{ notes: 'kept' }, 7]);
  });

  it('leaves the agreement alone: actuals are outside what was signed', () => {
    const agreement = { meta: { id: 'a' }, signatures: [] };
    expect(m005.agreement(agreement).agreement).toBe(agreement);
  });

  it('runs in the one migration list from version 4', () => {
    const out = migrateModel({ agreement: null, actuals: [v4Month] }, 4);
    expect(actualsSchema.safeParse(out.actuals).success).toBe(true);
  });
});
