import { sortMonths } from '../model/actuals';
import { FUNNEL_KEYS, funnelChain, RATE_KEYS, type ChainStage, type FunnelSource, type RateKey } from '../model/funnel';
import { LIMITS } from '../model/limits';
import type { Stage } from '../model/schema';

/** The figures of one month that the funnel's history reads (a stored month of actuals will do). */
export interface HistoryMonth {
  month: string;
  stages: readonly { stageId: string; count: number | null }[];
  revenue?: number | null;
}

/** How many reached one stage over the months used, and per month on average. */
export interface StageVolume {
  stageId: string;
  key: Stage['key'];
  name: string;
  /** Sum over the months that have a count for this stage; null when none has. */
  total: number | null;
  /** How many of the months used have a count for this stage (a month left empty is unknown, not 0). */
  monthsCounted: number;
  /** total ÷ monthsCounted; null when no month has a count. */
  monthlyAverage: number | null;
}

/** What the last months of actuals say about the funnel: the calculator's inputs as the CRM saw them. */
export interface FunnelHistory {
  /** The months used, in calendar order. */
  months: string[];
  /** Every stage of the agreement's funnel, top to bottom, custom stages included. */
  stages: StageVolume[];
  /** Conversion between consecutive default stages in percent, summed over the months (null: the months cannot say). */
  rates: Record<RateKey, number | null>;
  /** Revenue over the months that have it, and its monthly average; null when no month has revenue. */
  revenue: { total: number; monthsCounted: number; monthlyAverage: number } | null;
  /** Revenue ÷ customers over the months that have both; null when unknown or no customer was won. */
  revenuePerCustomer: number | null;
}

const known = (n: number | null | undefined): n is number => n !== null && n !== undefined && Number.isFinite(n);
const countOf = (month: HistoryMonth, stageId: string): number | null => {
  const count = month.stages.find((s) => s.stageId === stageId)?.count;
  return known(count) ? count : null;
};

/** A month says something about the funnel when it has a stage count or revenue. */
export function hasFigures(month: HistoryMonth): boolean {
  return month.stages.some((s) => known(s.count)) || known(month.revenue);
}

/** The `n` most recent months with figures, in calendar order (months nobody filled in are skipped, not counted as 0). */
export function lastMonthsWithFigures<T extends HistoryMonth>(months: readonly T[], n: number): T[] {
  if (!Number.isInteger(n) || n < 1) return [];
  return sortMonths(months.filter(hasFigures)).slice(-n);
}

function volume(stage: ChainStage, months: readonly HistoryMonth[]): StageVolume {
  const counts = months.map((m) => countOf(m, stage.id)).filter(known);
  const total = counts.length ? counts.reduce((a, b) => a + b, 0) : null;
  return {
    stageId: stage.id,
    key: stage.key,
    name: stage.name,
    total,
    monthsCounted: counts.length,
    monthlyAverage: total === null ? null : total / counts.length,
  };
}

/**
 * Σ later ÷ Σ earlier over the months that have both counts, in percent. Summing first weighs a busy month
 * more than a quiet one (an average of monthly ratios would let a month with 2 leads count as much as one
 * with 2,000); a month missing either count is left out of both sums so it cannot skew the ratio.
 */
function summedRate(months: readonly HistoryMonth[], fromId: string, toId: string): number | null {
  let from = 0;
  let to = 0;
  let used = 0;
  for (const month of months) {
    const a = countOf(month, fromId);
    const b = countOf(month, toId);
    if (a === null || b === null) continue;
    from += a;
    to += b;
    used++;
  }
  return used === 0 || from === 0 ? null : (to / from) * 100;
}

/**
 * The funnel as the last `n` months with figures saw it: monthly volumes per stage, the conversion between
 * consecutive default stages (Lead → MQL → SQL → Opportunity → Customer, the calculator's four rates) and the
 * revenue per customer won. Null wherever the months cannot say (no count, nothing to divide by, a stage the
 * agreement lacks).
 */
export function funnelHistory(agreement: FunnelSource, allMonths: readonly HistoryMonth[], n: number): FunnelHistory {
  const months = lastMonthsWithFigures(allMonths, n);
  const chain = funnelChain(agreement);
  const stages = chain.map((stage) => volume(stage, months));
  const byKey = new Map<Stage['key'], ChainStage>();
  for (const stage of chain) if (stage.key !== 'custom' && !byKey.has(stage.key)) byKey.set(stage.key, stage);

  const rates = Object.fromEntries(
    RATE_KEYS.map((rate, i) => {
      const from = byKey.get(FUNNEL_KEYS[i] as Stage['key']);
      const to = byKey.get(FUNNEL_KEYS[i + 1] as Stage['key']);
      return [rate, from && to ? summedRate(months, from.id, to.id) : null];
    }),
  ) as Record<RateKey, number | null>;

  const revenues = months.map((m) => m.revenue).filter(known);
  const revenueTotal = revenues.reduce((a, b) => a + b, 0);
  const revenue = revenues.length ? { total: revenueTotal, monthsCounted: revenues.length, monthlyAverage: revenueTotal / revenues.length } : null;

  let revenuePerCustomer: number | null = null;
  const customer = byKey.get('customer');
  if (customer) {
    let money = 0;
    let won = 0;
    for (const m of months) {
      const count = countOf(m, customer.id);
      if (!known(m.revenue) || count === null) continue;
      money += m.revenue;
      won += count;
    }
    revenuePerCustomer = won > 0 ? money / won : null;
  }

  return { months: months.map((m) => m.month), stages, rates, revenue, revenuePerCustomer };
}

/** One calculator input the history can fill, with the value it would be given. */
export type PrefillField = 'averageDealSize' | RateKey;
export type CalculatorPrefill = Partial<Record<PrefillField, number>>;

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/**
 * The calculator inputs the history can honestly fill: the average deal size from revenue per customer, and
 * each rate the months can say, rounded as the boxes show them (2 and 1 decimals). A rate of 0 or above 100 %
 * (more MQLs than leads in the same months: records that entered earlier) cannot be a conversion the
 * calculator works with, so it is left for the group to decide rather than filled with a wrong number.
 */
export function calculatorPrefill(history: FunnelHistory): CalculatorPrefill {
  const out: CalculatorPrefill = {};
  if (history.revenuePerCustomer !== null) {
    const deal = round(history.revenuePerCustomer, 2);
    if (deal > 0 && deal <= LIMITS.maxNumber) out.averageDealSize = deal;
  }
  for (const key of RATE_KEYS) {
    const rate = history.rates[key];
    if (rate === null) continue;
    const shown = round(rate, 1);
    if (shown > 0 && shown <= 100) out[key] = shown;
  }
  return out;
}
