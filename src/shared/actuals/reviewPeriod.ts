import type { FunnelSource } from '../model/funnel';
import type { Stage } from '../model/schema';
import { funnelHistory, type HistoryMonth } from './history';

/** One stage in the formal review: what the period achieved against what its targets asked for. */
export interface PeriodRow {
  stageId: string;
  key: Stage['key'];
  name: string;
  /** The agreement's monthly target for this stage; null when none is set. */
  monthlyTarget: number | null;
  /** Months of the period with a count for this stage: the target is multiplied by these, not by the period's length. */
  monthsCounted: number;
  /** Sum of the counts over those months; null when none has a count. */
  actual: number | null;
  /** monthlyTarget × monthsCounted; null without a target or without counted months. */
  target: number | null;
  /** actual ÷ target in percent; null when either is unknown or the target is 0. */
  pctAchieved: number | null;
  monthlyAverage: number | null;
  /** The monthly target the period supports: its monthly average, rounded to a whole number; null when unknown. */
  proposed: number | null;
}

export interface PeriodReview {
  /** The months used (the last ones with figures, at most the review interval), in calendar order. */
  months: string[];
  rows: PeriodRow[];
}

/**
 * The formal review of the agreement: the last `periodMonths` months with figures (six, or two when the
 * agreement is in high growth), each stage's actuals summed against its monthly target times the months that
 * were counted, and a proposed new monthly target from what was achieved. A month nobody filled in neither
 * lowers the actuals nor raises the target.
 */
export function reviewPeriod(agreement: FunnelSource, months: readonly HistoryMonth[], periodMonths: number): PeriodReview {
  const history = funnelHistory(agreement, months, periodMonths);
  const rows = history.stages.map((stage): PeriodRow => {
    const monthlyTarget = agreement.goals.targets.find((t) => t.stageId === stage.stageId)?.monthly ?? null;
    const target = monthlyTarget === null || stage.monthsCounted === 0 ? null : monthlyTarget * stage.monthsCounted;
    const pctAchieved = target === null || target === 0 || stage.total === null ? null : (stage.total / target) * 100;
    return {
      stageId: stage.stageId,
      key: stage.key,
      name: stage.name,
      monthlyTarget,
      monthsCounted: stage.monthsCounted,
      actual: stage.total,
      target,
      pctAchieved,
      monthlyAverage: stage.monthlyAverage,
      proposed: stage.monthlyAverage === null ? null : Math.round(stage.monthlyAverage),
    };
  });
  return { months: history.months, rows };
}

/** A proposed change to one stage's monthly target, as the Amend dialog shows it (before → after). */
export interface TargetChange {
  stageId: string;
  name: string;
  before: number | null;
  after: number;
}

/** The stages whose target the proposal would change; a stage already at its proposed target is not a change. */
export function proposedChanges(review: PeriodReview): TargetChange[] {
  return review.rows.flatMap((row) =>
    row.proposed === null || row.proposed === row.monthlyTarget
      ? []
      : [{ stageId: row.stageId, name: row.name, before: row.monthlyTarget, after: row.proposed }],
  );
}

/**
 * Writes the chosen changes into a list of targets (in place, for an immer draft): a stage's row is updated,
 * or added when the stage had no target yet; every other target stays as it was.
 */
export function applyTargetChanges(targets: { stageId: string; monthly: number | null }[], changes: readonly Pick<TargetChange, 'stageId' | 'after'>[]): void {
  for (const { stageId, after } of changes) {
    const row = targets.find((t) => t.stageId === stageId);
    if (row) row.monthly = after;
    else targets.push({ stageId, monthly: after });
  }
}
