import type { MonthlyActuals } from '../model/actuals';
import type { Agreement, Commitment, Kpi, Stage } from '../model/schema';
import { complianceByMonth, type CommitmentCompliance, type CommitmentMeasure } from './compliance';
import { kpisForMonth, targetStatus, type KpiMonthValue, type TargetStatus } from './kpis';
import { normalizeHeader } from './mapping';
import { emptyMonth } from './store';

/** How many months the review's trend shows, ending with the reviewed month. */
export const REVIEW_TREND_MONTHS = 12;

/** One stage of the funnel in the reviewed month: its monthly target, what was achieved, and how they compare. */
export interface StageReview {
  stageId: string;
  key: Stage['key'];
  name: string;
  /** `goals.targets[].monthly` for the stage; null when none was set. */
  target: number | null;
  /** Null when the month has no figure for the stage (not entered is never 0). */
  actual: number | null;
  /** actual ÷ target × 100, or null when either is unknown or the target is 0. */
  pctOfTarget: number | null;
  /** Met at or above the target: a stage's target is a volume to reach. */
  status: TargetStatus;
}

/** A KPI of the agreement in the reviewed month, with its name for tables and charts. */
export interface KpiReview extends KpiMonthValue {
  name: string;
}

/** How a commitment's measure was chosen: linked by the user, inferred by the rule below, or none. */
export type MeasureSource = 'linked' | 'inferred' | 'none';

/** A commitment of the protocol step in the reviewed month (the compliance light). */
export interface CommitmentReview extends CommitmentCompliance {
  team: Commitment['team'];
  description: string;
  min: number | null;
  max: number | null;
  unit: Commitment['unit'];
  measureSource: MeasureSource;
}

/** One month of the trend; `entered` false for a month nobody entered or imported anything for. */
export interface TrendMonth {
  month: string;
  entered: boolean;
  /** Every stage of the agreement, in funnel order. */
  stages: { stageId: string; actual: number | null }[];
  /** Every KPI of the agreement, in the agreement's order. */
  kpis: { kpiId: string; value: number | null }[];
}

/** Figures of the month that are neither a stage nor a KPI, shown beside them. */
export interface MonthFigures {
  revenue: number | null;
  medianHoursToFirstContact: number | null;
  pctContactedWithinSla: number | null;
  pctWithRequiredAttempts: number | null;
  rejected: number | null;
}

