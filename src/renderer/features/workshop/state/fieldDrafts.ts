import type { StateCreator } from 'zustand';
import type { TranslationKey } from '../../../../shared/i18n';
import { getAt, type JsonPath } from '../../../../shared/model/paths';
import type { AppMiddlewares, AppState } from '../../../store/appState';
import { resolveDraftKey } from './draftKey';
import { readFieldDraftCopy, writeFieldDraftCopy } from './fieldDraftCopy';

/** Why a field's text is not stored: an i18n key and its parameters (choices: readings to pick from). */
export interface FieldProblem {
  key: TranslationKey;
  params?: Record<string, string | number>;
  /** Numbers the user may pick instead (the readings of an ambiguous text), written on screen the interface's way. */
  choices?: number[];
}

/** A stored value: what a drafted field holds in the agreement (a number, a text, a date, or nothing). */
export type StoredValue = string | number | null;

/**
 * What the user typed into a field that cannot be stored yet (an e-mail without a domain, "150" in a rate,
 * an English "1.250"). The agreement keeps its last valid value and the autosave never sees the text; the
 * text stays on screen, here, and in a copy on this computer until it is valid.
 */
export interface FieldDraft {
  agreementId: string;
  /** The field's path when last typed in (the key resolves to the current one). */
  path: JsonPath;
  raw: string;
  problem: FieldProblem;
  /** The user left the field (or the problem is not one of unfinished typing): it counts as invalid. */
  settled: boolean;
  /**
   * The stored value the text was typed over. If the stored value changes otherwise (undo, a reload, the
   * other window), the text no longer belongs to what is stored and is set aside.
   */
  base: StoredValue;
  /** The field's label, for the save state's link. */
  label: string;
}

export interface FieldDraftsSlice {
  /** By draftKey (see draftKey.ts). */
  fieldDrafts: Record<string, FieldDraft>;
  putFieldDraft(key: string, draft: FieldDraft): void;
  dropFieldDraft(key: string): void;
}

const sameValue = (a: unknown, b: unknown) => Object.is(a ?? null, b ?? null);

/** The field's current path if the draft still belongs to what is stored there, else null. */
export function liveDraftPath(state: Pick<AppState, 'session'>, key: string, draft: FieldDraft): JsonPath | null {
  const session = state.session;
  if (!session || session.readOnly || draft.agreementId !== session.id) return null;
  const path = resolveDraftKey(session.draft, key);
  return path && sameValue(getAt(session.draft, path), draft.base) ? path : null;
}

/** The drafts that belong to the open agreement's current values. */
export function liveDrafts(state: Pick<AppState, 'session' | 'fieldDrafts'>): { key: string; path: JsonPath; draft: FieldDraft }[] {
  return Object.entries(state.fieldDrafts).flatMap(([key, draft]) => {
    const path = liveDraftPath(state, key, draft);
    return path ? [{ key, path, draft }] : [];
  });
}

export const createFieldDraftsSlice: StateCreator<AppState, AppMiddlewares, [], FieldDraftsSlice> = (set, get, store) => {
  // The copy on this computer is written at once (a few hundred bytes, only while a field is invalid), so
  // a crash or a closed tab right after a keystroke still finds it.
  const writeCopy = (state: AppState) => {
    if (state.session && !state.session.readOnly) {
      writeFieldDraftCopy(state.session.id, Object.fromEntries(liveDrafts(state).map(({ key, draft }) => [key, draft])));
    }
  };

  // A newly opened agreement gets back the texts left invalid last time (if they still fit what is stored);
  // a closed one leaves memory but keeps its copy; a signed one has nothing to type into.
  store.subscribe((state, previous) => {
    const session = state.session;
    const changed = session?.id !== previous.session?.id || (session?.readOnly ?? true) !== (previous.session?.readOnly ?? true);
    if (!changed) return;
    if (!session) {
      if (Object.keys(state.fieldDrafts).length > 0) set({ fieldDrafts: {} });
      return;
    }
    if (session.readOnly) {
      writeFieldDraftCopy(session.id, {});
      set({ fieldDrafts: {} });
      return;
    }
    const restored = readFieldDraftCopy(session.id);
    const candidate = { session, fieldDrafts: restored };
    set({ fieldDrafts: Object.fromEntries(liveDrafts(candidate).map(({ key, draft }) => [key, { ...draft, settled: true }])) });
    // Texts that no longer fit what is stored are not kept for next time either.
    writeCopy(get());
  });

  return {
    fieldDrafts: {},
    putFieldDraft(key, draft) {
      set({ fieldDrafts: { ...get().fieldDrafts, [key]: draft } });
      writeCopy(get());
    },
    dropFieldDraft(key) {
      if (!(key in get().fieldDrafts)) return;
      const { [key]: _dropped, ...rest } = get().fieldDrafts;
      set({ fieldDrafts: rest });
      writeCopy(get());
    },
  };
};
