const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
/** Days since the epoch of 1900-01-01 and 2201-01-01: the years a date may have (see dates.ts), with a margin for offsets. */
const FIRST_DAY = -25_568;
const DAY_SPAN = 84_007 - FIRST_DAY;

/** The runtime's own time zone (the user's), the default for dates written without one. */
export function defaultTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One UTC day's offsets: `before` until `change` (ms since epoch), `after` from then on (no change: equal). */
interface DayOffsets {
  before: number;
  change: number;
  after: number;
}

/**
 * Converts between instants and wall-clock time in one IANA zone. "Local" times are wall-clock
 * milliseconds written as if they were UTC (so Date.UTC fields read them back). Offsets are worked out
 * once per UTC day — at its start and end, and where they differ the quarter hour of the change — so a
 * million rows cost a few thousand `Intl` look-ups (zones change offset at most once a day, on a quarter hour).
 */
export class ZoneClock {
  readonly zone: string;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly days = new Map<number, DayOffsets>();
  /**
   * The same offsets by day for the years dates can have, in flat arrays (NaN: not worked out yet): a
   * million rows look offsets up several times each, and an array index is far cheaper than a Map.
   */
  private byDay: { before: Float64Array; change: Float64Array; after: Float64Array } | null = null;
  /** uniformOffset by local day (+Infinity: not worked out yet). */
  private uniformByLocalDay: Float64Array | null = null;

  constructor(zone: string) {
    this.zone = zone;
    const utc = /^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(zone);
    this.format = utc
      ? null
      : new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  }

  /** Milliseconds to add to an instant to get the zone's wall-clock time then. */
  offsetAt(instant: number): number {
    if (!this.format) return 0;
    const day = Math.floor(instant / DAY);
    const slot = day - FIRST_DAY;
    if (slot >= 0 && slot < DAY_SPAN) {
      const table = (this.byDay ??= {
        before: new Float64Array(DAY_SPAN).fill(Number.NaN),
        change: new Float64Array(DAY_SPAN),
        after: new Float64Array(DAY_SPAN),
      });
      if (Number.isNaN(table.before[slot]!)) {
        const found = this.dayOffsets(day * DAY);
        table.before[slot] = found.before;
        table.change[slot] = found.change;
        table.after[slot] = found.after;
      }
      return instant < table.change[slot]! ? table.before[slot]! : table.after[slot]!;
    }
    let offsets = this.days.get(day);
    if (!offsets) {
      offsets = this.dayOffsets(day * DAY);
      this.days.set(day, offsets);
    }
    return instant < offsets.change ? offsets.before : offsets.after;
  }

  /** The instant a wall-clock time names. A time skipped by a spring-forward change is read with the offset before it. */
  instantOf(local: number): number {
    if (!this.format) return local;
    // Most days: one offset for every wall-clock time of the day, found with one look-up (see uniformOffset).
    const slot = Math.floor(local / DAY) - FIRST_DAY;
    if (slot >= 1 && slot < DAY_SPAN - 1) {
      const uniform = (this.uniformByLocalDay ??= new Float64Array(DAY_SPAN).fill(Number.POSITIVE_INFINITY));
      let offset = uniform[slot]!;
      if (offset === Number.POSITIVE_INFINITY) offset = uniform[slot] = this.uniformOffset(slot + FIRST_DAY);
      if (!Number.isNaN(offset)) return local - offset;
    }
    const guess = this.offsetAt(local - this.offsetAt(local));
    if (this.offsetAt(local - guess) === guess) return local - guess;
    return local - this.offsetAt(local - guess - 4 * QUARTER_HOUR);
  }

  /**
   * The offset of every wall-clock time of local day `day`, or NaN when the zone changes offset near it. Such
   * a time is an instant within the UTC days day − 1 … day + 1 (offsets stay within −12 h … +14 h): when all
   * three days have one and the same offset, the instant is the time minus it — what the general path below
   * finds too, with three look-ups.
   */
  private uniformOffset(day: number): number {
    const offset = this.offsetAt(day * DAY);
    for (let d = day - 1; d <= day + 1; d++) {
      if (this.offsetAt(d * DAY) !== offset || this.offsetAt(d * DAY + DAY - 1) !== offset) return Number.NaN;
    }
    return offset;
  }

  localOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  private dayOffsets(start: number): DayOffsets {
    const before = this.computeOffset(start);
    const after = this.computeOffset(start + DAY);
    if (before === after) return { before, change: start + DAY, after };
    // The first quarter hour with the new offset.
    let low = 0;
    let high = DAY / QUARTER_HOUR;
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (this.computeOffset(start + mid * QUARTER_HOUR) === before) low = mid;
      else high = mid;
    }
    return { before, change: start + high * QUARTER_HOUR, after };
  }

  private computeOffset(instant: number): number {
    const parts = this.format!.formatToParts(new Date(instant));
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    // Whole minutes: historical offsets with seconds (local mean time) do not matter for monthly figures.
    return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000) * 60_000;
  }
}

/** monthIndexOf by day for the years dates can have (a million rows ask several times each). */
let monthOfDay: Int32Array | null = null;

/** Year × 12 + month (0-based) of a wall-clock time, without building a Date. */
export function monthIndexOf(local: number): number {
  const day = Math.floor(local / DAY);
  const slot = day - FIRST_DAY;
  if (slot >= 0 && slot < DAY_SPAN) {
    // Filled as days are met (0 = not yet: no month index from 1900 on is 0).
    monthOfDay ??= new Int32Array(DAY_SPAN);
    let month = monthOfDay[slot]!;
    if (month === 0) month = monthOfDay[slot] = monthIndexOfDay(day);
    return month;
  }
  return monthIndexOfDay(day);
}

/** Civil-from-days (H. Hinnant) for a day number since the epoch. */
function monthIndexOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export function parseMonthKey(key: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}
