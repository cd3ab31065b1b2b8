const QUARTER_HOUR = 15 * 60_000;

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

/**
 * Converts between instants and wall-clock time in one IANA zone. "Local" times are wall-clock
 * milliseconds written as if they were UTC (so Date.UTC fields read them back). Offsets are cached per
 * quarter hour: zones change offset only on quarter-hour boundaries, and a million rows then cost a few
 * thousand `Intl` look-ups instead of millions.
 */
export class ZoneClock {
  readonly zone: string;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly byInstant = new Map<number, number>();
  private readonly byLocal = new Map<number, number>();

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
    const key = Math.floor(instant / QUARTER_HOUR);
    let offset = this.byInstant.get(key);
    if (offset === undefined) {
      offset = this.computeOffset(key * QUARTER_HOUR);
      this.byInstant.set(key, offset);
    }
    return offset;
  }

  /** The instant a wall-clock time names. A time skipped by a spring-forward change is read with the offset before it. */
  instantOf(local: number): number {
    if (!this.format) return local;
    const key = Math.floor(local / QUARTER_HOUR);
    let offset = this.byLocal.get(key);
    if (offset === undefined) {
      const start = key * QUARTER_HOUR;
      const guess = this.offsetAt(start - this.offsetAt(start));
      offset = this.offsetAt(start - guess) === guess ? guess : this.offsetAt(start - guess - QUARTER_HOUR * 4);
      this.byLocal.set(key, offset);
    }
    return local - offset;
  }

  localOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  private computeOffset(instant: number): number {
    const parts = this.format!.formatToParts(new Date(instant));
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    // Whole minutes: historical offsets with seconds (local mean time) do not matter for monthly figures.
    return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000) * 60_000;
  }
}

const DAY = 86_400_000;

/** Year × 12 + month (0-based) of a wall-clock time, without building a Date (civil-from-days, H. Hinnant). */
export function monthIndexOf(local: number): number {
  const z = Math.floor(local / DAY) + 719_468;
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
