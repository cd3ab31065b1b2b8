import { describe, expect, it } from 'vitest';
import { actualsSchema, type MonthlyActuals } from '../model/actuals';
import type { ImportedMonth } from './aggregate';
import { applyImport, emptyMonth, monthAfterImport } from './store';

const stamp = { at: '2027-02-03T10:00:00+01:00', fileName: 'hubspot.csv', preset: 'hubspot' };

function imported(month: string, counts: Record<string, number | null>, extra: Partial<ImportedMonth> = {}): ImportedMonth {
  return {
    month,
    stages: Object.entries(counts).map(([stageId, count]) => ({ stageId, count })),
    revenue: null,
    medianHoursToFirstContact: null,
    pctContactedWithinSla: null,
    contacts: null,
    mqlsThatBecameSql: null,
    sqlValue: null,
    medianHoursMqlToSql: null,
    pctWithRequiredAttempts: null,
    speedToLead: { handedOff: 0, measured: 0, withinSla: 0, pending: 0, withoutTime: 0 },
    rejectedRows: 0,
    mediansExact: true,
    ...extra,
  };
}

function typed(month: string, counts: Record<string, number | null>, extra: Partial<MonthlyActuals> = {}): MonthlyActuals {
  return { ...emptyMonth(month), stages: Object.entries(counts).map(([stageId, count]) => ({ stageId, count })), ...extra };
}

describe('monthly actuals after a CSV import', () => {
  it('an empty month is valid and says nothing: every figure null, never 0', () => {
    const month = emptyMonth('2027-01');
    expect(actualsSchema.parse([month])).toEqual([month]);
    expect(Object.values(month).filter((v) => v === 0)).toEqual([]);
  });

  it('replaces the figures the file states and keeps what it cannot state, and the meeting’s notes, decisions and KPI values', () => {
    const before = typed(
      '2027-01',
      { lead: 90, mql: 40, custom: 7 },
      { revenue: 5000, notes: 'Webinar week', decisions: [{ id: 'd1', text: 'Call back in 2 h', owner: 'Ana' }], kpiValues: [{ kpiId: 'k9', value: 3 }] },
    );
    const after = monthAfterImport(before, imported('2027-01', { lead: 120, mql: 55, custom: null }, { sqlValue: 80_000, contacts: 300 }), stamp);
    expect(after.stages).toEqual([
      { stageId: 'lead', count: 120 },
      { stageId: 'mql', count: 55 },
      { stageId: 'custom', count: 7 },
    ]);
    expect(after).toMatchObject({ revenue: 5000, sqlValue: 80_000, contacts: 300, notes: 'Webinar week', imported: stamp });
    expect(after.decisions).toEqual(before.decisions);
    expect(after.kpiValues).toEqual(before.kpiValues);
    expect(actualsSchema.safeParse([after]).success).toBe(true);
  });

  it('0 in the file is a figure (the file says none), not "unknown"', () => {
    expect(monthAfterImport(typed('2027-01', { sql: 9 }), imported('2027-01', { sql: 0 }), stamp).stages).toEqual([{ stageId: 'sql', count: 0 }]);
  });

  it('importing the same file twice never adds up, and the second import says it changed nothing', () => {
    const file = [imported('2027-01', { lead: 100 }), imported('2027-02', { lead: 80 })];
    const first = applyImport([], file, stamp);
    expect(first.added).toEqual(['2027-01', '2027-02']);
    const second = applyImport(first.months, file, { ...stamp, at: '2027-02-04T10:00:00+01:00' });
    expect(second.months.map((m) => m.stages)).toEqual(first.months.map((m) => m.stages));
    expect(second.changed).toEqual([]);
    expect(second.added).toEqual([]);
  });

  it('two exports whose months overlap: the later file’s figures replace the overlapping month, others are kept, in calendar order', () => {
    const a = applyImport([], [imported('2027-01', { lead: 100 }), imported('2027-02', { lead: 80 })], stamp);
    const b = applyImport(a.months, [imported('2027-03', { lead: 70 }), imported('2027-02', { lead: 85 })], stamp);
    expect(b.months.map((m) => [m.month, m.stages[0]?.count])).toEqual([
      ['2027-01', 100],
      ['2027-02', 85],
      ['2027-03', 70],
    ]);
    expect(b.changed).toEqual(['2027-02']);
    expect(b.added).toEqual(['2027-03']);
  });
});