/** Everything the monthly review shows (CLI, .docx, CSV and the app's review screen read this one shape). */
export interface MonthReview {
  month: string;
  /** Whether anything was entered or imported for the month. */
  entered: boolean;
  currency: string;
  stages: StageReview[];
  kpis: KpiReview[];
  commitments: CommitmentReview[];
  figures: MonthFigures;
  /** The reviewed month and up to 11 before it, oldest first; every calendar month present, gaps included. */
  trend: TrendMonth[];
  notes: string;
  decisions: MonthlyActuals['decisions'];
  imported: MonthlyActuals['imported'];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a string is a calendar month as the review takes it (YYYY-MM). */
export function isReviewMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The `count` calendar months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1;
  const months: string[] = [];
  for (let i = index - count + 1; i <= index; i++) {
    months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Words that name a standard stage in a commitment's text, English and Spanish, singular and plural. */
const STAGE_WORDS: Record<Exclude<Stage['key'], 'custom'>, readonly string[]> = {
  lead: ['lead', 'leads'],
  mql: ['mql', 'mqls'],
  sql: ['sql', 'sqls'],
  opportunity: ['opportunity', 'opportunities', 'oportunidad', 'oportunidades'],
  customer: ['customer', 'customers', 'cliente', 'clientes'],
};

/**
 * The stage a volume commitment's text names: a standard stage by its word (`MQLs`, `clientes`), a custom
 * stage by its whole name. When several are named ("leads that become MQLs"), the one furthest down the
 * funnel: the text counts what reached it.
 */
export function stageNamedIn(description: string, stages: readonly Pick<Stage, 'id' | 'key' | 'name'>[]): string | null {
  const text = ` ${normalizeHeader(description)} `;
  const words = new Set(text.trim().split(' '));
  let found: string | null = null;
  for (const stage of stages) {
    const named =
      stage.key === 'custom'
        ? normalizeHeader(stage.name) !== '' && text.includes(` ${normalizeHeader(stage.name)} `)
        : STAGE_WORDS[stage.key].some((w) => words.has(w));
    if (named) found = stage.id;
  }
  return found;
}

/**
 * What a commitment is checked against when no measure is linked to it. The agreement stores commitments
 * as text, a range and a unit, so only what cannot be misread is inferred:
 * - in hours: sales' speed, the median hours to first contact (the only figure in hours);
 * - per month, marketing's: the volume of the stage its text names (`MQLs delivered…`), else the hand-off
 *   stage (what marketing delivers to sales);
 * - anything else, none: sales' monthly ranges are per rep in the methodology (a team total held to them
 *   would mislead) and a percentage may be a conversion, a contact rate or attempts.
 */
export function inferMeasure(commitment: Commitment, agreement: Pick<Agreement, 'lifecycle' | 'handoff'>): CommitmentMeasure | null {
  if (commitment.unit === 'hours') return { kind: 'medianHoursToFirstContact' };
  if (commitment.unit === 'per-month' && commitment.team === 'marketing') {
    const stages = agreement.lifecycle.stages;
    const stageId = stageNamedIn(commitment.description, stages) ?? agreement.handoff.stageId;
    if (stageId !== null && stages.some((s) => s.id === stageId)) return { kind: 'stage', stageId };
  }
  return null;
}

const countOf = (month: MonthlyActuals | undefined, stageId: string) => month?.stages.find((s) => s.stageId === stageId)?.count ?? null;

function stageReviews(agreement: Agreement, month: MonthlyActuals | undefined): StageReview[] {
  return agreement.lifecycle.stages.map((stage) => {
    const target = agreement.goals.targets.find((t) => t.stageId === stage.id)?.monthly ?? null;
    const actual = countOf(month, stage.id);
    const pctOfTarget = actual === null || target === null || target === 0 ? null : (actual * 100) / target;
    return { stageId: stage.id, key: stage.key, name: stage.name, target, actual, pctOfTarget, status: targetStatus(actual, target, false) };
  });
}

function kpiReviews(kpis: readonly Kpi[], month: MonthlyActuals, stages: readonly Stage[]): KpiReview[] {
  return kpisForMonth(kpis, month, stages).map((value, i) => ({ ...value, name: kpis[i]?.name ?? '' }));
}

/**
 * The review of one month of an agreement: per stage target against actual, the KPIs with their targets,
 * each commitment's compliance, the 12-month trend, and the meeting's notes and decisions. `months` are the
 * lineage's stored actuals in any order; a month not among them reviews as all "no data". `links` names a
 * commitment's measure by commitment id and wins over the inferred one (`inferMeasure`).
 */
export function monthReview(
  agreement: Agreement,
  months: readonly MonthlyActuals[],
  month: string,
  links: Readonly<Record<string, CommitmentMeasure>> = {},
): MonthReview {
  if (!isReviewMonth(month)) throw new RangeError(`not a month: ${month}`);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const stored = byMonth.get(month);
  const current = stored ?? emptyMonth(month);
  const stages = agreement.lifecycle.stages;
  const commitments = agreement.protocol.commitments;

  const measures: Record<string, CommitmentMeasure> = {};
  const sources = new Map<string, MeasureSource>();
  for (const c of commitments) {
    const linked = links[c.id];
    const measure = linked ?? inferMeasure(c, agreement);
    if (measure) measures[c.id] = measure;
    sources.set(c.id, linked ? 'linked' : measure ? 'inferred' : 'none');
  }
  const compliance = complianceByMonth(commitments, measures, [current])[0] ?? [];

  const trend = monthsEndingWith(month, REVIEW_TREND_MONTHS).map((m): TrendMonth => {
    const entry = byMonth.get(m);
    return {
      month: m,
      entered: entry !== undefined,
      stages: stages.map((s) => ({ stageId: s.id, actual: countOf(entry, s.id) })),
      kpis: kpisForMonth(agreement.kpis, entry ?? emptyMonth(m), stages).map((k) => ({ kpiId: k.kpiId, value: k.value })),
    };
  });

  return {
    month,
    entered: stored !== undefined,
    currency: agreement.meta.currency,
    stages: stageReviews(agreement, stored),
    kpis: kpiReviews(agreement.kpis, current, stages),
    commitments: commitments.map((c, i) => ({
      ...(compliance[i] ?? { commitmentId: c.id, month, measure: null, value: null, status: 'no-data' as const }),
      team: c.team,
      description: c.description,
      min: c.min,
      max: c.max,
      unit: c.unit,
      measureSource: sources.get(c.id) ?? 'none',
    })),
    figures: {
      revenue: current.revenue,
      medianHoursToFirstContact: current.medianHoursToFirstContact,
      pctContactedWithinSla: current.pctContactedWithinSla,
      pctWithRequiredAttempts: current.pctWithRequiredAttempts,
      rejected: current.rejected,
    },
    trend,
    notes: current.notes,
    decisions: current.decisions,
    imported: current.imported,
  };
}
