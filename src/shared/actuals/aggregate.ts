import { businessHoursBetween } from './businessHours';
import { ExactSum } from './exactSum';
import type { ResolvedMapping } from './mapping';
import { MedianSketch, type MedianBudget, type MedianLog } from './median';
import { replayBudget } from './mergeSketches';
import type { RowValues } from './rowReader';
import { monthIndexOf, monthKey, type ZoneClock } from './timeZone';
import type { AgreementFacts, BusinessCalendar } from './types';

/** January 1900 and the months after it up to 2200: the years a date may have (see dates.ts). */
const FIRST_MONTH = 1900 * 12;
const MONTH_SPAN = 301 * 12;

const HOUR = 3_600_000;

/** Running figures of one month. */
interface MonthBucket {
  stageCounts: Float64Array;
  contacts: number;
  /** Kept exactly, so that the total does not depend on the order the amounts come in (see exactSum.ts). */
  revenue: ExactSum;
  sqlValue: ExactSum;
  mqlsThatBecameSql: number;
  handedOff: number;
  contactedWithinSla: number;
  pendingContact: number;
  withoutTime: number;
  attemptsMeasured: number;
  attemptsMet: number;
  firstContactHours: MedianSketch;
  mqlToSqlHours: MedianSketch;
  rejectedRows: number;
}

/** The whole-number figures of a bucket, added up when two pieces of a file are merged. */
const COUNTS = [
  'contacts',
  'mqlsThatBecameSql',
  'handedOff',
  'contactedWithinSla',
  'pendingContact',
  'withoutTime',
  'attemptsMeasured',
  'attemptsMet',
  'rejectedRows',
] as const;

/** One month's running figures as plain data (typed arrays and numbers), to cross to another thread. */
export interface BucketSnapshot {
  index: number;
  stageCounts: Float64Array;
  counts: Record<(typeof COUNTS)[number], number>;
  revenue: number[];
  sqlValue: number[];
  firstContactHours: Float64Array;
  mqlToSqlHours: Float64Array;
}

/** What an aggregator that read one piece of a file holds: its months and the order its medians were fed. */
export interface AggregateSnapshot {
  buckets: BucketSnapshot[];
  medianLog: MedianLog;
}

/** A sketch's id in a MedianLog: the month index and which of the month's two medians. */
const sketchId = (monthIndex: number, which: 0 | 1) => monthIndex * 2 + which;

/**
 * One month of imported figures, per stage id like the agreement's targets. A null figure means "this file
 * does not say" (no column for it): storage keeps what it had. 0 means the file says none.
 */
export interface ImportedMonth {
  month: string;
  stages: { stageId: string; count: number | null }[];
  revenue: number | null;
  medianHoursToFirstContact: number | null;
  pctContactedWithinSla: number | null;
  /** Records created that month (the create-date column), for "contacts per MQL that becomes an SQL". */
  contacts: number | null;
  /** Records that reached SQL this month having been MQLs. */
  mqlsThatBecameSql: number | null;
  /** Sum of the amounts of the records that reached SQL this month. */
  sqlValue: number | null;
  medianHoursMqlToSql: number | null;
  /** Share of the leads handed off this month that got the protocol's number of attempts (or moved on). */
  pctWithRequiredAttempts: number | null;
  /** The counts behind the speed-to-lead figures. */
  speedToLead: { handedOff: number; measured: number; withinSla: number; pending: number; withoutTime: number };
  /** Rows of this month that were rejected (see the import's bad-row list). */
  rejectedRows: number;
  /** False when a median came from the histogram (see median.ts) rather than every value. */
  mediansExact: boolean;
}

export interface SpeedSettings {
  windowHours: number | null;
  calendar: BusinessCalendar | null;
  requiredAttempts: number | null;
  /** Leads handed off less than the window before this instant and not yet contacted are not counted as missed. */
  asOf: number | null;
}

export class MonthlyAggregator {
  private readonly months = new Map<number, MonthBucket>();
  /** The same buckets by month index from 1900 (see FIRST_MONTH): an array index per stage date, not a Map look-up. */
  private readonly byMonth: (MonthBucket | undefined)[] = [];
  private readonly handoff: number;
  private readonly mql: number;
  private readonly sql: number;
  private readonly customer: number;
  private readonly laterThanHandoff: number[];

