import { useCallback, useMemo, useState } from 'react';

/**
 * Open/close state for a modal that keeps its subject after closing, so the content does not vanish during
 * the closing transition, and the modal stays mounted so Mantine returns focus to the button that opened it.
 * `formKey` changes on every opening: a fresh form each time, never stale input from the last one.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ value: T | null; opened: boolean; formKey: number }>({ value: null, opened: false, formKey: 0 });
  const open = useCallback((value: T) => setState((s) => ({ value, opened: true, formKey: s.formKey + 1 })), []);
  const close = useCallback(() => setState((s) => ({ ...s, opened: false })), []);
  return useMemo(() => ({ ...state, open, close }), [state, open, close]);
}

export type DialogState<T> = ReturnType<typeof useDialog<T>>;
