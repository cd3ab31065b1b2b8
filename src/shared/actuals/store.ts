import { sortMonths, type MonthlyActuals } from '../model/actuals';
import type { ImportedMonth } from './aggregate';

/** A month nobody has entered anything for: every figure unknown (null, never 0). */
export function emptyMonth(month: string): MonthlyActuals {
  return {
    month,
    stages: [],
    unmatchedStages: [],
    revenue: null,
    medianHoursToFirstContact: null,
    pctContactedWithinSla: null,
    rejected: null,
    contacts: null,
    mqlsThatBecameSql: null,
    sqlValue: null,
    medianHoursMqlToSql: null,
    pctWithRequiredAttempts: null,
    kpiValues: [],
    notes: '',
    decisions: [],
    imported: null,
  };
}

/** Which import wrote a month: shown next to its figures, and stored with them. */
export interface ImportStamp {
  at: string;
  fileName: string;
  preset: string;
}

const IMPORTED_FIGURES = [
  'revenue',
  'medianHoursToFirstContact',
  'pctContactedWithinSla',
  'contacts',
  'mqlsThatBecameSql',
  'sqlValue',
  'medianHoursMqlToSql',
  'pctWithRequiredAttempts',
] as const satisfies readonly (keyof ImportedMonth & keyof MonthlyActuals)[];

/**
 * One month as an import leaves it: each figure the file states replaces the stored one (the months a file
 * covers are replaced, so importing a file twice, or two exports that overlap, never adds up); a figure the file
 * cannot state (null: no column for it) keeps what was stored or typed. Notes, decisions and typed KPI values
 * are the meeting's, never the file's: they stay.
 */
export function monthAfterImport(stored: MonthlyActuals | undefined, imported: ImportedMonth, stamp: ImportStamp): MonthlyActuals {
  const base = stored ?? emptyMonth(imported.month);
  const counts = new Map(base.stages.map((s) => [s.stageId, s.count]));
  for (const stage of imported.stages) if (stage.count !== null) counts.set(stage.stageId, stage.count);
  const next: MonthlyActuals = { ...base, stages: [...counts].map(([stageId, count]) => ({ stageId, count })), imported: { ...stamp } };
  for (const key of IMPORTED_FIGURES) {
    const value = imported[key];
    if (value !== null) next[key] = value;
  }
  return next;
}

const figuresOf = (m: MonthlyActuals | undefined) => (m ? JSON.stringify({ ...m, imported: null }) : '');

/**
 * A lineage's months after an import, and the months whose figures it changed (in calendar order): what the
 * user is shown, so a re-import that changes nothing says so.
 */
export function applyImport(
  stored: readonly MonthlyActuals[],
  imported: readonly ImportedMonth[],
  stamp: ImportStamp,
): { months: MonthlyActuals[]; changed: string[]; added: string[] } {
  const byMonth = new Map(stored.map((m) => [m.month, m]));
  const changed: string[] = [];
  const added: string[] = [];
  for (const month of imported) {
    const before = byMonth.get(month.month);
    const after = monthAfterImport(before, month, stamp);
    if (!before) added.push(month.month);
    else if (figuresOf(before) !== figuresOf(after)) changed.push(month.month);
    byMonth.set(month.month, after);
  }
  return { months: sortMonths([...byMonth.values()]), changed: changed.sort(), added: added.sort() };
}