  constructor(
    private readonly mapping: ResolvedMapping,
    private readonly facts: AgreementFacts,
    private readonly clock: ZoneClock,
    private readonly speed: SpeedSettings,
    private readonly period: { from: number; to: number } | null,
    private readonly budget: MedianBudget,
  ) {
    const byKey = (key: string) => mapping.stages.findIndex((s) => s.key === key);
    const byId = facts.handoffStageId === null ? -1 : mapping.stages.findIndex((s) => s.stageId === facts.handoffStageId);
    this.handoff = byId >= 0 ? byId : byKey('mql');
    this.mql = byKey('mql');
    this.sql = byKey('sql');
    this.customer = byKey('customer');
    const order = ['lead', 'mql', 'sql', 'opportunity', 'customer'];
    const handoffRank = this.handoff >= 0 ? order.indexOf(mapping.stages[this.handoff]!.key) : -1;
    this.laterThanHandoff = mapping.stages.flatMap((s, i) => (handoffRank >= 0 && order.indexOf(s.key) > handoffRank ? [i] : []));
  }

  /** The stage speed to lead is measured from, or null when the file has no column for it. */
  get handoffStage(): { stageId: string; header: string } | null {
    const stage = this.mapping.stages[this.handoff];
    return stage ? { stageId: stage.stageId, header: stage.header } : null;
  }

  private bucket(index: number): MonthBucket | null {
    if (this.period && (index < this.period.from || index > this.period.to)) return null;
    const slot = index - FIRST_MONTH;
    const cached = slot >= 0 && slot < MONTH_SPAN ? this.byMonth[slot] : undefined;
    if (cached) return cached;
    let bucket = this.months.get(index);
    if (!bucket) {
      bucket = {
        stageCounts: new Float64Array(this.mapping.stages.length),
        contacts: 0,
        revenue: new ExactSum(),
        sqlValue: new ExactSum(),
        mqlsThatBecameSql: 0,
        handedOff: 0,
        contactedWithinSla: 0,
        pendingContact: 0,
        withoutTime: 0,
        attemptsMeasured: 0,
        attemptsMet: 0,
        firstContactHours: new MedianSketch(this.budget, sketchId(index, 0)),
        mqlToSqlHours: new MedianSketch(this.budget, sketchId(index, 1)),
        rejectedRows: 0,
      };
      this.months.set(index, bucket);
    }
    if (slot >= 0 && slot < MONTH_SPAN) this.byMonth[slot] = bucket;
    return bucket;
  }

  addRejected(monthIndex: number | null): void {
    if (monthIndex === null) return;
    // Made even for a month with no good row yet, so the count does not depend on row order.
    const bucket = this.bucket(monthIndex);
    if (bucket) bucket.rejectedRows++;
  }

  add(v: RowValues): void {
    const { stageLocal } = v;
    for (let i = 0; i < stageLocal.length; i++) {
      const local = stageLocal[i]!;
      if (Number.isNaN(local)) continue;
      const bucket = this.bucket(monthIndexOf(local));
      if (!bucket) continue;
      bucket.stageCounts[i]!++;
      if (i === this.customer && !Number.isNaN(v.amount)) bucket.revenue.add(v.amount);
      if (i === this.sql) {
        if (!Number.isNaN(v.amount)) bucket.sqlValue.add(v.amount);
        const mql = this.mql >= 0 ? stageLocal[this.mql]! : Number.NaN;
        if (!Number.isNaN(mql)) {
          bucket.mqlsThatBecameSql++;
          bucket.mqlToSqlHours.add(Math.max(0, this.clock.instantOf(local) - this.clock.instantOf(mql)) / HOUR);
        }
      }
      if (i === this.handoff) this.addSpeed(bucket, v, local);
    }
    if (!Number.isNaN(v.createLocal)) {
      const bucket = this.bucket(monthIndexOf(v.createLocal));
      if (bucket) bucket.contacts++;
    }
  }

  private addSpeed(bucket: MonthBucket, v: RowValues, handedOffAt: number): void {
    bucket.handedOff++;
    const { windowHours, asOf, requiredAttempts } = this.speed;
    if (requiredAttempts !== null && !Number.isNaN(v.attempts)) {
      bucket.attemptsMeasured++;
      let movedOn = false;
      for (const i of this.laterThanHandoff) if (!Number.isNaN(v.stageLocal[i]!)) movedOn = true;
      if (movedOn || v.attempts >= requiredAttempts) bucket.attemptsMet++;
    }
    if (!this.mapping.fields.firstContact) return;
    const handoffHasTime = v.stageHasTime[this.handoff] === 1;
    if (Number.isNaN(v.contactLocal)) {
      if (asOf !== null && windowHours !== null && this.elapsedHours(handedOffAt, this.clock.localOf(asOf)) < windowHours) bucket.pendingContact++;
      return;
    }
    if (!handoffHasTime || !v.contactHasTime) {
      bucket.withoutTime++;
      return;
    }
    const hours = this.elapsedHours(handedOffAt, v.contactLocal);
    bucket.firstContactHours.add(hours);
    if (windowHours !== null && hours <= windowHours) bucket.contactedWithinSla++;
  }

