import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import type { FieldPath } from '../../../../shared/model/completeness';
import { getAt, type PathTo } from '../../../../shared/model/paths';
import { useAppStore } from '../../../store/appStore';
import type { AppState } from '../../../store/appState';

const textAt = (state: Pick<AppState, 'session'>, path: FieldPath): string => {
  const value = getAt(state.session?.draft, path);
  return typeof value === 'string' ? value : '';
};

/**
 * Binds a text box to a text of the draft WITHOUT re-rendering it on each keystroke: the element keeps what
 * is typed (the browser already shows it), the store gets it, and only a change that did not come from this
 * box — undo, the other window, a merge, an edit the store refused — is written back into the element.
 * A controlled box re-rendered the whole Mantine input (wrapper, label, description, styles) per key, the
 * largest part of a keystroke's cost. The element always shows the stored text, as a controlled one does.
 */
export function useBoundText<E extends HTMLInputElement | HTMLTextAreaElement>(path: PathTo<string>) {
  const ref = useRef<E>(null);
  const setField = useAppStore((s) => s.setField);
  const at = useRef(path);
  at.current = path;
  const pathKey = path.join('\u0000');

  // Before the first paint, so the box never shows empty. Not a `defaultValue`: React writes a textarea's
  // default value (its text child) back after every input event, a DOM change that costs a style and layout
  // pass per keystroke, while an element without one is left alone.
  useLayoutEffect(() => {
    const show = (state: Pick<AppState, 'session'>) => {
      const element = ref.current;
      const value = textAt(state, at.current);
      if (element && element.value !== value) element.value = value;
    };
    show(useAppStore.getState());
    return useAppStore.subscribe(show);
  }, [pathKey]);

  return {
    ref,
    onChange(event: ChangeEvent<E>) {
      const element = event.currentTarget;
      setField(at.current, element.value);
      // Refused (read-only, a conflict waiting): the box goes back to what is stored, as a controlled one would.
      const stored = textAt(useAppStore.getState(), at.current);
      if (element.value !== stored) element.value = stored;
    },
  };
}
