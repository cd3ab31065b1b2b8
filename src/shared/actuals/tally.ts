import type { RowProblem } from './rowReader';
import type { BadRow, BadRowReason } from './types';

export interface RowCounts {
  records: number;
  counted: number;
  rejected: number;
  blank: number;
}

/** A tally as plain data, to cross to another thread. Its lines count from 1 at the start of its piece. */
export interface TallySnapshot {
  counts: RowCounts;
  badRows: BadRow[];
  badRowsTotal: number;
  badRowsByReason: Partial<Record<BadRowReason, number>>;
}

/** An import's row counts and bad-row list (the first `maxBadRows` listed, all counted). */
export class Tally {
  readonly counts: RowCounts = { records: 0, counted: 0, rejected: 0, blank: 0 };
  readonly badRows: BadRow[] = [];
  readonly badRowsByReason: Partial<Record<BadRowReason, number>> = {};
  badRowsTotal = 0;

  constructor(private readonly maxBadRows: number) {}

  reject(problem: RowProblem, line: number): void {
    this.counts.rejected++;
    this.badRowsTotal++;
    this.badRowsByReason[problem.reason] = (this.badRowsByReason[problem.reason] ?? 0) + 1;
    if (this.badRows.length < this.maxBadRows) {
      const { reason, column, value } = problem;
      this.badRows.push({ line, reason, ...(column !== undefined && { column }), ...(value !== undefined && { value }) });
    }
  }

  snapshot(): TallySnapshot {
    return { counts: { ...this.counts }, badRows: [...this.badRows], badRowsTotal: this.badRowsTotal, badRowsByReason: { ...this.badRowsByReason } };
  }

  /**
   * Adds the tally of the piece of the file that follows, whose first line is this file's line
   * `lineOffset + 1`: its bad rows come after these, up to the same cap, as a sequential read lists them.
   */
  absorb(next: TallySnapshot, lineOffset: number): void {
    for (const key of ['records', 'counted', 'rejected', 'blank'] as const) this.counts[key] += next.counts[key];
    for (const row of next.badRows) {
      if (this.badRows.length >= this.maxBadRows) break;
      this.badRows.push({ ...row, line: row.line + lineOffset });
    }
    this.badRowsTotal += next.badRowsTotal;
    for (const [reason, count] of Object.entries(next.badRowsByReason) as [BadRowReason, number][])
      this.badRowsByReason[reason] = (this.badRowsByReason[reason] ?? 0) + count;
  }
}
