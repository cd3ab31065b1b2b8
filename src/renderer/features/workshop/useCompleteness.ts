import { useMemo } from 'react';
import { checkCompleteness, type Completeness } from '../../../shared/model/completeness';
import { useAppStore } from '../../store/appStore';

/** Completeness of the draft being edited, recomputed only when the draft changes (it takes microseconds). */
export function useCompleteness(): Completeness | null {
  const draft = useAppStore((s) => s.session?.draft);
  return useMemo(() => (draft ? checkCompleteness(draft) : null), [draft]);
}

/** Missing-item count per step as one string, so navigation re-renders only when a count changes. */
export function useMissingCounts(): Record<string, number> {
  const counts = useAppStore((s) =>
    s.session
      ? checkCompleteness(s.session.draft)
          .steps.map((step) => `${step.step}:${step.missing.length}`)
          .join(',')
      : '',
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
