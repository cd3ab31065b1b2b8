import { describe, expect, it } from 'vitest';
import { commitmentCompliance, complianceByMonth, rangeStatus } from '../../src/shared/actuals/compliance';
import { kpisForMonth, targetStatus, type KpiMonthInput } from '../../src/shared/actuals/kpis';
import { kpiFromCatalog } from '../../src/shared/model/kpiCatalog';
import type { Commitment, Kpi } from '../../src/shared/model/schema';

const stages = [
  { id: 's-lead', key: 'lead' as const },
  { id: 's-mql', key: 'mql' as const },
  { id: 's-sql', key: 'sql' as const },
  { id: 's-opp', key: 'opportunity' as const },
  { id: 's-cust', key: 'customer' as const },
  { id: 's-demo', key: 'custom' as const },
];

/** March 2025 as an import reports it. */
const march: KpiMonthInput = {
  month: '2025-03',
  stages: [
    { stageId: 's-lead', count: 400 },
    { stageId: 's-mql', count: 150 },
    { stageId: 's-sql', count: 60 },
    { stageId: 's-opp', count: 24 },
    { stageId: 's-cust', count: 9 },
    { stageId: 's-demo', count: 30 },
  ],
  revenue: 112_500,
  medianHoursToFirstContact: 3.5,
  pctContactedWithinSla: 87.5,
  contacts: 520,
  mqlsThatBecameSql: 52,
  sqlValue: 780_000,
  medianHoursMqlToSql: 126,
  pctWithRequiredAttempts: 75,
};

const withTarget = (kpi: Kpi, target: number | null): Kpi => ({ ...kpi, target });
const valueOf = (kpis: Kpi[], month: KpiMonthInput) =>
  kpisForMonth(kpis, month, stages).map(({ catalogKey, value, status }) => ({ catalogKey, value, status }));

describe('KPIs per month (each formula against a hand-computed example)', () => {
  it('computes every catalog KPI from the month’s figures and compares it with its target', () => {
    const kpis = [
      // Lead → MQL: 150 MQLs ÷ 400 leads × 100 = 37.5 %; target 40 → missed.
      withTarget(kpiFromCatalog('leadToMqlRate', 'en'), 40),
      // MQL → SQL: 60 SQLs ÷ 150 MQLs × 100 = 40 %; target 40 → met (equal counts as met).
      withTarget(kpiFromCatalog('mqlToSqlRate', 'en'), 40),
      // Contacts per MQL that becomes an SQL: 520 contacts ÷ 52 = 10; lower is better, target 12 → met.
      withTarget(kpiFromCatalog('contactsPerSql', 'en'), 12),
      // Value of SQLs: the sum the import gave, 780,000; target 1,000,000 → missed.
      withTarget(kpiFromCatalog('sqlValue', 'en'), 1_000_000),
      // Median MQL → SQL: 126 hours ÷ 24 = 5.25 days; lower is better, target 5 → missed.
      withTarget(kpiFromCatalog('mqlToSqlDays', 'en'), 5),
      // MQL → customer: 9 customers ÷ 150 MQLs × 100 = 6 %; target 5 → met.
      withTarget(kpiFromCatalog('mqlToCustomerRate', 'en'), 5),
      // Speed to lead: 87.5 % contacted within the window; target 90 → missed.
      withTarget(kpiFromCatalog('speedToLead', 'en'), 90),
    ];
    expect(valueOf(kpis, march)).toEqual([
      { catalogKey: 'leadToMqlRate', value: 37.5, status: 'missed' },
      { catalogKey: 'mqlToSqlRate', value: 40, status: 'met' },
      { catalogKey: 'contactsPerSql', value: 10, status: 'met' },
      { catalogKey: 'sqlValue', value: 780_000, status: 'missed' },
      { catalogKey: 'mqlToSqlDays', value: 5.25, status: 'missed' },
      { catalogKey: 'mqlToCustomerRate', value: 6, status: 'met' },
      { catalogKey: 'speedToLead', value: 87.5, status: 'missed' },
    ]);
  });

  it('says no data when a figure is missing or a rate would divide by zero, and no target when there is none', () => {
    // Typed by hand: stage counts only, no MQLs (0) this month.
    const typed: KpiMonthInput = {
      month: '2025-04',
      stages: [
        { stageId: 's-lead', count: 80 },
        { stageId: 's-mql', count: 0 },
        { stageId: 's-sql', count: 3 },
      ],
    };
    const kpis = [
      withTarget(kpiFromCatalog('leadToMqlRate', 'en'), 40), // 0 ÷ 80 = 0 % → missed
      withTarget(kpiFromCatalog('mqlToSqlRate', 'en'), 40), // 3 ÷ 0 → no data
      withTarget(kpiFromCatalog('contactsPerSql', 'en'), 12), // no contacts column → no data
      withTarget(kpiFromCatalog('mqlToSqlDays', 'en'), null), // no target
    ];
    expect(valueOf(kpis, typed)).toEqual([
      { catalogKey: 'leadToMqlRate', value: 0, status: 'missed' },
      { catalogKey: 'mqlToSqlRate', value: null, status: 'no-data' },
      { catalogKey: 'contactsPerSql', value: null, status: 'no-data' },
      { catalogKey: 'mqlToSqlDays', value: null, status: 'no-target' },
    ]);
  });

  it('has no conversion for an agreement without the stage it needs', () => {
    const withoutMql = stages.filter((s) => s.key !== 'mql');
    const [rate] = kpisForMonth([withTarget(kpiFromCatalog('mqlToSqlRate', 'en'), 40)], march, withoutMql);
    expect(rate).toMatchObject({ value: null, status: 'no-data' });
  });

  it('takes custom KPIs from the typed monthly value: at least the target, or at most for a time', () => {
    const custom = (id: string, unit: Kpi['unit'], target: number): Kpi => ({ ...kpiFromCatalog('sqlValue', 'en'), id, catalogKey: null, unit, target });
    const month: KpiMonthInput = {
      ...march,
      kpiValues: [
        { kpiId: 'demos', value: 31 },
        { kpiId: 'reply', value: 30 },
      ],
    };
    const result = kpisForMonth([custom('demos', 'count', 30), custom('reply', 'hours', 24), custom('nps', 'ratio', 50)], month, stages);
    expect(result.map(({ kpiId, value, status, lowerIsBetter }) => ({ kpiId, value, status, lowerIsBetter }))).toEqual([
      { kpiId: 'demos', value: 31, status: 'met', lowerIsBetter: false }, // 31 ≥ 30
      { kpiId: 'reply', value: 30, status: 'missed', lowerIsBetter: true }, // 30 h > 24 h
      { kpiId: 'nps', value: null, status: 'no-data', lowerIsBetter: false }, // nothing typed
    ]);
  });

  it('compares in the KPI’s direction', () => {
    expect(targetStatus(5, 5, true)).toBe('met');
    expect(targetStatus(5.01, 5, true)).toBe('missed');
    expect(targetStatus(4.99, 5, false)).toBe('missed');
    expect(targetStatus(Number.NaN, 5, false)).toBe('no-data');
  });
});

