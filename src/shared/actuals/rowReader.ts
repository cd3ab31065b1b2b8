import { parseAmount } from './amounts';
import type { DateReader } from './dates';
import { normalizeHeader, type ResolvedMapping } from './mapping';
import { monthIndexOf } from './timeZone';
import { MAPPED_STAGE_KEYS, type BadRowReason, type DecimalSeparator } from './types';

const DAY = 86_400_000;

/** One record's values, reused from row to row (a million rows, no allocation each). NaN = absent. */
export interface RowValues {
  stageLocal: Float64Array;
  stageHasTime: Uint8Array;
  createLocal: number;
  contactLocal: number;
  contactHasTime: boolean;
  amount: number;
  attempts: number;
  recordId: string;
}

export interface RowProblem {
  reason: BadRowReason;
  column?: string;
  value?: string;
  /** The month of the record's earliest readable stage date, so the month table can show its rejected rows. */
  monthIndex: number | null;
}

const isBlank = (value: string | undefined): value is undefined | '' => value === undefined || value.length === 0 || value.trim().length === 0;
const cut = (value: string) => (value.length > 60 ? `${value.slice(0, 59)}…` : value);

/**
 * Reads and checks one record against the mapping. The first problem found names the row's reason; dates
 * are all read first so a rejected row can still be placed in a month.
 */
export class RowReader {
  readonly values: RowValues;
  /** Indexes into `mapping.stages` of the funnel stages, in funnel order, for the order check. */
  private readonly funnelOrder: number[];
  private readonly columnCount: number;

  constructor(
    private readonly mapping: ResolvedMapping,
    headerLength: number,
    private readonly dates: DateReader,
    private readonly decimal: DecimalSeparator,
  ) {
    const n = mapping.stages.length;
    this.values = {
      stageLocal: new Float64Array(n),
      stageHasTime: new Uint8Array(n),
      createLocal: Number.NaN,
      contactLocal: Number.NaN,
      contactHasTime: false,
      amount: Number.NaN,
      attempts: Number.NaN,
      recordId: '',
    };
    this.columnCount = headerLength;
    this.funnelOrder = mapping.stages
      .map((s, i) => ({ i, rank: MAPPED_STAGE_KEYS.indexOf(s.key as (typeof MAPPED_STAGE_KEYS)[number]) }))
      .filter((s) => s.rank >= 0)
      .sort((a, b) => a.rank - b.rank)
      .map((s) => s.i);
  }

  /** Null when the record is good (its values are then in `values`), else what is wrong with it. */
  read(fields: readonly string[], badQuotes: boolean): RowProblem | null {
    const v = this.values;
    const { stages, fields: roles } = this.mapping;
    let problem: RowProblem | null = null;
    if (fields.length < this.columnCount || (fields.length > this.columnCount && fields.slice(this.columnCount).some((f) => !isBlank(f)))) {
      problem = { reason: 'column_count', monthIndex: null };
    } else if (badQuotes) problem = { reason: 'bad_quotes', monthIndex: null };

    let earliest = Number.NaN;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      const raw = fields[stage.index];
      v.stageLocal[i] = Number.NaN;
      if (isBlank(raw)) continue;
      if (stage.when && !stage.when.values.has(normalizeHeader(fields[stage.when.index] ?? ''))) continue;
      const local = this.dates.read(raw);
      if (Number.isNaN(local)) {
        problem ??= { reason: this.dates.ambiguous ? 'ambiguous_date' : 'bad_date', column: stage.header, value: cut(raw), monthIndex: null };
        continue;
      }
      v.stageLocal[i] = local;
      v.stageHasTime[i] = this.dates.hasTime ? 1 : 0;
      if (!(local >= earliest)) earliest = local;
    }
    v.createLocal = this.readDate(fields, roles.createDate, (p) => (problem ??= p));
    v.contactLocal = this.readDate(fields, roles.firstContact, (p) => (problem ??= p));
    v.contactHasTime = this.dates.hasTime;
    const monthIndex = Number.isNaN(earliest) ? (Number.isNaN(v.createLocal) ? null : monthIndexOf(v.createLocal)) : monthIndexOf(earliest);
    if (problem) return { ...problem, monthIndex };

    v.amount = Number.NaN;
    const amount = roles.amount ? fields[roles.amount.index] : undefined;
    if (roles.amount && !isBlank(amount)) {
      v.amount = parseAmount(amount, this.decimal);
      if (Number.isNaN(v.amount)) return { reason: 'bad_amount', column: roles.amount.header, value: cut(amount), monthIndex };
      if (v.amount < 0) return { reason: 'negative_amount', column: roles.amount.header, value: cut(amount), monthIndex };
    }
    v.attempts = Number.NaN;
    const attempts = roles.contactAttempts ? fields[roles.contactAttempts.index] : undefined;
    if (roles.contactAttempts && !isBlank(attempts)) {
      v.attempts = /^\s*\d{1,9}\s*$/.test(attempts) ? Number(attempts) : Number.NaN;
      if (Number.isNaN(v.attempts)) return { reason: 'bad_number', column: roles.contactAttempts.header, value: cut(attempts), monthIndex };
    }
    const outOfOrder = this.outOfOrderStage();
    if (outOfOrder !== null) {
      const stage = stages[outOfOrder]!;
      return { reason: 'dates_out_of_order', column: stage.header, value: cut(fields[stage.index] ?? ''), monthIndex };
    }
    v.recordId = roles.recordId ? (fields[roles.recordId.index] ?? '').trim() : '';
    return null;
  }

  private readDate(fields: readonly string[], column: { index: number; header: string } | undefined, report: (p: RowProblem) => void): number {
    this.dates.hasTime = false;
    if (!column) return Number.NaN;
    const raw = fields[column.index];
    if (isBlank(raw)) return Number.NaN;
    const local = this.dates.read(raw);
    if (Number.isNaN(local)) report({ reason: this.dates.ambiguous ? 'ambiguous_date' : 'bad_date', column: column.header, value: cut(raw), monthIndex: null });
    return local;
  }

  /**
   * The first funnel stage whose date comes before an earlier stage's date, or null. Compared by day when
   * either date has no time (a date-only Lead and a 09:00 MQL on the same day are in order).
   */
  private outOfOrderStage(): number | null {
    const v = this.values;
    let previous = Number.NaN;
    let previousHasTime = true;
    for (const i of this.funnelOrder) {
      const local = v.stageLocal[i]!;
      if (Number.isNaN(local)) continue;
      if (!Number.isNaN(previous)) {
        const byDay = !previousHasTime || v.stageHasTime[i] === 0;
        const before = byDay ? Math.floor(local / DAY) < Math.floor(previous / DAY) : local < previous;
        if (before) return i;
      }
      previous = local;
      previousHasTime = v.stageHasTime[i] === 1;
    }
    return null;
  }
}
