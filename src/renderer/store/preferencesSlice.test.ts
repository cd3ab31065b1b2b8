import { afterEach, describe, expect, it } from 'vitest';
import { PREFERENCES_STORAGE_KEY, resetAppStore, useAppStore } from './appStore';
import { historyMarksOf, lastStepOf, REMEMBERED_STEPS, type HistoryMarks } from './preferencesSlice';

afterEach(() => resetAppStore());

describe('the step each agreement was left on', () => {
  it('is remembered per agreement and persisted with the preferences', () => {
    useAppStore.getState().rememberStep('a1', 'goals');
    useAppStore.getState().rememberStep('a2', 'review');
    useAppStore.getState().rememberStep('a1', 'kpis');
    expect(lastStepOf(useAppStore.getState(), 'a1')).toBe('kpis');
    expect(lastStepOf(useAppStore.getState(), 'a2')).toBe('review');
    expect(lastStepOf(useAppStore.getState(), 'never-opened')).toBe('participants');
    const persisted = useAppStore.persist.getOptions().partialize?.(useAppStore.getState()) as { lastSteps: Record<string, string> };
    expect(persisted.lastSteps).toEqual({ a2: 'review', a1: 'kpis' });
    expect(PREFERENCES_STORAGE_KEY).toBe('sla-workshop.preferences');
  });

  it('forgets the least recently used beyond its limit', () => {
    for (let i = 0; i <= REMEMBERED_STEPS; i++) useAppStore.getState().rememberStep(`a${i}`, 'icp');
    const kept = Object.keys(useAppStore.getState().lastSteps);
    expect(kept).toHaveLength(REMEMBERED_STEPS);
    expect(kept).not.toContain('a0');
    expect(kept.at(-1)).toBe(`a${REMEMBERED_STEPS}`);
  });

  it('treats what storage holds as untrusted', () => {
    expect(lastStepOf({ lastSteps: { a1: 'nowhere' } as never }, 'a1')).toBe('participants');
    expect(lastStepOf({ lastSteps: null as never }, 'a1')).toBe('participants');
    expect(lastStepOf({ lastSteps: {} }, 'constructor')).toBe('participants');
    expect(lastStepOf({ lastSteps: {} }, '__proto__')).toBe('participants');
  });
});

describe('the calculator numbers prefilled from the monthly results', () => {
  it('are remembered per agreement, persisted, and replaced by the next prefill', () => {
    const marks: HistoryMarks = { from: '2027-01', to: '2027-03', values: { averageDealSize: 12_500, mqlToSql: 45 } };
    useAppStore.getState().rememberHistoryMarks('a1', marks);
    useAppStore.getState().rememberHistoryMarks('a1', { ...marks, to: '2027-06' });
    expect(historyMarksOf(useAppStore.getState(), 'a1')).toEqual({ ...marks, to: '2027-06' });
    expect(historyMarksOf(useAppStore.getState(), 'a2')).toBeNull();
    const persisted = useAppStore.persist.getOptions().partialize?.(useAppStore.getState()) as { historyMarks: Record<string, HistoryMarks> };
    expect(Object.keys(persisted.historyMarks)).toEqual(['a1']);
  });

  it('ignore what a tampered local storage holds', () => {
    const stored = (value: unknown) => ({ historyMarks: { a1: value } as never });
    expect(historyMarksOf(stored({ from: 'x', to: '2027-03', values: {} }), 'a1')).toBeNull();
    expect(historyMarksOf(stored('nonsense'), 'a1')).toBeNull();
    expect(historyMarksOf({ historyMarks: {} }, '__proto__')).toBeNull();
    // Only known boxes with real numbers survive.
    expect(historyMarksOf(stored({ from: '2027-01', to: '2027-03', values: { leadToMql: '40', revenueGoal: 1, mqlToSql: 45 } }), 'a1')).toEqual({
      from: '2027-01',
      to: '2027-03',
      values: { mqlToSql: 45 },
    });
  });
});
