import { describe, expect, it } from 'vitest';
import { emptyMonth } from '../../../../shared/actuals/store';
import { createExample } from '../../../../shared/model/example';
import type { Agreement } from '../../../../shared/model/schema';
import { figureColumns, figureValue, holdsMeetingNotes, targetVerdict, withFigure, withoutFigures } from './figureColumns';

function withCustomStageAndKpi(): Agreement {
  const a = createExample('en', new Date(Date.UTC(2027, 0, 15)));
  const stages = [...a.lifecycle.stages];
  stages.splice(2, 0, { ...stages[1]!, id: 'demo', key: 'custom', name: 'Demo booked', optional: false });
  const kpi = { ...a.kpis[0]!, id: 'nps', catalogKey: null, name: 'Partner NPS', unit: 'count' as const, target: 40 };
  return {
    ...a,
    lifecycle: { ...a.lifecycle, stages: stages.filter((s) => s.key !== 'opportunity') },
    goals: { ...a.goals, targets: [...a.goals.targets, { stageId: 'demo', monthly: 30 }] },
    kpis: [...a.kpis, kpi],
  };
}

describe('the columns of the figures grid', () => {
  const agreement = withCustomStageAndKpi();

  it('lists every stage in the agreement’s order and names (custom ones included), then the figures, custom KPIs and the import’s figures', () => {
    const columns = figureColumns(agreement, []);
    const stageNames = agreement.lifecycle.stages.map((s) => s.name);
    expect(columns.slice(0, stageNames.length).map((c) => c.name)).toEqual(stageNames);
    expect(stageNames).toContain('Demo booked');
    expect(columns.map((c) => c.id).slice(stageNames.length)).toEqual([
      'figure:revenue',
      'figure:medianHoursToFirstContact',
      'figure:pctContactedWithinSla',
      'figure:rejected',
      'kpi:nps',
      'figure:contacts',
      'figure:mqlsThatBecameSql',
      'figure:sqlValue',
      'figure:medianHoursMqlToSql',
      'figure:pctWithRequiredAttempts',
    ]);
    expect(columns.filter((c) => c.group === 'more').map((c) => c.id)).toHaveLength(5);
  });

  it('shows the figures of an old fixed stage the agreement has no stage for, instead of dropping them', () => {
    const month = { ...emptyMonth('2026-11'), unmatchedStages: [{ key: 'opportunity' as const, count: 12 }] };
    const columns = figureColumns(agreement, [month]);
    const column = columns.find((c) => c.id === 'unmatched:opportunity');
    expect(column).toBeDefined();
    expect(figureValue(month, column!.source)).toBe(12);
    expect(figureColumns(agreement, [emptyMonth('2026-11')]).some((c) => c.source.kind === 'unmatched')).toBe(false);
  });

  it('takes each target from the agreement: stage targets by id, the first-contact window, catalog KPI targets', () => {
    const columns = figureColumns(agreement, []);
    const byId = new Map(columns.map((c) => [c.id, c.target]));
    const demo = agreement.goals.targets.find((t) => t.stageId === 'demo')!.monthly;
    expect(byId.get('stage:demo')).toEqual({ value: demo, direction: 'atLeast' });
    expect(byId.get('figure:medianHoursToFirstContact')).toEqual({ value: agreement.protocol.firstContactBusinessHours, direction: 'atMost' });
    expect(byId.get('figure:pctContactedWithinSla')).toEqual({ value: 90, direction: 'atLeast' });
    expect(byId.get('figure:medianHoursMqlToSql')).toEqual({ value: 7 * 24, direction: 'atMost' });
    expect(byId.get('figure:rejected')).toBeNull();
    // A custom KPI's target is shown, but the agreement does not say whether above or below is good.
    expect(byId.get('kpi:nps')).toEqual({ value: 40, direction: null });
  });

  it('percentages accept 0–100 with decimals; counts are whole; custom KPIs may be negative', () => {
    const columns = new Map(figureColumns(agreement, []).map((c) => [c.id, c.limits]));
    expect(columns.get('figure:pctContactedWithinSla')).toMatchObject({ min: 0, max: 100 });
    expect(columns.get('stage:demo')).toMatchObject({ min: 0, decimals: 0 });
    expect(columns.get('kpi:nps')!.min).toBeLessThan(0);
  });
});

describe('reading and writing a month through a column', () => {
  const stage = { kind: 'stage', stageId: 'demo' } as const;
  const figure = { kind: 'figure', key: 'revenue' } as const;
  const kpi = { kind: 'kpi', kpiId: 'nps' } as const;

  it('an empty month holds nothing (null), never 0', () => {
    const month = emptyMonth('2027-01');
    expect([figureValue(month, stage), figureValue(month, figure), figureValue(month, kpi), figureValue(undefined, figure)]).toEqual([null, null, null, null]);
  });

  it('sets one value and keeps the rest of the month (other stages, notes, the import stamp)', () => {
    const base = {
      ...emptyMonth('2027-01'),
      stages: [{ stageId: 'lead', count: 400 }],
      notes: 'kept',
      imported: { at: '2027-02-01T10:00:00Z', fileName: 'crm.csv', preset: 'hubspot' },
    };
    const next = withFigure(withFigure(withFigure(base, stage, 30), figure, 1250.5), kpi, -3);
    expect(next.stages).toEqual([
      { stageId: 'lead', count: 400 },
      { stageId: 'demo', count: 30 },
    ]);
    expect(next.revenue).toBe(1250.5);
    expect(next.kpiValues).toEqual([{ kpiId: 'nps', value: -3 }]);
    expect(next.notes).toBe('kept');
    expect(next.imported).toEqual(base.imported);
    expect(withFigure(next, stage, 31).stages).toEqual([
      { stageId: 'lead', count: 400 },
      { stageId: 'demo', count: 31 },
    ]);
    expect(withFigure(next, kpi, null).kpiValues).toEqual([]);
    expect(figureValue(withFigure(next, stage, null), stage)).toBeNull();
  });

  it('removing a month’s figures keeps the review’s notes and decisions', () => {
    const month = {
      ...withFigure(withFigure(emptyMonth('2027-01'), stage, 30), figure, 10),
      notes: 'agreed to call faster',
      decisions: [{ id: 'd1', text: 'Call within 2 h', owner: 'Sales' }],
    };
    expect(holdsMeetingNotes(month)).toBe(true);
    expect(holdsMeetingNotes(emptyMonth('2027-01'))).toBe(false);
    const cleared = withoutFigures(month);
    expect([figureValue(cleared, stage), figureValue(cleared, figure), cleared.imported]).toEqual([null, null, null]);
    expect([cleared.notes, cleared.decisions]).toEqual([month.notes, month.decisions]);
  });
});

describe('a value against its target', () => {
  it('says met or missed only when both are known and the direction is', () => {
    expect(targetVerdict(120, { value: 120, direction: 'atLeast' })).toBe('met');
    expect(targetVerdict(119, { value: 120, direction: 'atLeast' })).toBe('missed');
    expect(targetVerdict(4, { value: 4, direction: 'atMost' })).toBe('met');
    expect(targetVerdict(4.5, { value: 4, direction: 'atMost' })).toBe('missed');
    expect(targetVerdict(0, { value: 1, direction: 'atLeast' })).toBe('missed');
    expect(targetVerdict(null, { value: 120, direction: 'atLeast' })).toBeNull();
    expect(targetVerdict(5, null)).toBeNull();
    expect(targetVerdict(5, { value: 4, direction: null })).toBeNull();
  });
});
