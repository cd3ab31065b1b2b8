import type { DateOrder } from './types';
import type { ZoneClock } from './timeZone';

/**
 * Dates as CRMs and spreadsheets write them: ISO (`2025-03-07`, `2025-03-07T14:05:00Z`,
 * `2025-03-07 14:05`), and day/month or month/day with `/`, `-` or `.` (`07/03/2025 14:05`,
 * `3/7/2025, 2:05 PM`), optionally with seconds, fractions, AM/PM (also `a. m.`/`p. m.`) and an offset
 * (`Z`, `+01:00`, `+0100`, `UTC`). Two-digit years are 20xx. Hand-written (char codes, no RegExp or Date
 * objects per value) because a million-row import reads several dates per row.
 */

/** What a scanned value looks like. */
const Kind = { Invalid: 0, Iso: 1, Pair: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** The last value scanned; fields are reused to avoid an allocation per date. */
const scanned = { kind: Kind.Invalid as Kind, year: 0, a: 0, b: 0, hour: 0, minute: 0, second: 0, millis: 0, hasTime: false, offsetMinutes: Number.NaN };

function digitsAt(text: string, start: number, max: number): [value: number, end: number] {
  let value = 0;
  let i = start;
  while (i < text.length && i - start < max) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    i++;
  }
  return [value, i];
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 160 || c === 0x202f;

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Reads AM/PM markers: am, pm, a.m., p. m. … Returns [isPm, end] or null. */
function meridiem(text: string, i: number): [pm: boolean, end: number] | null {
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 97 && c !== 112) return null;
  let j = i + 1;
  if (text.charCodeAt(j) === 46) j++;
  j = skipSpaces(text, j);
  if ((text.charCodeAt(j) | 0x20) !== 109) return null;
  j++;
  if (text.charCodeAt(j) === 46) j++;
  return [c === 112, j];
}

function scanTime(text: string, start: number): number {
  let i = start;
  const [hour, h] = digitsAt(text, i, 2);
  if (h === i || text.charCodeAt(h) !== 58) return -1;
  const [minute, m] = digitsAt(text, h + 1, 2);
  if (m - h !== 3) return -1;
  scanned.hour = hour;
  scanned.minute = minute;
  i = m;
  if (text.charCodeAt(i) === 58) {
    const [second, s] = digitsAt(text, i + 1, 2);
    if (s - i !== 3) return -1;
    scanned.second = second;
    i = s;
    if (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) {
      const [fraction, f] = digitsAt(text, i + 1, 9);
      if (f === i + 1) return -1;
      scanned.millis = Math.floor(fraction / 10 ** (f - i - 1 - 3));
      i = f;
    }
  }
  const afterSpace = skipSpaces(text, i);
  const mer = meridiem(text, afterSpace);
  if (mer) {
    if (hour < 1 || hour > 12) return -1;
    scanned.hour = (hour % 12) + (mer[0] ? 12 : 0);
    i = mer[1];
  }
  scanned.hasTime = true;
  return i;
}

function scanOffset(text: string, start: number): number {
  const i = skipSpaces(text, start);
  const c = text.charCodeAt(i);
  if (c === 90 || c === 122) {
    scanned.offsetMinutes = 0;
    return i + 1;
  }
  const word = text.slice(i, i + 3).toUpperCase();
  if (word === 'UTC' || word === 'GMT') {
    scanned.offsetMinutes = 0;
    const after = i + 3;
    return text.charCodeAt(after) === 43 || text.charCodeAt(after) === 45 ? scanOffset(text, after) : after;
  }
  if (c !== 43 && c !== 45 && c !== 0x2212) return start;
  const [hours, h] = digitsAt(text, i + 1, 2);
  if (h - i !== 3) return -1;
  let minutes = 0;
  let end = h;
  if (text.charCodeAt(h) === 58) {
    const [mm, m] = digitsAt(text, h + 1, 2);
    if (m - h !== 3) return -1;
    minutes = mm;
    end = m;
  } else {
    const [mm, m] = digitsAt(text, h, 2);
    if (m - h === 2) {
      minutes = mm;
      end = m;
    }
  }
  if (hours > 14 || minutes > 59) return -1;
  scanned.offsetMinutes = (c === 43 ? 1 : -1) * (hours * 60 + minutes);
  return end;
}

