import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createBlank } from '../../../../../shared/model/defaults';
import { agreementSchema } from '../../../../../shared/model/schema';
import { swapCommitments } from '../protocol/commitmentEdits';
import { addStage, canRemove, moveStage, removeStage, restoreStage } from './stageEdits';

describe('stage edits', () => {
  const blank = createBlank('en');

  it('add a stage with its own empty target row', () => {
    const next = produce(blank, (d) => void addStage(d));
    const added = next.lifecycle.stages.at(-1);
    expect(added).toMatchObject({ key: 'custom', name: '', optional: false });
    expect(next.goals.targets.at(-1)).toEqual({ stageId: added?.id, monthly: null });
  });

  it('remove a stage together with its target and, when it was the handoff stage, the handoff', () => {
    const sqlIndex = blank.lifecycle.stages.findIndex((s) => s.key === 'sql');
    const sqlId = blank.lifecycle.stages[sqlIndex]?.id;
    expect(blank.handoff.stageId).toBe(sqlId);
    const next = produce(blank, (d) => removeStage(d, sqlIndex));
    expect(next.lifecycle.stages.some((s) => s.id === sqlId)).toBe(false);
    expect(next.goals.targets.some((t) => t.stageId === sqlId)).toBe(false);
    expect(next.handoff.stageId).toBeNull();
    expect(agreementSchema.safeParse(next).success).toBe(true);
  });

  it('leave the handoff alone when another stage is removed', () => {
    const next = produce(blank, (d) => removeStage(d, 4));
    expect(next.handoff.stageId).toBe(blank.handoff.stageId);
    expect(next.goals.targets).toHaveLength(4);
  });

  it('keep Lead, MQL and SQL unless a duplicate remains', () => {
    expect(blank.lifecycle.stages.map((_, i) => canRemove(blank.lifecycle.stages, i))).toEqual([false, false, false, true, true]);
    const twoLeads = [{ key: 'lead' as const }, { key: 'lead' as const }];
    expect(canRemove(twoLeads, 0)).toBe(true);
  });

  it('restore a missing SQL after the MQL, with a target row', () => {
    const without = produce(blank, (d) => void d.lifecycle.stages.splice(2, 1));
    const next = produce(without, (d) => void restoreStage(d, 'sql'));
    expect(next.lifecycle.stages.map((s) => s.key)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
    const restored = next.lifecycle.stages[2];
    expect(next.goals.targets.some((t) => t.stageId === restored?.id)).toBe(true);
  });

  it('move stages without touching anything else', () => {
    const next = produce(blank, (d) => moveStage(d, 4, 3));
    expect(next.lifecycle.stages.map((s) => s.key)).toEqual(['lead', 'mql', 'sql', 'customer', 'opportunity']);
    expect(next.goals).toBe(blank.goals);
  });
});

describe('commitment edits', () => {
  it('swap two commitments of a team that are not next to each other', () => {
    const base = produce(createBlank('en'), (d) => {
      d.protocol.commitments = (['sales', 'marketing', 'sales'] as const).map((team, i) => ({
        id: `c${i}`,
        team,
        description: `${i}`,
        min: null,
        max: null,
        unit: 'per-month',
      }));
    });
    const next = produce(base, (d) => swapCommitments(d, 0, 2));
    expect(next.protocol.commitments.map((c) => c.id)).toEqual(['c2', 'c1', 'c0']);
    expect(agreementSchema.safeParse(next).success).toBe(true);
  });
});
