import { useState } from 'react';
import type { FieldPath } from '../../../../../shared/model/completeness';
import { useFieldValue, useSetField } from '../../fields/useField';

/**
 * Text the user types that the draft may only hold once it is acceptable (a non-empty title, a valid
 * e-mail): the schema would reject it at save time and the autosave would keep failing. What is typed
 * lives here meanwhile; the draft keeps the last acceptable value.
 */
export function useGuardedText(path: FieldPath, accept: (text: string) => boolean) {
  const stored = useFieldValue<string | undefined>(path) ?? '';
  const setField = useSetField();
  const [text, setText] = useState(stored);
  const [seen, setSeen] = useState(stored);
  // Undo, redo or a reload changed the draft under us: show what it now holds.
  if (stored !== seen) {
    setSeen(stored);
    setText(stored);
  }
  const change = (next: string) => {
    setText(next);
    if (accept(next)) setField(path, next);
  };
  return { text, change, accepted: accept(text) };
}
