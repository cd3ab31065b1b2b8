import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppStore, useAppStore } from '../../../store/appStore';
import { clockOf, MINUTE_MS, remainingMs, runningStep } from '../timer';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const state = () => useAppStore.getState();
const book = () => state().timer?.book;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  resetAppStore();
});

describe('the facilitation slice', () => {
  it('runs one timer per agreement that follows the current step', () => {
    state().syncTimer('a1', 'icp');
    state().timerCommand('icp', 'start');
    // The on-screen timer ticks (and reports it is still seen) while it runs.
    for (let minute = 1; minute <= 10; minute++) {
      vi.setSystemTime(T0 + minute * MINUTE_MS);
      state().timerHeartbeat();
    }
    state().syncTimer('a1', 'lifecycle');
    expect(runningStep(book()!)).toBe('lifecycle');
    expect(remainingMs(clockOf(book(), 'icp'), 30, Date.now())).toBe(20 * MINUTE_MS);
    state().timerCommand('lifecycle', 'extend');
    state().timerCommand('lifecycle', 'pause');
    vi.setSystemTime(T0 + 60 * MINUTE_MS);
    state().syncTimer('a1', 'goals');
    expect(runningStep(book()!)).toBeNull();
    expect(remainingMs(clockOf(book(), 'lifecycle'), 25, Date.now())).toBe(30 * MINUTE_MS);
  });

  it('stops a timer nobody saw running for a long while (back from the home screen)', () => {
    state().syncTimer('a1', 'goals');
    state().timerCommand('goals', 'start');
    vi.setSystemTime(T0 + 5 * MINUTE_MS);
    state().timerHeartbeat();
    vi.setSystemTime(T0 + 90 * MINUTE_MS);
    state().syncTimer('a1', 'goals');
    expect(runningStep(book()!)).toBeNull();
    expect(clockOf(book(), 'goals').elapsed).toBe(5 * MINUTE_MS);
  });

  it('starts with a fresh book for another agreement', () => {
    state().syncTimer('a1', 'goals');
    state().timerCommand('goals', 'start');
    state().syncTimer('a2', 'goals');
    expect(state().timer?.agreementId).toBe('a2');
    expect(runningStep(book()!)).toBeNull();
  });

  it('toggles presentation mode and the open drawer without persisting them', () => {
    state().setPresentation(true);
    state().openPanel('log');
    expect(state().presentation).toBe(true);
    expect(state().facilitationPanel).toBe('log');
    const persisted = useAppStore.persist.getOptions().partialize?.(state()) as Record<string, unknown>;
    expect(Object.keys(persisted).sort()).toEqual(['historyMarks', 'language', 'lastSteps', 'measureLinks', 'showGuidance']);
    state().setPresentation(false);
    expect(state().presentation).toBe(false);
  });
});
