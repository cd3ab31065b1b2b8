import { LIMITS } from './limits';
import type { Agreement, Stage, Team } from './schema';

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
export function ceilExact(x: number): number {
  // max() also turns the -0 that ceil(-1e-9) gives into a plain 0.
  return Math.max(0, Math.ceil(x - (1e-9 + Math.abs(x) * 1e-14)));
}

/** The calculator's inputs, as the "what is still missing" message names them. */
export type CalculatorField = 'revenueGoal' | 'averageDealSize' | RateKey;

/**
 * Why the calculator shows no numbers, each with its own message: something not entered yet, a value that
 * makes the division impossible (a deal size or a rate of 0), or results larger than a target can hold.
 */
export type FunnelProblem =
  | { kind: 'missing'; fields: CalculatorField[] }
  | { kind: 'zeroDealSize' }
  | { kind: 'zeroRate'; rate: RateKey }
  | { kind: 'outOfRange'; field: CalculatorField }
  | { kind: 'tooLarge'; stage: FunnelKey | 'custom'; name?: string };

export type FunnelOutcome = { ok: true; result: FunnelResult } | { ok: false; problem: FunnelProblem };

/** A stage needing more than a target can hold (LIMITS.maxNumber) cannot be applied, so it is refused. */
export const tooLargeForTarget = (n: number): boolean => !Number.isSafeInteger(n) || n > LIMITS.maxNumber;

/**
 * Works the funnel backwards from a monthly revenue goal: customers needed, then how many of each earlier
 * stage it takes to produce them at the given conversion rates. Each stage is rounded up, so no stage ever
 * falls short of what the next one needs. When it cannot, it says why.
 */
export function reverseFunnelOutcome({ revenueGoal, averageDealSize, rates }: FunnelInputs): FunnelOutcome {
  const missing: CalculatorField[] = [];
  if (revenueGoal === null) missing.push('revenueGoal');
  if (averageDealSize === null) missing.push('averageDealSize');
  for (const key of RATE_KEYS) if (rates[key] === null) missing.push(key);
  if (missing.length > 0 || revenueGoal === null || averageDealSize === null) return { ok: false, problem: { kind: 'missing', fields: missing } };
  const goal = revenueGoal;
  const deal = averageDealSize;
  if (!Number.isFinite(goal) || goal < 0) return { ok: false, problem: { kind: 'outOfRange', field: 'revenueGoal' } };
  if (!Number.isFinite(deal) || deal < 0) return { ok: false, problem: { kind: 'outOfRange', field: 'averageDealSize' } };
  for (const key of RATE_KEYS) {
    const rate = rates[key] as number;
    if (!Number.isFinite(rate) || rate < 0 || rate > 100) return { ok: false, problem: { kind: 'outOfRange', field: key } };
  }
  if (deal === 0) return { ok: false, problem: { kind: 'zeroDealSize' } };
  // From the bottom up, so the message names the rate nearest the customers first.
  const zero = [...RATE_KEYS].reverse().find((key) => rates[key] === 0);
  if (zero) return { ok: false, problem: { kind: 'zeroRate', rate: zero } };
  const { leadToMql, mqlToSql, sqlToOpportunity, opportunityToCustomer } = rates as Record<RateKey, number>;
  // Multiply by 100 before dividing by the percent: 100 / 50 is exact where 1 / 0.5 chains can drift.
  const before = (next: number, rate: number) => ceilExact((next * 100) / rate);
  const customers = ceilExact(goal / deal);
  const opportunities = before(customers, opportunityToCustomer);
  const sqls = before(opportunities, sqlToOpportunity);
  const mqls = before(sqls, mqlToSql);
  const leads = before(mqls, leadToMql);
  const result = { customers, opportunities, sqls, mqls, leads };
  // From the bottom up: the first stage that outgrows a target is the one to name.
  const huge = [...FUNNEL_KEYS].reverse().find((key) => tooLargeForTarget(result[RESULT_FIELD[key]]));
  if (huge) return { ok: false, problem: { kind: 'tooLarge', stage: huge } };
  return { ok: true, result };
}