describe('compliance per commitment of the protocol step', () => {
  const commitment = (id: string, team: Commitment['team'], min: number | null, max: number | null, unit: Commitment['unit']): Commitment => ({
    id,
    team,
    description: id,
    min,
    max,
    unit,
  });
  const leads = commitment('leads', 'marketing', 350, null, 'per-month');
  const work = commitment('work', 'sales', 100, 140, 'per-month');
  const speed = commitment('speed', 'sales', null, 4, 'hours');
  const attempts = commitment('attempts', 'sales', 80, null, 'percent');

  it('is met inside the range, missed outside it, no data without a value or a range', () => {
    expect(rangeStatus({ min: 350, max: null }, 350)).toBe('met');
    expect(rangeStatus({ min: 350, max: null }, 349)).toBe('missed');
    expect(rangeStatus({ min: 100, max: 140 }, 141)).toBe('missed');
    expect(rangeStatus({ min: null, max: 4 }, 4)).toBe('met');
    expect(rangeStatus({ min: null, max: null }, 10)).toBe('no-data');
    expect(rangeStatus({ min: 1, max: null }, null)).toBe('no-data');
  });

  it('reads marketing volumes, sales speed and attempts from each month', () => {
    const april: KpiMonthInput = {
      month: '2025-04',
      stages: [
        { stageId: 's-lead', count: 300 },
        { stageId: 's-mql', count: 120 },
      ],
      medianHoursToFirstContact: 5,
    };
    const links = {
      leads: { kind: 'stage', stageId: 's-lead' },
      work: { kind: 'stage', stageId: 's-mql' },
      attempts: { kind: 'pctWithRequiredAttempts' },
    } as const;
    const table = complianceByMonth([leads, work, speed, attempts], links, [march, april]);
    expect(table.map((row) => row.map(({ commitmentId, value, status }) => `${commitmentId}:${value}:${status}`))).toEqual([
      // March: 400 leads ≥ 350; 150 MQLs > 140; median 3.5 h ≤ 4 h (hours read as speed by default); 75 % < 80 %.
      ['leads:400:met', 'work:150:missed', 'speed:3.5:met', 'attempts:75:missed'],
      // April: 300 < 350; 120 within 100–140; 5 h > 4 h; no attempts figure.
      ['leads:300:missed', 'work:120:met', 'speed:5:missed', 'attempts:null:no-data'],
    ]);
  });

  it('does not compare a measure in another unit than the commitment’s', () => {
    const result = commitmentCompliance(leads, { kind: 'pctContactedWithinSla' }, march);
    expect(result).toMatchObject({ value: null, status: 'no-data' });
    expect(commitmentCompliance(leads, null, march).status).toBe('no-data');
  });
});
