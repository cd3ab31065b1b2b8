import {
  ceilExact,
  FUNNEL_KEYS,
  funnelChain,
  RESULT_FIELD,
  reverseFunnelOutcome,
  tooLargeForTarget,
  type ChainStage,
  type FunnelKey,
  type FunnelProblem,
  type FunnelSource,
} from './funnel';

/**
 * What the reverse-funnel calculator shows, stage by stage, custom stages included.
 *
 * The calculator's rates join the default stages (Lead → MQL → SQL → Opportunity → Customer) and the
 * agreement has no rate of its own for a custom stage. A custom stage ("Demo" between SQL and Opportunity)
 * is therefore placed by the targets the group set: it keeps the proportion its monthly target has to the
 * next default stage's target (the stage it feeds), or, at the bottom of the funnel, to the previous one's.
 * The conversions into and out of it follow from that and are shown, so the room can see and question
 * them; the default stages' numbers never change because a custom stage is added.
 */

/** Why a custom stage has no number: no target of its own yet, or no neighbouring target to compare with. */
export type CustomGap = 'noTarget' | 'noReference';

export interface PlanStage {
  key: ChainStage['key'];
  /** The lifecycle stage; null for a default stage this agreement does not have (shown, never applied). */
  id: string | null;
  name: string;
  target: number | null;
  /** What the revenue goal needs each month; null while the calculator (or this custom stage) cannot say. */
  needed: number | null;
  /** Custom stages: which stage's target places it, the implied conversions (percent), or why it has no number. */
  custom?: { referenceId: string | null; rateIn: number | null; rateOut: number | null; gap: CustomGap | null };
}

export interface FunnelPlan {
  stages: PlanStage[];
  /** Why there are no numbers at all, or null when the calculator could compute. */
  problem: FunnelProblem | null;
}

/** The funnel top to bottom with the default stages the agreement lacks put back in their place (dimmed on screen). */
function withMissingDefaults(chain: ChainStage[]): (ChainStage | { key: FunnelKey; id: null })[] {
  const out: (ChainStage | { key: FunnelKey; id: null })[] = [];
  let next = 0;
  const fillTo = (position: number) => {
    for (; next < position; next++) out.push({ key: FUNNEL_KEYS[next] as FunnelKey, id: null });
  };
  for (const stage of chain) {
    if (stage.key !== 'custom') {
      fillTo(FUNNEL_KEYS.indexOf(stage.key));
      next = FUNNEL_KEYS.indexOf(stage.key) + 1;
    }
    out.push(stage);
  }
  fillTo(FUNNEL_KEYS.length);
  return out;
}

export function planFunnel(source: FunnelSource): FunnelPlan {
  const outcome = reverseFunnelOutcome(source.goals.calculator);
  const result = outcome.ok ? outcome.result : null;
  const stages: PlanStage[] = withMissingDefaults(funnelChain(source)).map((stage) =>
    stage.id === null
      ? { key: stage.key, id: null, name: '', target: null, needed: result ? result[RESULT_FIELD[stage.key]] : null }
      : {
          key: stage.key,
          id: stage.id,
          name: stage.name,
          target: stage.target,
          needed: result && stage.key !== 'custom' ? result[RESULT_FIELD[stage.key]] : null,
        },
  );
  if (!result) {
    for (const stage of stages) if (stage.key === 'custom') stage.custom = { referenceId: null, rateIn: null, rateOut: null, gap: null };
    return { stages, problem: outcome.ok ? null : outcome.problem };
  }

  // A usable reference: a default stage of this agreement with a positive target and a number.
  const usable = (s: PlanStage | undefined) => s && s.key !== 'custom' && s.id !== null && s.target !== null && s.target > 0 && s.needed !== null;
  stages.forEach((stage, index) => {
    if (stage.key !== 'custom') return;
    const next = stages.slice(index + 1).find(usable);
    const previous = stages.slice(0, index).reverse().find(usable);
    const reference = next ?? previous;
    if (stage.target === null || !reference) {
      stage.custom = { referenceId: reference?.id ?? null, rateIn: null, rateOut: null, gap: stage.target === null ? 'noTarget' : 'noReference' };
      return;
    }
    stage.needed = ceilExact(((reference.needed as number) * stage.target) / (reference.target as number));
    stage.custom = { referenceId: reference.id, rateIn: null, rateOut: null, gap: null };
  });

  const tooLarge = stages.find((s) => s.key === 'custom' && s.needed !== null && tooLargeForTarget(s.needed));
  if (tooLarge) {
    for (const stage of stages) stage.needed = null;
    return { stages, problem: { kind: 'tooLarge', stage: 'custom', name: tooLarge.name } };
  }

  // Conversions into and out of each custom stage, between the stages of this agreement that have a number.
  const shown = stages.filter((s) => s.id !== null && s.needed !== null);
  for (const stage of stages) {
    if (!stage.custom || stage.needed === null) continue;
    const at = shown.indexOf(stage);
    const before = shown[at - 1];
    const after = shown[at + 1];
    stage.custom.rateIn = before?.needed ? (stage.needed / before.needed) * 100 : null;
    stage.custom.rateOut = after?.needed !== undefined && after.needed !== null && stage.needed > 0 ? (after.needed / stage.needed) * 100 : null;
  }
  return { stages, problem: null };
}

/** The targets "Apply to targets" writes: every stage of the agreement the calculator has a number for. */
export function plannedTargets(plan: FunnelPlan): { stageId: string; monthly: number }[] {
  return plan.stages.flatMap((s) => (s.id !== null && s.needed !== null ? [{ stageId: s.id, monthly: s.needed }] : []));
}
