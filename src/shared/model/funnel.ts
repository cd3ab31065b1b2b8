import type { Agreement } from './schema';

/** The stages the reverse funnel knows, from the top of the funnel to the bottom. */
export const FUNNEL_KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export type FunnelKey = (typeof FUNNEL_KEYS)[number];

/** The calculator's four stage-to-stage rates, in funnel order: RATE_KEYS[i] converts FUNNEL_KEYS[i] into FUNNEL_KEYS[i + 1]. */
export const RATE_KEYS = ['leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToCustomer'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export interface FunnelInputs {
  revenueGoal: number | null;
  averageDealSize: number | null;
  /** Percent, in (0, 100]. */
  rates: Record<RateKey, number | null>;
}

export interface FunnelResult {
  customers: number;
  opportunities: number;
  sqls: number;
  mqls: number;
  leads: number;
}

/** Which result field holds each stage's number. */
export const RESULT_FIELD: Record<FunnelKey, keyof FunnelResult> = {
  lead: 'leads',
  mql: 'mqls',
  sql: 'sqls',
  opportunity: 'opportunities',
  customer: 'customers',
};

/**
 * Rounds up, ignoring the last-bit noise of binary division: 1.1 / 0.1 gives 11.000000000000002, which a
 * plain ceil would turn into 12. The tolerance is far below what a person can type, so a genuine
 * fraction (11.001) still rounds up.
 */
function ceilExact(x: number): number {
  // max() also turns the -0 that ceil(-1e-9) gives into a plain 0.
  return Math.max(0, Math.ceil(x - (1e-9 + Math.abs(x) * 1e-14)));
}

const validRate = (rate: number | null): rate is number => rate !== null && Number.isFinite(rate) && rate > 0 && rate <= 100;

/**
 * Works the funnel backwards from a monthly revenue goal: customers needed, then how many of each earlier
 * stage it takes to produce them at the given conversion rates. Each stage is rounded up, so no stage ever
 * falls short of what the next one needs. Null when an input is missing or out of range.
 */
export function reverseFunnel({ revenueGoal, averageDealSize, rates }: FunnelInputs): FunnelResult | null {
  if (revenueGoal === null || !Number.isFinite(revenueGoal) || revenueGoal < 0) return null;
  if (averageDealSize === null || !Number.isFinite(averageDealSize) || averageDealSize <= 0) return null;
  const { leadToMql, mqlToSql, sqlToOpportunity, opportunityToCustomer } = rates;
  if (!validRate(leadToMql) || !validRate(mqlToSql) || !validRate(sqlToOpportunity) || !validRate(opportunityToCustomer)) return null;
  // Multiply by 100 before dividing by the percent: 100 / 50 is exact where 1 / 0.5 chains can drift.
  const before = (next: number, rate: number) => ceilExact((next * 100) / rate);
  const customers = ceilExact(revenueGoal / averageDealSize);
  const opportunities = before(customers, opportunityToCustomer);
  const sqls = before(opportunities, sqlToOpportunity);
  const mqls = before(sqls, mqlToSql);
  const leads = before(mqls, leadToMql);
  // Absurd inputs (a deal size of 0.000001) give numbers no one can act on, and past 2^53 not even integers.
  if (![customers, opportunities, sqls, mqls, leads].every(Number.isSafeInteger)) return null;
  return { customers, opportunities, sqls, mqls, leads };
}

export type FunnelWarningKey = 'laterLarger' | 'rateOver100' | 'farFromCalculator' | 'rateFar';

/** One inconsistency in the targets; `key` is under `steps.goals.warnings`, `stageIds` the stages involved. */
export interface FunnelWarning {
  key: FunnelWarningKey;
  params: Record<string, string | number>;
  stageIds?: string[];
}

/** Beyond these, a target no longer matches the calculator (relative) or a rate the entered history (points). */
export const TARGET_TOLERANCE = 0.2;
export const RATE_TOLERANCE_POINTS = 10;
const EPSILON = 1e-9;

/** The parts of an agreement the funnel reads (the whole agreement will do). */
export type FunnelSource = Pick<Agreement, 'lifecycle' | 'goals'>;

interface FunnelStage {
  key: FunnelKey;
  id: string;
  name: string;
  target: number | null;
}

/** The agreement's funnel stages in funnel order (the first stage of each key), with their monthly targets. */
export function funnelStages(agreement: FunnelSource): FunnelStage[] {
  const stages: FunnelStage[] = [];
  for (const key of FUNNEL_KEYS) {
    const stage = agreement.lifecycle.stages.find((s) => s.key === key);
    if (!stage) continue;
    const target = agreement.goals.targets.find((t) => t.stageId === stage.id)?.monthly ?? null;
    stages.push({ key, id: stage.id, name: stage.name, target });
  }
  return stages;
}

/**
 * Targets that cannot all be true at once, or that disagree with the calculator: a later stage above an
 * earlier one (for neighbouring stages that is a conversion over 100 %), targets more than 20 % away from
 * what the calculator says the revenue goal needs, and implied conversions more than 10 points away from
 * the rates the group entered from its history.
 */
export function checkTargets(agreement: FunnelSource): FunnelWarning[] {
  const warnings: FunnelWarning[] = [];
  const stages = funnelStages(agreement);
  const withTarget = stages.filter((s): s is FunnelStage & { target: number } => s.target !== null);
  const rates = agreement.goals.calculator.rates;

  for (let i = 1; i < withTarget.length; i++) {
    const earlier = withTarget[i - 1];
    const later = withTarget[i];
    if (!earlier || !later) continue;
    const neighbours = FUNNEL_KEYS.indexOf(later.key) === FUNNEL_KEYS.indexOf(earlier.key) + 1;
    const stageIds = [earlier.id, later.id];
    if (later.target > earlier.target) {
      // Neighbours: the implied conversion itself is impossible. Otherwise a stage in between has no
      // target (or the earlier one is 0), so there is no rate to name, only an order that cannot hold.
      if (neighbours && earlier.target > 0) {
        warnings.push({ key: 'rateOver100', params: { from: earlier.name, to: later.name, rate: (later.target / earlier.target) * 100 }, stageIds });
      } else {
        warnings.push({ key: 'laterLarger', params: { earlier: earlier.name, later: later.name, earlierValue: earlier.target, laterValue: later.target }, stageIds });
      }
      continue;
    }
    const entered = neighbours ? rates[RATE_KEYS[FUNNEL_KEYS.indexOf(earlier.key)] as RateKey] : null;
    if (entered === null || earlier.target === 0) continue;
    const implied = (later.target / earlier.target) * 100;
    if (Math.abs(implied - entered) > RATE_TOLERANCE_POINTS + EPSILON) {
      warnings.push({ key: 'rateFar', params: { from: earlier.name, to: later.name, implied, entered }, stageIds });
    }
  }

  const result = reverseFunnel(agreement.goals.calculator);
  if (result) {
    for (const stage of withTarget) {
      if (stage.key !== 'lead' && stage.key !== 'mql' && stage.key !== 'sql') continue;
      const expected = result[RESULT_FIELD[stage.key]];
      const far = expected === 0 ? stage.target > 0 : Math.abs(stage.target - expected) / expected > TARGET_TOLERANCE + EPSILON;
      if (far) warnings.push({ key: 'farFromCalculator', params: { stage: stage.name, target: stage.target, expected }, stageIds: [stage.id] });
    }
  }
  return warnings;
}
