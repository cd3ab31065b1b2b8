import type { Draft } from 'immer';
import { defaultStages } from '../../../../../shared/model/defaults';
import { newId } from '../../../../../shared/model/ids';
import type { Agreement, Stage } from '../../../../../shared/model/schema';

/**
 * Stage edits that keep the rest of the agreement consistent. Goals keep one target row per stage and the
 * handoff points at a stage by id, so adding or removing a stage updates them in the same recipe: one
 * edit, one undo step, never a moment where the saved agreement refers to a stage that is gone.
 */

export const REQUIRED_KEYS = ['lead', 'mql', 'sql'] as const;
export type RequiredKey = (typeof REQUIRED_KEYS)[number];
const FUNNEL_ORDER: Stage['key'][] = ['lead', 'mql', 'sql', 'opportunity', 'customer'];

export const isRequired = (key: Stage['key']): key is RequiredKey => (REQUIRED_KEYS as readonly string[]).includes(key);

/** A required stage may go only while another stage of the same kind stays (duplicates from an import). */
export function canRemove(stages: readonly Pick<Stage, 'key'>[], index: number): boolean {
  const key = stages[index]?.key;
  if (!key || !isRequired(key)) return true;
  return stages.filter((s) => s.key === key).length > 1;
}

export function addStage(draft: Draft<Agreement>): number {
  const last = draft.lifecycle.stages[draft.lifecycle.stages.length - 1];
  const stage: Stage = { id: newId(), key: 'custom', name: '', definition: '', owner: last?.owner ?? 'sales', entryCriteria: '', optional: false };
  draft.lifecycle.stages.push(stage);
  draft.goals.targets.push({ stageId: stage.id, monthly: null });
  return draft.lifecycle.stages.length - 1;
}

export function removeStage(draft: Draft<Agreement>, index: number): void {
  const [removed] = draft.lifecycle.stages.splice(index, 1);
  if (!removed) return;
  draft.goals.targets = draft.goals.targets.filter((t) => t.stageId !== removed.id);
  if (draft.handoff.stageId === removed.id) draft.handoff.stageId = null;
}

export function moveStage(draft: Draft<Agreement>, from: number, to: number): void {
  const stages = draft.lifecycle.stages;
  if (to < 0 || to >= stages.length) return;
  const [stage] = stages.splice(from, 1);
  if (stage) stages.splice(to, 0, stage);
}

/**
 * Puts back a required stage that is missing (an imported file, say) with its default name and definition,
 * after the stages that come before it in the funnel. New stages are always "custom", so without this an
 * agreement missing its SQL could never be completed.
 */
export function restoreStage(draft: Draft<Agreement>, key: RequiredKey): number {
  const stage = defaultStages(draft.meta.language).find((s) => s.key === key);
  if (!stage) return -1;
  const earlier = FUNNEL_ORDER.slice(0, FUNNEL_ORDER.indexOf(key));
  const stages = draft.lifecycle.stages;
  let at = 0;
  stages.forEach((s, i) => {
    if (earlier.includes(s.key)) at = i + 1;
  });
  stages.splice(at, 0, stage);
  draft.goals.targets.push({ stageId: stage.id, monthly: null });
  return at;
}
