import { FIXED_STAGE_KEYS, type MonthlyActuals } from '../../../../shared/model/actuals';
import { LIMITS } from '../../../../shared/model/limits';
import type { Agreement } from '../../../../shared/model/schema';
import type { NumberLimits } from '../../../../shared/numbers/numberLimits';

/** The month-level figures a month holds besides its stages and KPI values. */
export const MAIN_FIGURES = ['revenue', 'medianHoursToFirstContact', 'pctContactedWithinSla', 'rejected'] as const;
/** Figures a CRM import fills; shown on request ("more figures") so the grid stays readable. */
export const MORE_FIGURES = ['contacts', 'mqlsThatBecameSql', 'sqlValue', 'medianHoursMqlToSql', 'pctWithRequiredAttempts'] as const;
export type FigureKey = (typeof MAIN_FIGURES)[number] | (typeof MORE_FIGURES)[number];
export type FixedStageKey = (typeof FIXED_STAGE_KEYS)[number];

export type FigureUnit = 'count' | 'currency' | 'hours' | 'percent' | 'other';

/** Where a column's value lives in a month. */
export type ColumnSource =
  { kind: 'stage'; stageId: string } | { kind: 'unmatched'; key: FixedStageKey } | { kind: 'figure'; key: FigureKey } | { kind: 'kpi'; kpiId: string };

/** A target to compare a month's value with; `direction` null when the agreement does not say which way is good. */
export interface ColumnTarget {
  value: number;
  direction: 'atLeast' | 'atMost' | null;
}

export interface FigureColumn {
  /** Stable across renders and months: the cell drafts and the keyboard moves are keyed by it. */
  id: string;
  source: ColumnSource;
  /** The agreement's own name for it (stages, KPIs); null: the interface names it (fixed figures). */
  name: string | null;
  unit: FigureUnit;
  group: 'main' | 'more';
  limits: NumberLimits;
  target: ColumnTarget | null;
}

const COUNT: NumberLimits = { min: 0, max: LIMITS.maxNumber, decimals: 0 };
const AMOUNT: NumberLimits = { min: 0, max: LIMITS.maxNumber, decimals: 2 };
const HOURS: NumberLimits = { min: 0, max: LIMITS.maxNumber, decimals: 2 };
const PERCENT: NumberLimits = { min: 0, max: 100, decimals: 2 };
const KPI_VALUE: NumberLimits = { min: -LIMITS.maxNumber, max: LIMITS.maxNumber, decimals: 4 };

const FIGURE_SHAPE: Record<FigureKey, { unit: FigureUnit; limits: NumberLimits }> = {
  revenue: { unit: 'currency', limits: AMOUNT },
  medianHoursToFirstContact: { unit: 'hours', limits: HOURS },
  pctContactedWithinSla: { unit: 'percent', limits: PERCENT },
  rejected: { unit: 'count', limits: COUNT },
  contacts: { unit: 'count', limits: COUNT },
  mqlsThatBecameSql: { unit: 'count', limits: COUNT },
  sqlValue: { unit: 'currency', limits: AMOUNT },
  medianHoursMqlToSql: { unit: 'hours', limits: HOURS },
  pctWithRequiredAttempts: { unit: 'percent', limits: PERCENT },
};

const KPI_UNIT: Record<Agreement['kpis'][number]['unit'], FigureUnit> = {
  percent: 'percent',
  count: 'count',
  currency: 'currency',
  hours: 'hours',
  days: 'other',
  ratio: 'other',
};

/** The targets the agreement sets for the fixed figures: its protocol's window and its catalog KPIs' targets. */
function figureTarget(agreement: Agreement, key: FigureKey): ColumnTarget | null {
  const kpiTarget = (catalogKey: string) => agreement.kpis.find((k) => k.catalogKey === catalogKey)?.target ?? null;
  const at = (value: number | null, direction: ColumnTarget['direction']) => (value === null ? null : { value, direction });
  switch (key) {
    case 'revenue':
      return at(agreement.goals.calculator.revenueGoal, 'atLeast');
    case 'medianHoursToFirstContact':
      return at(agreement.protocol.firstContactBusinessHours, 'atMost');
    case 'pctContactedWithinSla':
      return at(kpiTarget('speedToLead'), 'atLeast');
    case 'sqlValue':
      return at(kpiTarget('sqlValue'), 'atLeast');
    case 'medianHoursMqlToSql': {
      const days = kpiTarget('mqlToSqlDays');
      return at(days === null ? null : days * 24, 'atMost');
    }
    default:
      return null;
  }
}

/**
 * The grid's columns, in order: every stage of the agreement as it orders and names them (custom stages
 * included), then the figures of the old fixed stages that some month holds and the agreement has no stage for
 * (shown, never dropped), the month-level figures, the custom KPIs (no catalog formula: typed by hand), and
 * last the figures an import fills ("more").
 */