/** Splits a value into its parts without deciding day/month order; `scanned.kind` says what was found. */
function scanDate(raw: string): Kind {
  scanned.kind = Kind.Invalid;
  scanned.hasTime = false;
  scanned.hour = scanned.minute = scanned.second = scanned.millis = 0;
  scanned.offsetMinutes = Number.NaN;
  const text = raw;
  let i = skipSpaces(text, 0);
  const [first, f] = digitsAt(text, i, 4);
  const sep = text.charCodeAt(f);
  if (sep !== 45 && sep !== 47 && sep !== 46) return Kind.Invalid;
  const [second, s] = digitsAt(text, f + 1, 2);
  if (s === f + 1 || text.charCodeAt(s) !== sep) return Kind.Invalid;
  const [third, t] = digitsAt(text, s + 1, 4);
  let kind: Kind;
  if (f - i === 4 && sep !== 46 && t - s - 1 >= 1 && t - s - 1 <= 2) {
    kind = Kind.Iso;
    scanned.year = first;
    scanned.a = second;
    scanned.b = third;
  } else if (f - i >= 1 && f - i <= 2 && (t - s - 1 === 4 || t - s - 1 === 2)) {
    kind = Kind.Pair;
    scanned.a = first;
    scanned.b = second;
    scanned.year = t - s - 1 === 2 ? 2000 + third : third;
  } else return Kind.Invalid;
  i = t;
  if (i < text.length) {
    const c = text.charCodeAt(i);
    let timeStart = -1;
    if (c === 84 || c === 116) timeStart = i + 1;
    else if (c === 44 || isSpace(c)) timeStart = skipSpaces(text, c === 44 ? i + 1 : i);
    if (timeStart >= 0 && timeStart < text.length) {
      const end = scanTime(text, timeStart);
      if (end < 0) return Kind.Invalid;
      i = scanOffset(text, end);
      if (i < 0) return Kind.Invalid;
    }
    if (skipSpaces(text, i) !== text.length) return Kind.Invalid;
  }
  if (scanned.year < 1900 || scanned.year > 2200) return Kind.Invalid;
  scanned.kind = kind;
  return kind;
}

/** What one value says about day/month order: `either` when both numbers are 12 or less. */
export type DateEvidence = 'iso' | 'dmy' | 'mdy' | 'either' | 'invalid';

export function dateEvidence(value: string): DateEvidence {
  const kind = scanDate(value);
  if (kind === Kind.Iso) return validDay(scanned.year, scanned.a, scanned.b) ? 'iso' : 'invalid';
  if (kind === Kind.Invalid) return 'invalid';
  const asDmy = validDay(scanned.year, scanned.b, scanned.a);
  const asMdy = validDay(scanned.year, scanned.a, scanned.b);
  return asDmy && asMdy ? 'either' : asDmy ? 'dmy' : asMdy ? 'mdy' : 'invalid';
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

/**
 * Reads dates in one file's conventions. `read` returns the wall-clock time in the import's zone (ms, as
 * if UTC; see ZoneClock) or NaN; after it, `hasTime` says whether the value had a time and `ambiguous`
 * whether it failed only because its day/month order is unknown (order not settled, both numbers ≤ 12).
 */
export class DateReader {
  hasTime = false;
  ambiguous = false;
  constructor(
    private readonly order: DateOrder | null,
    private readonly clock: ZoneClock,
  ) {}

  read(value: string): number {
    this.ambiguous = false;
    const kind = scanDate(value);
    this.hasTime = scanned.hasTime;
    if (kind === Kind.Invalid) return Number.NaN;
    let month: number;
    let day: number;
    if (kind === Kind.Iso) {
      month = scanned.a;
      day = scanned.b;
    } else {
      const asDmy = validDay(scanned.year, scanned.b, scanned.a);
      const asMdy = validDay(scanned.year, scanned.a, scanned.b);
      const order = this.order ?? (asDmy && !asMdy ? 'dmy' : asMdy && !asDmy ? 'mdy' : null);
      if (order === null) {
        this.ambiguous = asDmy && asMdy;
        return Number.NaN;
      }
      month = order === 'dmy' ? scanned.b : scanned.a;
      day = order === 'dmy' ? scanned.a : scanned.b;
    }
    if (!validDay(scanned.year, month, day) || scanned.hour > 23 || scanned.minute > 59 || scanned.second > 59) return Number.NaN;
    const wall = Date.UTC(scanned.year, month - 1, day, scanned.hour, scanned.minute, scanned.second, scanned.millis);
    if (Number.isNaN(scanned.offsetMinutes)) return wall;
    return this.clock.localOf(wall - scanned.offsetMinutes * 60_000);
  }
}
