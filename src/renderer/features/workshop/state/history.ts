import type { Agreement } from '../../../../shared/model/schema';

/** Undo history of whole-agreement snapshots (immer shares unchanged parts, so snapshots are cheap). */
export interface History {
  past: Agreement[];
  future: Agreement[];
  /** Edits with the same key within COALESCE_MS (typing in one field) make one undo step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1200;

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records that `before` was replaced by an edit with `key` at time `now`. */
export function record(history: History, before: Agreement, key: string | null, now: number): History {
  const coalesce = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  const past = coalesce ? history.past : [...history.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(history: History, current: Agreement): { history: History; agreement: Agreement } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 }, agreement: previous };
}

export function redo(history: History, current: Agreement): { history: History; agreement: Agreement } | null {
  const next = history.future[0];
  if (!next) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1), lastKey: null, lastAt: 0 }, agreement: next };
}