export function figureColumns(agreement: Agreement, months: readonly Pick<MonthlyActuals, 'unmatchedStages'>[]): FigureColumn[] {
  const targets = new Map(agreement.goals.targets.map((t) => [t.stageId, t.monthly]));
  const stages: FigureColumn[] = agreement.lifecycle.stages.map((stage) => {
    const target = targets.get(stage.id) ?? null;
    return {
      id: `stage:${stage.id}`,
      source: { kind: 'stage', stageId: stage.id },
      name: stage.name,
      unit: 'count',
      group: 'main',
      limits: COUNT,
      target: target === null ? null : { value: target, direction: 'atLeast' },
    };
  });
  const held = new Set(months.flatMap((m) => m.unmatchedStages.map((s) => s.key)));
  const unmatched: FigureColumn[] = FIXED_STAGE_KEYS.filter((key) => held.has(key)).map((key) => ({
    id: `unmatched:${key}`,
    source: { kind: 'unmatched', key },
    name: null,
    unit: 'count',
    group: 'main',
    limits: COUNT,
    target: null,
  }));
  const figure = (key: FigureKey, group: FigureColumn['group']): FigureColumn => ({
    id: `figure:${key}`,
    source: { kind: 'figure', key },
    name: null,
    ...FIGURE_SHAPE[key],
    group,
    target: figureTarget(agreement, key),
  });
  const kpis: FigureColumn[] = agreement.kpis
    .filter((kpi) => kpi.catalogKey === null)
    .map((kpi) => ({
      id: `kpi:${kpi.id}`,
      source: { kind: 'kpi', kpiId: kpi.id },
      name: kpi.name,
      unit: KPI_UNIT[kpi.unit],
      group: 'main',
      limits: kpi.unit === 'percent' ? { ...KPI_VALUE, min: 0, max: 100 } : KPI_VALUE,
      target: kpi.target === null ? null : { value: kpi.target, direction: null },
    }));
  return [...stages, ...unmatched, ...MAIN_FIGURES.map((key) => figure(key, 'main')), ...kpis, ...MORE_FIGURES.map((key) => figure(key, 'more'))];
}

/** The value a month holds for a column (null: not entered, never 0). */
export function figureValue(month: MonthlyActuals | undefined, source: ColumnSource): number | null {
  if (!month) return null;
  switch (source.kind) {
    case 'stage':
      return month.stages.find((s) => s.stageId === source.stageId)?.count ?? null;
    case 'unmatched':
      return month.unmatchedStages.find((s) => s.key === source.key)?.count ?? null;
    case 'figure':
      return month[source.key];
    case 'kpi':
      return month.kpiValues.find((k) => k.kpiId === source.kpiId)?.value ?? null;
  }
}

/** Replaces (or adds) one entry of a keyed list, keeping the others in place; a null value removes the entry. */
function upsert<T, K extends keyof T>(list: readonly T[], key: K, id: T[K], entry: T, remove: boolean): T[] {
  const index = list.findIndex((item) => item[key] === id);
  if (remove) return index < 0 ? [...list] : list.filter((_, i) => i !== index);
  if (index < 0) return [...list, entry];
  return list.map((item, i) => (i === index ? entry : item));
}

/** The month with one column's value changed; the rest of the month (notes, decisions, import stamp) as it was. */
export function withFigure(month: MonthlyActuals, source: ColumnSource, value: number | null): MonthlyActuals {
  switch (source.kind) {
    case 'stage':
      return { ...month, stages: upsert(month.stages, 'stageId', source.stageId, { stageId: source.stageId, count: value }, false) };
    case 'unmatched':
      // Kept even when emptied: the column stays while the month holds the key, so the figure can be typed again.
      return { ...month, unmatchedStages: upsert(month.unmatchedStages, 'key', source.key, { key: source.key, count: value }, false) };
    case 'figure':
      return { ...month, [source.key]: value };
    case 'kpi':
      return { ...month, kpiValues: upsert(month.kpiValues, 'kpiId', source.kpiId, { kpiId: source.kpiId, value }, value === null) };
  }
}

/** Whether a value keeps its target: null when either is missing or the agreement does not say which way is good. */
export function targetVerdict(value: number | null, target: ColumnTarget | null): 'met' | 'missed' | null {
  if (value === null || target === null || target.direction === null) return null;
  const met = target.direction === 'atLeast' ? value >= target.value : value <= target.value;
  return met ? 'met' : 'missed';
}

/** A month's figures with every figure the grid shows emptied; the review's notes and decisions stay. */
export function withoutFigures(month: MonthlyActuals): MonthlyActuals {
  return {
    ...month,
    stages: [],
    unmatchedStages: [],
    ...Object.fromEntries([...MAIN_FIGURES, ...MORE_FIGURES].map((key) => [key, null])),
    kpiValues: [],
    imported: null,
  };
}

/** Whether removing a month's figures would also remove something the monthly meeting wrote. */
export function holdsMeetingNotes(month: MonthlyActuals): boolean {
  return month.notes.trim() !== '' || month.decisions.length > 0;
}
