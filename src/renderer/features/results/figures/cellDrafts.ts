import { create } from 'zustand';
import type { FieldProblem } from '../../workshop/state/fieldDrafts';

/** Text typed into a figure cell that is not a valid value yet: kept on screen, never saved. */
export interface CellDraft {
  raw: string;
  problem: FieldProblem;
  /** The user left the cell (or more typing cannot fix it): it is shown as an error. */
  settled: boolean;
}

const STORAGE_PREFIX = 'sla.figureDrafts.';

/** The cell a draft belongs to: one month of one column. */
export const cellKey = (month: string, columnId: string) => `${month}|${columnId}`;

interface CellDraftsState {
  /** agreement id → cell key → draft. */
  byAgreement: Record<string, Record<string, CellDraft>>;
  put(agreementId: string, key: string, draft: CellDraft): void;
  drop(agreementId: string, key: string): void;
  /** Drops every draft of a month (its figures were removed). */
  dropMonth(agreementId: string, month: string): void;
  load(agreementId: string): void;
}

function readCopy(agreementId: string): Record<string, CellDraft> {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_PREFIX + agreementId);
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const drafts: Record<string, CellDraft> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const d = value as Partial<CellDraft> | null;
      // The copy is this computer's own, but a damaged one must not break the grid: keep only well-formed drafts.
      if (d && typeof d.raw === 'string' && d.problem && typeof d.problem.key === 'string')
        drafts[key] = { raw: d.raw, problem: d.problem, settled: d.settled === true };
    }
    return drafts;
  } catch {
    return {};
  }
}

function writeCopy(agreementId: string, drafts: Record<string, CellDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) globalThis.localStorage?.removeItem(STORAGE_PREFIX + agreementId);
    else globalThis.localStorage?.setItem(STORAGE_PREFIX + agreementId, JSON.stringify(drafts));
  } catch {
    // Storage full or disabled: the drafts still live on screen for this session.
  }
}

/**
 * Invalid cell text of the figures grid, per agreement, with a copy on this computer: switching tabs, leaving
 * the screen or a reload never loses what was typed, and the autosave never sees it.
 */
export const useCellDrafts = create<CellDraftsState>()((set, get) => {
  const update = (agreementId: string, change: (drafts: Record<string, CellDraft>) => Record<string, CellDraft>) => {
    const next = change({ ...(get().byAgreement[agreementId] ?? {}) });
    writeCopy(agreementId, next);
    set({ byAgreement: { ...get().byAgreement, [agreementId]: next } });
  };
  return {
    byAgreement: {},
    put: (agreementId, key, draft) => update(agreementId, (drafts) => ({ ...drafts, [key]: draft })),
    drop(agreementId, key) {
      if (get().byAgreement[agreementId]?.[key]) update(agreementId, ({ [key]: _dropped, ...rest }) => rest);
    },
    dropMonth: (agreementId, month) =>
      update(agreementId, (drafts) => Object.fromEntries(Object.entries(drafts).filter(([key]) => !key.startsWith(`${month}|`)))),
    load(agreementId) {
      if (!get().byAgreement[agreementId]) set({ byAgreement: { ...get().byAgreement, [agreementId]: readCopy(agreementId) } });
    },
  };
});
