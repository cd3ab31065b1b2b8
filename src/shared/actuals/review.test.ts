import { describe, expect, it } from 'vitest';
import type { MonthlyActuals } from '../model/actuals';
import { createExample } from '../model/example';
import type { Agreement, Commitment } from '../model/schema';
import { inferMeasure, monthReview, monthsEndingWith, stageNamedIn } from './review';
import { emptyMonth } from './store';

const NOW = new Date('2027-01-15T10:00:00Z');

function stageIds(a: Agreement) {
  const [lead, mql, sql, opportunity, customer] = a.lifecycle.stages.map((s) => s.id);
  if (!lead || !mql || !sql || !opportunity || !customer) throw new Error('example stages missing');
  return { lead, mql, sql, opportunity, customer };
}

function month(m: string, counts: Record<string, number | null>, extra: Partial<MonthlyActuals> = {}): MonthlyActuals {
  return { ...emptyMonth(m), stages: Object.entries(counts).map(([stageId, count]) => ({ stageId, count })), ...extra };
}

/** The example agreement (targets 500/200/100/40/16) plus a sales speed commitment of at most 4 hours. */
function agreement(lang: 'en' | 'es' = 'en'): Agreement {
  const a = createExample(lang, NOW);
  const speed: Commitment = { id: 'speed', team: 'sales', description: 'First contact', min: null, max: 4, unit: 'hours' };
  a.protocol.commitments.push(speed);
  return a;
}

describe('monthReview — a hand-computed month', () => {
  const a = agreement();
  const s = stageIds(a);
  const march = month(
    '2027-03',
    { [s.lead]: 450, [s.mql]: 220, [s.sql]: 99, [s.customer]: 16 },
    {
      contacts: 600,
      mqlsThatBecameSql: 100,
      sqlValue: 1_300_000,
      medianHoursMqlToSql: 192,
      pctContactedWithinSla: 85,
      medianHoursToFirstContact: 5,
      revenue: 210_000,
      notes: 'Webinar pushed MQLs',
      decisions: [{ id: 'd1', text: 'Add an SDR', owner: 'Daniel' }],
    },
  );
  const months = [month('2027-04', { [s.lead]: 1 }), march, month('2027-02', { [s.lead]: 300 }), month('2026-03', { [s.lead]: 7 })];
  const conversion = a.protocol.commitments[4];
  if (!conversion) throw new Error('example commitment missing');
  const review = monthReview(a, months, '2027-03', { [conversion.id]: { kind: 'pctContactedWithinSla' } });

  it('compares every stage with its monthly target (450/500 = 90 %, 220/200 = 110 %, no figure is no data)', () => {
    expect(review.entered).toBe(true);
    expect(review.stages.map((r) => [r.key, r.target, r.actual, r.pctOfTarget, r.status])).toEqual([
      ['lead', 500, 450, 90, 'missed'],
      ['mql', 200, 220, 110, 'met'],
      ['sql', 100, 99, 99, 'missed'],
      ['opportunity', 40, null, null, 'no-data'],
      ['customer', 16, 16, 100, 'met'],
    ]);
  });

  it('computes each KPI of the agreement next to its target, in its direction', () => {
    const byKey = Object.fromEntries(review.kpis.map((k) => [k.catalogKey, [k.value, k.target, k.status]]));
    expect(byKey.leadToMqlRate?.[0]).toBeCloseTo((220 / 450) * 100, 10);
    expect(byKey.leadToMqlRate?.slice(1)).toEqual([40, 'met']);
    expect(byKey.mqlToSqlRate?.[0]).toBeCloseTo(45, 10);
    expect(byKey.mqlToSqlRate?.slice(1)).toEqual([50, 'missed']);
    expect(byKey.contactsPerSql).toEqual([6, 5, 'missed']);
    expect(byKey.sqlValue).toEqual([1_300_000, 1_250_000, 'met']);
    expect(byKey.mqlToSqlDays).toEqual([8, 7, 'missed']);
    expect(byKey.mqlToCustomerRate?.[0]).toBeCloseTo((16 / 220) * 100, 10);
    expect(byKey.mqlToCustomerRate?.slice(1)).toEqual([8, 'missed']);
    expect(byKey.speedToLead).toEqual([85, 90, 'missed']);
    expect(review.kpis[0]?.name).toBe(a.kpis[0]?.name);
  });

  it('checks commitments: marketing volumes by the stage they name, speed in hours, links win, the rest no data', () => {
    expect(review.commitments.map((c) => [c.description, c.measureSource, c.value, c.status])).toEqual([
      ['New leads delivered per month', 'inferred', 450, 'missed'],
      ['MQLs delivered to sales per month', 'inferred', 220, 'met'],
      ['Qualified leads each rep works per month', 'none', null, 'no-data'],
      ['MQLs the sales team handles per month', 'none', null, 'no-data'],
      ['Minimum MQL conversion rate', 'linked', 85, 'met'],
      ['New SQLs each rep produces per month', 'none', null, 'no-data'],
      ['First contact', 'inferred', 5, 'missed'],
    ]);
  });

  it('shows the 12 months up to the reviewed one, gaps included, nothing after it', () => {
    expect(review.trend.map((t) => t.month)).toEqual(monthsEndingWith('2027-03', 12));
    expect(review.trend[0]?.month).toBe('2026-04');
    expect(review.trend.filter((t) => t.entered).map((t) => [t.month, t.stages[0]?.actual])).toEqual([
      ['2027-02', 300],
      ['2027-03', 450],
    ]);
    const last = review.trend[11];
    expect(last?.kpis.find((k) => k.kpiId === a.kpis[2]?.id)?.value).toBe(6);
    expect(review.trend[0]?.stages.every((x) => x.actual === null)).toBe(true);
  });

  it('carries the month’s other figures, notes and decisions', () => {
    expect(review.figures).toEqual({
      revenue: 210_000,
      medianHoursToFirstContact: 5,
      pctContactedWithinSla: 85,
      pctWithRequiredAttempts: null,
      rejected: null,
    });
    expect(review.notes).toBe('Webinar pushed MQLs');
    expect(review.decisions).toEqual([{ id: 'd1', text: 'Add an SDR', owner: 'Daniel' }]);
    expect(review.currency).toBe(a.meta.currency);
  });
});

