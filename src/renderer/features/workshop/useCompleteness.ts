import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Completeness, MissingItem } from '../../../shared/model/completeness';
import type { Agreement } from '../../../shared/model/schema';
import { afterNextPaint } from '../../lib/afterPaint';
import { useAppStore } from '../../store/appStore';
import { completenessOf, sameMissingItems } from './completenessCache';

/** Completeness of the draft being edited, recomputed only when the draft changes. */
export function useCompleteness(): Completeness | null {
  const draft = useAppStore((s) => s.session?.draft);
  return useMemo(() => (draft ? completenessOf(draft) : null), [draft]);
}

type Draft = Agreement | undefined;

/**
 * A summary of the draft (what a step still misses, the steps' badges) that follows the typing just after
 * the paint. A keystroke re-renders none of its readers, neither in the keystroke's own render nor in a
 * background one: the store is watched outside React, the summary is recomputed once the frame that shows
 * the key has been drawn, and React hears of it only when it differs (`same`). `key` names what the summary
 * is of (a step); a new key recomputes it in that render.
 */
function useSettledSummary<T>(key: string, compute: (draft: Draft) => T, same: (a: T, b: T) => boolean): T {
  const latest = useRef({ compute, same });
  latest.current = { compute, same };
  const held = useRef<{ key: string; draft: Draft; value: T } | null>(null);
  if (held.current === null || held.current.key !== key) {
    const draft = useAppStore.getState().session?.draft;
    held.current = { key, draft, value: compute(draft) };
  }
  const subscribe = useCallback((notify: () => void) => {
    let cancel: (() => void) | null = null;
    const settle = () => {
      cancel = null;
      const before = held.current!;
      const draft = useAppStore.getState().session?.draft;
      if (draft === before.draft) return;
      const value = latest.current.compute(draft);
      const kept = latest.current.same(before.value, value) ? before.value : value;
      held.current = { key: before.key, draft, value: kept };
      if (kept !== before.value) notify();
    };
    const watch = (draft: Draft) => {
      if (cancel === null && draft !== held.current!.draft) cancel = afterNextPaint(settle);
    };
    const unsubscribe = useAppStore.subscribe((state) => watch(state.session?.draft));
    // The draft may have changed between the render and this subscription.
    watch(useAppStore.getState().session?.draft);
    return () => {
      unsubscribe();
      cancel?.();
    };
  }, []);
  return useSyncExternalStore(subscribe, () => held.current!.value);
}

const countsOf = (draft: Draft): Record<string, number> =>
  draft ? Object.fromEntries(completenessOf(draft).steps.map((step) => [step.step, step.missing.length])) : {};

const sameCounts = (a: Record<string, number>, b: Record<string, number>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

/** Missing-item count per step, the same object until a count changes (the navigation re-renders only then). */
export function useMissingCounts(): Record<string, number> {
  return useSettledSummary('counts', countsOf, sameCounts);
}

const NONE: MissingItem[] = [];

/** What one step still misses, the same array as long as the list on screen would be the same. */
export function useStepMissing(step: string): MissingItem[] {
  const compute = useCallback((draft: Draft) => (draft ? (completenessOf(draft).steps.find((s) => s.step === step)?.missing ?? NONE) : NONE), [step]);
  return useSettledSummary(step, compute, sameMissingItems);
}