/** The calculator's numbers, or null when it cannot compute them (see reverseFunnelOutcome for why). */
export function reverseFunnel(inputs: FunnelInputs): FunnelResult | null {
  const outcome = reverseFunnelOutcome(inputs);
  return outcome.ok ? outcome.result : null;
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
export interface FunnelSource {
  lifecycle: Pick<Agreement['lifecycle'], 'stages'>;
  goals: Pick<Agreement['goals'], 'targets' | 'calculator'>;
}

/** One stage of the funnel as the calculator and the checks see it. */
export interface ChainStage {
  key: Stage['key'];
  id: string;
  name: string;
  owner: Team;
  target: number | null;
}

interface FunnelStage extends ChainStage {
  key: FunnelKey;
}

const targetOf = (agreement: FunnelSource, stageId: string): number | null => agreement.goals.targets.find((t) => t.stageId === stageId)?.monthly ?? null;
const chainStage = (agreement: FunnelSource, stage: Stage): ChainStage => ({
  key: stage.key,
  id: stage.id,
  name: stage.name,
  owner: stage.owner,
  target: targetOf(agreement, stage.id),
});

/**
 * The agreement's funnel from top to bottom: the first stage of each default key in funnel order, and each
 * custom stage right after the default stage it follows in the lifecycle (at the top when none comes before
 * it). In a lifecycle listed in funnel order this is simply the list; a reordered list cannot put "Customer"
 * above "Lead".
 */
export function funnelChain(agreement: FunnelSource): ChainStage[] {
  const stages = agreement.lifecycle.stages;
  const first = new Map<string, Stage>();
  for (const stage of stages) if (stage.key !== 'custom' && !first.has(stage.key)) first.set(stage.key, stage);
  const after = new Map<string, Stage[]>();
  let anchor = 'top';
  for (const stage of stages) {
    if (stage.key === 'custom') after.set(anchor, [...(after.get(anchor) ?? []), stage]);
    else if (first.get(stage.key) === stage) anchor = stage.key;
  }
  const chain = (after.get('top') ?? []).map((s) => chainStage(agreement, s));
  for (const key of FUNNEL_KEYS) {
    const stage = first.get(key);
    if (!stage) continue;
    chain.push(chainStage(agreement, stage), ...(after.get(key) ?? []).map((s) => chainStage(agreement, s)));
  }
  return chain;
}

const isFunnelStage = (stage: ChainStage): stage is FunnelStage => stage.key !== 'custom';

/** The agreement's default funnel stages in funnel order (the first stage of each key), with their monthly targets. */
export function funnelStages(agreement: FunnelSource): FunnelStage[] {
  return funnelChain(agreement).filter(isFunnelStage);
}

/**
 * Targets that cannot all be true at once, or that disagree with the calculator: a later stage above an
 * earlier one, custom stages included (for neighbouring stages that is a conversion over 100 %), targets
 * more than 20 % away from what the calculator says the revenue goal needs, and implied conversions more
 * than 10 points away from the rates the group entered from its history.
 */
export function checkTargets(agreement: FunnelSource): FunnelWarning[] {
  const warnings: FunnelWarning[] = [];
  const chain = funnelChain(agreement);
  const withTarget = chain.filter((s): s is ChainStage & { target: number } => s.target !== null);
  const rates = agreement.goals.calculator.rates;

  for (let i = 1; i < withTarget.length; i++) {
    const earlier = withTarget[i - 1];
    const later = withTarget[i];
    if (!earlier || !later || later.target <= earlier.target) continue;
    const neighbours = chain.indexOf(later) === chain.indexOf(earlier) + 1;
    const stageIds = [earlier.id, later.id];
    // Neighbours: the implied conversion itself is impossible. Otherwise a stage in between has no
    // target (or the earlier one is 0), so there is no rate to name, only an order that cannot hold.
    if (neighbours && earlier.target > 0) {
      warnings.push({ key: 'rateOver100', params: { from: earlier.name, to: later.name, rate: (later.target / earlier.target) * 100 }, stageIds });
    } else {
      warnings.push({
        key: 'laterLarger',
        params: { earlier: earlier.name, later: later.name, earlierValue: earlier.target, laterValue: later.target },
        stageIds,
      });
    }
  }

  // The rates entered join default stages (SQL → opportunity), whatever custom stages sit between them.
  const defaults = chain.filter(isFunnelStage);
  for (let i = 1; i < defaults.length; i++) {
    const earlier = defaults[i - 1];
    const later = defaults[i];
    if (!earlier || !later || earlier.target === null || later.target === null) continue;
    const position = FUNNEL_KEYS.indexOf(earlier.key);
    if (FUNNEL_KEYS.indexOf(later.key) !== position + 1 || earlier.target === 0 || later.target > earlier.target) continue;
    const entered = rates[RATE_KEYS[position] as RateKey];
    if (entered === null) continue;
    const implied = (later.target / earlier.target) * 100;
    if (Math.abs(implied - entered) > RATE_TOLERANCE_POINTS + EPSILON) {
      warnings.push({ key: 'rateFar', params: { from: earlier.name, to: later.name, implied, entered }, stageIds: [earlier.id, later.id] });
    }
  }

  const result = reverseFunnel(agreement.goals.calculator);
  if (result) {
    for (const stage of defaults) {
      if (stage.target === null || (stage.key !== 'lead' && stage.key !== 'mql' && stage.key !== 'sql')) continue;
      const expected = result[RESULT_FIELD[stage.key]];
      const far = expected === 0 ? stage.target > 0 : Math.abs(stage.target - expected) / expected > TARGET_TOLERANCE + EPSILON;
      if (far) warnings.push({ key: 'farFromCalculator', params: { stage: stage.name, target: stage.target, expected }, stageIds: [stage.id] });
    }
  }
  return warnings;
}
