import { useDeferredValue, useMemo, useState } from 'react';
import type { Completeness, MissingItem } from '../../../shared/model/completeness';
import type { Agreement } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import { completenessOf, sameMissingItems } from './completenessCache';

/** Completeness of the draft being edited, recomputed only when the draft changes. */
export function useCompleteness(): Completeness | null {
  const draft = useAppStore((s) => s.session?.draft);
  return useMemo(() => (draft ? completenessOf(draft) : null), [draft]);
}

/**
 * The draft for summaries that may trail the typing by a frame (what is missing, the steps' badges): the
 * render that follows a keystroke keeps the previous draft, so the key reaches the screen first, and React
 * brings these summaries up to date in a background render right after.
 */
export function useDeferredDraft(): Agreement | undefined {
  return useDeferredValue(useAppStore((s) => s.session?.draft));
}

/** Missing-item count per step, the same object until a count changes (the navigation re-renders only then). */
export function useMissingCounts(): Record<string, number> {
  const draft = useDeferredDraft();
  const counts = useMemo(
    () =>
      draft
        ? completenessOf(draft)
            .steps.map((step) => `${step.step}:${step.missing.length}`)
            .join(',')
        : '',
    [draft],
  );
  return useMemo(
    () =>
      Object.fromEntries(
        counts
          .split(',')
          .filter(Boolean)
          .map((pair) => {
            const [step, n] = pair.split(':');
            return [step, Number(n)];
          }),
      ),
    [counts],
  );
}

const NONE: MissingItem[] = [];

/** What one step still misses, the same array as long as the list on screen would be the same. */
export function useStepMissing(step: string): MissingItem[] {
  const draft = useDeferredDraft();
  const items = useMemo(() => (draft ? (completenessOf(draft).steps.find((s) => s.step === step)?.missing ?? NONE) : NONE), [draft, step]);
  const [kept, keep] = useState(items);
  const same = kept === items || sameMissingItems(kept, items);
  if (!same) keep(items);
  return same ? kept : items;
}
