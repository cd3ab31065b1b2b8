import { useEffect, useRef, useState } from 'react';
import type { FieldPath } from '../../../../shared/model/completeness';
import { getAt } from '../../../../shared/model/paths';
import { useAppStore } from '../../../store/appStore';
import { draftKey } from '../state/draftKey';
import { liveDraftPath, type FieldProblem, type StoredValue } from '../state/fieldDrafts';

/** What a field makes of its text: a value to store, or why not (and whether more typing may fix it). */
export type FieldRead<T extends StoredValue> = { ok: true; value: T } | { ok: false; problem: FieldProblem; unfinished?: boolean };

export interface DraftedFieldOptions<T extends StoredValue> {
  /** Where the value is stored. */
  path: FieldPath;
  label: string;
  /** `final`: the user has left the field, so unfinished text is judged as it stands. */
  read(raw: string, final: boolean): FieldRead<T>;
  /** The stored value as the field shows it when nobody is typing. */
  format(stored: T | null): string;
  /** Stores a valid value (defaults to setting it at `path`). */
  commit?(value: T): void;
  /** Runs before a draft is first kept (a target row is created) and returns the field's path then. */
  prepare?(): FieldPath;
}

const sameValue = (a: unknown, b: unknown) => Object.is(a ?? null, b ?? null);
const UNSET = Symbol('unset');

/**
 * The one mechanism behind every field whose text may be invalid (numbers, e-mails, dates, the title):
 * valid text is stored at once; anything else stays on screen and in the workshop's field drafts (path →
 * text + problem), so leaving the step, a reload or a crash never loses it, and the save state can say
 * that something typed is not saved. The autosave only ever sees valid values.
 */
export function useDraftedField<T extends StoredValue>({ path, label, read, format, commit, prepare }: DraftedFieldOptions<T>) {
  const stored = useAppStore((s) => getAt(s.session?.draft, path)) as T | null | undefined;
  const key = useAppStore((s) => (s.session ? draftKey(s.session.draft, path) : ''));
  const draft = useAppStore((s) => {
    const entry = s.fieldDrafts[key];
    return entry && liveDraftPath(s, key, entry) ? entry : null;
  });
  const setField = useAppStore((s) => s.setField);
  const putFieldDraft = useAppStore((s) => s.putFieldDraft);
  const dropFieldDraft = useAppStore((s) => s.dropFieldDraft);

  // While the user types, the box shows exactly what was typed ("1250", not "1,250" mid-word).
  const [typing, setTyping] = useState<string | null>(null);
  const [seen, setSeen] = useState<unknown>(stored);
  const committed = useRef<unknown>(UNSET);
  // The stored value when this round of typing began: "150" passes through "15" on its way, and a rate of
  // 15 % is not what anyone meant, so invalid text puts this value back rather than keep a passing prefix.
  const origin = useRef<unknown>(UNSET);
  if (!sameValue(stored, seen)) {
    setSeen(stored);
    // Undo, redo, "Apply to targets" or the other window changed the value: show what is stored now.
    if (!sameValue(stored, committed.current)) {
      setTyping(null);
      origin.current = UNSET;
    }
  }

  const store = (value: T) => {
    committed.current = value;
    if (commit) commit(value);
    else setField(path, value);
  };

  const apply = (raw: string, final: boolean) => {
    const result = read(raw, final);
    const state = useAppStore.getState();
    const session = state.session;
    if (!session || session.readOnly) return;
    if (origin.current === UNSET) origin.current = getAt(session.draft, path) ?? null;
    if (result.ok) {
      store(result.value);
      dropFieldDraft(draftKey(useAppStore.getState().session?.draft, path));
      return;
    }
    const before = origin.current as T | null;
    if (!sameValue(getAt(session.draft, path), before)) store(before as T);
    const at = prepare ? prepare() : path;
    const now = useAppStore.getState().session;
    if (!now) return;
    putFieldDraft(draftKey(now.draft, at), {
      agreementId: now.id,
      path: at,
      raw,
      problem: result.problem,
      settled: final || !result.unfinished,
      base: (getAt(now.draft, at) ?? null) as StoredValue,
      label,
    });
  };

  // Judges the text as it stands once the user is done with it: on leaving the field, and also when the
  // field goes away focused (Alt+PageDown to the next step, the drawer closed), which fires no blur.
  const settle = () => {
    const state = useAppStore.getState();
    const entry = state.fieldDrafts[key];
    if (entry && liveDraftPath(state, key, entry)) apply(entry.raw, true);
  };
  const settleOnUnmount = useRef(settle);
  settleOnUnmount.current = settle;
  useEffect(() => () => settleOnUnmount.current(), []);

  const text = typing ?? draft?.raw ?? format(stored ?? null);
  return {
    text,
    /** The problem to show: an unfinished text is judged only once the user leaves the field. */
    problem: draft?.settled ? draft.problem : null,
    onChange(raw: string) {
      setTyping(raw);
      apply(raw, false);
    },
    onBlur() {
      setTyping(null);
      origin.current = UNSET;
      // Judged as it stands now that the user has left: "1,5" in English may be a Spanish 1.5.
      settle();
    },
    /** Takes one of the problem's choices: a value already read and checked, stored as it is. */
    choose(value: T) {
      setTyping(null);
      origin.current = UNSET;
      if (!useAppStore.getState().session || useAppStore.getState().session?.readOnly) return;
      store(value);
      dropFieldDraft(key);
    },
  };
}
