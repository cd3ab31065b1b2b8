import { parseAmount } from './amounts';
import type { DateReader } from './dates';
import { normalizeHeader, type ResolvedMapping } from './mapping';
import type { RecordView } from './recordView';
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
  /** The record id when it is only digits, else NaN (kept apart from the text so it is never boxed). */
  recordNumber: number;
  /** The record id when it is not only digits, or null (no id, or a numeric one). */
  recordText: string | null;
}

export interface RowProblem {
  reason: BadRowReason;
  column?: string;
  value?: string;
  /** The month of the record's earliest readable stage date, so the month table can show its rejected rows. */
  monthIndex: number | null;
}

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
  /** Whether a `when` column's value is one of the listed ones, per raw value (a handful of distinct values). */
  private readonly whenCache = new Map<string, boolean>();
  private dateProblem: RowProblem | null = null;
  private readonly decimalCode: number;

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
      recordNumber: Number.NaN,
      recordText: null,
    };
    this.columnCount = headerLength;
    this.decimalCode = decimal.charCodeAt(0);
    this.funnelOrder = mapping.stages
      .map((s, i) => ({ i, rank: MAPPED_STAGE_KEYS.indexOf(s.key as (typeof MAPPED_STAGE_KEYS)[number]) }))
      .filter((s) => s.rank >= 0)
      .sort((a, b) => a.rank - b.rank)
      .map((s) => s.i);
  }

  /** Null when the record is good (its values are then in `values`), else what is wrong with it. */
  read(record: RecordView, badQuotes: boolean): RowProblem | null {
    const v = this.values;
    const { stages, fields: roles } = this.mapping;
    let problem: RowProblem | null = null;
    if (record.count < this.columnCount || (record.count > this.columnCount && this.extraFieldsUsed(record))) {
      problem = { reason: 'column_count', monthIndex: null };
    } else if (badQuotes) problem = { reason: 'bad_quotes', monthIndex: null };

    let earliest = Number.NaN;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      v.stageLocal[i] = Number.NaN;
      if (record.isBlank(stage.index)) continue;
      if (stage.when && !this.whenHolds(stage.when, record)) continue;
      const local = this.dateAt(record, stage.index);
      if (Number.isNaN(local)) {
        problem ??= {
          reason: this.dates.ambiguous ? 'ambiguous_date' : 'bad_date',
          column: stage.header,
          value: cut(record.ownValue(stage.index)),
          monthIndex: null,
        };
        continue;
      }
      v.stageLocal[i] = local;
      v.stageHasTime[i] = this.dates.hasTime ? 1 : 0;
      if (!(local >= earliest)) earliest = local;
    }
    v.createLocal = this.readDate(record, roles.createDate);
    problem ??= this.dateProblem;
    v.contactLocal = this.readDate(record, roles.firstContact);
    problem ??= this.dateProblem;
    v.contactHasTime = this.dates.hasTime;
    const monthIndex = Number.isNaN(earliest) ? (Number.isNaN(v.createLocal) ? null : monthIndexOf(v.createLocal)) : monthIndexOf(earliest);
    if (problem) return { ...problem, monthIndex };

    v.amount = Number.NaN;
    if (roles.amount && !record.isBlank(roles.amount.index)) {
      // Plain digits (the usual value) are read from the bytes; anything else as text, with every rule.
      v.amount = record.plainAmount(roles.amount.index, this.decimalCode);
      const amount = Number.isNaN(v.amount) ? record.ownValue(roles.amount.index) : '';
      if (Number.isNaN(v.amount)) v.amount = parseAmount(amount, this.decimal);
      if (Number.isNaN(v.amount)) return { reason: 'bad_amount', column: roles.amount.header, value: cut(amount), monthIndex };
      if (v.amount < 0) return { reason: 'negative_amount', column: roles.amount.header, value: cut(amount), monthIndex };
    }
    v.attempts = Number.NaN;
    if (roles.contactAttempts && !record.isBlank(roles.contactAttempts.index)) {
      const index = roles.contactAttempts.index;
      // Plain digits (the usual value) are read in place; anything else takes the full check.
      const digits = record.digits(index);
      v.attempts = digits < 1e9 ? digits : Number.NaN;
      const attempts = Number.isNaN(v.attempts) ? record.value(index) : '';
      if (Number.isNaN(v.attempts)) v.attempts = /^\s*\d{1,9}\s*$/.test(attempts) ? Number(attempts) : Number.NaN;
      if (Number.isNaN(v.attempts)) return { reason: 'bad_number', column: roles.contactAttempts.header, value: cut(attempts), monthIndex };
    }
    const outOfOrder = this.outOfOrderStage();
    if (outOfOrder !== null) {
      const stage = stages[outOfOrder]!;
      return { reason: 'dates_out_of_order', column: stage.header, value: cut(record.ownValue(stage.index)), monthIndex };
    }
    v.recordNumber = Number.NaN;
    v.recordText = null;
    if (roles.recordId && !record.isBlank(roles.recordId.index)) {
      v.recordNumber = record.digits(roles.recordId.index);
      if (Number.isNaN(v.recordNumber)) v.recordText = record.ownValue(roles.recordId.index).trim();
    }
    return null;
  }

  /** The date in field i, read from the record's bytes; a value with a non-ASCII character (a no-break space) is read as text. */
  private dateAt(record: RecordView, i: number): number {
    const own = record.own(i);
    if (own !== undefined) return this.dates.read(own);
    const local = this.dates.readIn(record.bytes, record.start(i), record.end(i));
    return Number.isNaN(local) && record.hasHighByte(i) ? this.dates.read(record.value(i)) : local;
  }

  /** Excel sometimes ends rows with empty cells past the header: allowed, as long as they are empty. */
  private extraFieldsUsed(record: RecordView): boolean {
    for (let i = this.columnCount; i < record.count; i++) if (!record.isBlank(i)) return true;
    return false;
  }

  private whenHolds(when: NonNullable<ResolvedMapping['stages'][number]['when']>, record: RecordView): boolean {
    const raw = record.value(when.index);
    let holds = this.whenCache.get(raw);
    if (holds === undefined) {
      holds = when.values.has(normalizeHeader(raw));
      if (this.whenCache.size < 1000) this.whenCache.set(raw, holds);
    }
    return holds;
  }

  /** Reads an optional date column; a value that is not a date leaves its problem in `dateProblem`. */
  private readDate(record: RecordView, column: { index: number; header: string } | undefined): number {
    this.dates.hasTime = false;
    this.dateProblem = null;
    if (!column || record.isBlank(column.index)) return Number.NaN;
    const local = this.dateAt(record, column.index);
    if (Number.isNaN(local))
      this.dateProblem = {
        reason: this.dates.ambiguous ? 'ambiguous_date' : 'bad_date',
        column: column.header,
        value: cut(record.ownValue(column.index)),
        monthIndex: null,
      };
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