  /** Hours from one wall-clock time to a later one: calendar hours (real elapsed time) or the calendar's working hours. Never negative. */
  private elapsedHours(fromLocal: number, toLocal: number): number {
    if (this.speed.calendar) return businessHoursBetween(fromLocal, toLocal, this.speed.calendar);
    return Math.max(0, this.clock.instantOf(toLocal) - this.clock.instantOf(fromLocal)) / HOUR;
  }

  /**
   * The months the file covers, in order: with a period, every month of it; otherwise every month in which
   * at least one record reached a stage or was created.
   */
  result(): ImportedMonth[] {
    const indexes = this.period
      ? Array.from({ length: this.period.to - this.period.from + 1 }, (_, i) => this.period!.from + i)
      : [...this.months.entries()]
          .filter(([, b]) => b.stageCounts.some((c) => c > 0) || b.contacts > 0)
          .map(([i]) => i)
          .sort((a, b) => a - b);
    const { fields } = this.mapping;
    const amount = fields.amount !== undefined;
    const contact = fields.firstContact !== undefined && this.handoff >= 0;
    return indexes.map((index) => {
      const b = this.bucket(index)!;
      const mapped = new Map(this.mapping.stages.map((s, i) => [s.stageId, b.stageCounts[i]!]));
      const measured = b.handedOff - b.pendingContact - b.withoutTime;
      const pct = (num: number, den: number) => (den > 0 ? (num / den) * 100 : null);
      return {
        month: monthKey(index),
        stages: this.facts.stages.map((s) => ({ stageId: s.id, count: mapped.get(s.id) ?? null })),
        revenue: amount && this.customer >= 0 ? b.revenue.value() : null,
        medianHoursToFirstContact: contact ? b.firstContactHours.median() : null,
        pctContactedWithinSla: contact && this.speed.windowHours !== null ? pct(b.contactedWithinSla, measured) : null,
        contacts: fields.createDate ? b.contacts : null,
        mqlsThatBecameSql: this.mql >= 0 && this.sql >= 0 ? b.mqlsThatBecameSql : null,
        sqlValue: amount && this.sql >= 0 ? b.sqlValue.value() : null,
        medianHoursMqlToSql: b.mqlToSqlHours.median(),
        pctWithRequiredAttempts: pct(b.attemptsMet, b.attemptsMeasured),
        speedToLead: {
          handedOff: b.handedOff,
          measured: contact ? measured : 0,
          withinSla: b.contactedWithinSla,
          pending: b.pendingContact,
          withoutTime: b.withoutTime,
        },
        rejectedRows: b.rejectedRows,
        mediansExact: b.firstContactHours.exact && b.mqlToSqlHours.exact,
      };
    });
  }

  /** Everything this aggregator holds, as plain data (its sketches must all be exact: see `budget.log`). */
  snapshot(): AggregateSnapshot {
    const buckets: BucketSnapshot[] = [];
    for (const [index, b] of this.months) {
      buckets.push({
        index,
        stageCounts: b.stageCounts,
        counts: Object.fromEntries(COUNTS.map((k) => [k, b[k]])) as BucketSnapshot['counts'],
        revenue: b.revenue.toPartials(),
        sqlValue: b.sqlValue.toPartials(),
        firstContactHours: b.firstContactHours.exactValues(),
        mqlToSqlHours: b.mqlToSqlHours.exactValues(),
      });
    }
    return { buckets, medianLog: this.budget.log ?? { ids: new Int32Array(0), length: 0, conversions: 0 } };
  }

  /**
   * Adds the figures of the piece of the file that follows what this aggregator has read, exactly as if it
   * had read that piece itself: counts and sums add up; the medians' shared budget is replayed in the
   * piece's order (mergeSketches.ts) so the same sketches end as histograms as in a sequential read.
   */
  absorb(next: AggregateSnapshot): void {
    const sketchOf = (id: number) => {
      const bucket = this.bucket(Math.floor(id / 2))!;
      return id % 2 === 0 ? bucket.firstContactHours : bucket.mqlToSqlHours;
    };
    const replay = replayBudget(next.medianLog, this.budget.values, next.buckets, sketchOf);
    for (const s of next.buckets) {
      const b = this.bucket(s.index);
      if (!b) continue;
      for (let i = 0; i < b.stageCounts.length; i++) b.stageCounts[i]! += s.stageCounts[i]!;
      for (const k of COUNTS) b[k] += s.counts[k];
      for (const p of s.revenue) b.revenue.add(p);
      for (const p of s.sqlValue) b.sqlValue.add(p);
      b.firstContactHours.absorb(s.firstContactHours, replay.toHistogram.has(sketchId(s.index, 0)));
      b.mqlToSqlHours.absorb(s.mqlToSqlHours, replay.toHistogram.has(sketchId(s.index, 1)));
    }
    this.budget.values = replay.budget;
  }
}