describe('monthReview — edges', () => {
  it('a month nobody entered reviews as no data everywhere, never as zeros', () => {
    const review = monthReview(agreement(), [], '2027-05');
    expect(review.entered).toBe(false);
    expect(review.stages.every((r) => r.actual === null && r.status === 'no-data')).toBe(true);
    expect(review.kpis.every((k) => k.value === null && k.status === 'no-data')).toBe(true);
    expect(review.commitments.every((c) => c.status === 'no-data')).toBe(true);
    expect(review.trend.every((t) => !t.entered)).toBe(true);
  });

  it('a target of 0 has no percentage; a stage without a target is no-target', () => {
    const a = agreement();
    const s = stageIds(a);
    a.goals.targets = [{ stageId: s.lead, monthly: 0 }];
    const review = monthReview(a, [month('2027-03', { [s.lead]: 3, [s.mql]: 2 })], '2027-03');
    expect(review.stages[0]).toMatchObject({ target: 0, actual: 3, pctOfTarget: null, status: 'met' });
    expect(review.stages[1]).toMatchObject({ target: null, actual: 2, status: 'no-target' });
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthReview(agreement(), [], '2027-13')).toThrow(RangeError);
    expect(() => monthReview(agreement(), [], '2027-3')).toThrow(RangeError);
  });

  it('counts months back across a year boundary', () => {
    expect(monthsEndingWith('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('inferring a commitment’s measure', () => {
  it('reads Spanish texts and custom stage names, the furthest stage down the funnel when several are named', () => {
    const a = agreement('es');
    const s = stageIds(a);
    a.lifecycle.stages.push({ id: 'demo', key: 'custom', name: 'Demo agendada', definition: '', owner: 'sales', entryCriteria: '', optional: false });
    expect(stageNamedIn('Leads nuevos entregados al mes', a.lifecycle.stages)).toBe(s.lead);
    expect(stageNamedIn('MQLs entregados a ventas al mes', a.lifecycle.stages)).toBe(s.mql);
    expect(stageNamedIn('Leads que pasan a MQL', a.lifecycle.stages)).toBe(s.mql);
    expect(stageNamedIn('Demos agendadas', a.lifecycle.stages)).toBeNull();
    expect(stageNamedIn('Nuevas «demo agendada» al mes', a.lifecycle.stages)).toBe('demo');
  });

  it('falls back to the hand-off stage for marketing volumes, never infers sales volumes or percentages', () => {
    const a = agreement();
    const base = { id: 'c', min: 1, max: null };
    expect(inferMeasure({ ...base, team: 'marketing', unit: 'per-month', description: 'Volume' }, a)).toEqual({ kind: 'stage', stageId: a.handoff.stageId });
    expect(inferMeasure({ ...base, team: 'sales', unit: 'per-month', description: 'SQLs' }, a)).toBeNull();
    expect(inferMeasure({ ...base, team: 'marketing', unit: 'percent', description: 'MQL rate' }, a)).toBeNull();
    expect(inferMeasure({ ...base, team: 'other', unit: 'hours', description: 'Reply' }, a)).toEqual({ kind: 'medianHoursToFirstContact' });
  });
});
