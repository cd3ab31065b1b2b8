import type { DateOrder } from './types';
import type { ZoneClock } from './timeZone';

/**
 * Dates as CRMs and spreadsheets write them: ISO (`2025-03-07`, `2025-03-07T14:05:00Z`,
 * `2025-03-07 14:05`), and day/month or month/day with `/`, `-` or `.` (`07/03/2025 14:05`,
 * `3/7/2025, 2:05 PM`), optionally with seconds, fractions, AM/PM (also `a. m.`/`p. m.`) and an offset
 * (`Z`, `+01:00`, `+0100`, `UTC`). Two-digit years are 20xx. Hand-written over character codes, reading
 * the value in place inside the record's raw bytes (no decoding, substring, RegExp or Date per value),
 * because a million-row import reads several dates per row. Text values (a field papaparse read, a test's
 * string) are copied into a small array of char codes and read by the same code.
 */

/** What a scanned value looks like. */
const Kind = { Invalid: 0, Iso: 1, Pair: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** The last value scanned; fields are reused to avoid an allocation per date. */
const scanned = { kind: Kind.Invalid as Kind, year: 0, a: 0, b: 0, hour: 0, minute: 0, second: 0, millis: 0, hasTime: false, offsetMinutes: Number.NaN };

/**
 * The codes being scanned — a record's bytes, or a text's char codes — and where the value ends in them
 * (module state: one scan at a time, no allocation).
 */
let src: Uint8Array | Uint16Array = new Uint16Array(64);
let limit = 0;
/** Char codes of the last text value read (grown when a value is longer). */
let textCodes = new Uint16Array(64);
let textBytes = new Uint8Array(64);
/** The number `digitsAt` read last. */
let digitValue = 0;
let meridiemPm = false;

const code = (i: number) => (i < limit ? src[i]! : -1);
const isSpace = (c: number) => c === 32 || c === 9 || c === 160 || c === 0x202f;

/** Reads up to `max` digits from `start` into `digitValue`; returns the index after them. */
function digitsAt(start: number, max: number): number {
  let value = 0;
  let i = start;
  while (i < limit && i - start < max) {
    const c = src[i]! - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    i++;
  }
  digitValue = value;
  return i;
}

function skipSpaces(i: number): number {
  while (i < limit && isSpace(src[i]!)) i++;
  return i;
}

/** Reads an AM/PM marker (am, pm, a.m., p. m. …) at i: the index after it, or -1; `meridiemPm` says which. */
function meridiem(i: number): number {
  const c = code(i) | 0x20;
  if (c !== 97 && c !== 112) return -1;
  let j = i + 1;
  if (code(j) === 46) j++;
  j = skipSpaces(j);
  if ((code(j) | 0x20) !== 109) return -1;
  j++;
  if (code(j) === 46) j++;
  meridiemPm = c === 112;
  return j;
}

function scanTime(start: number): number {
  const h = digitsAt(start, 2);
  const hour = digitValue;
  if (h === start || code(h) !== 58) return -1;
  const m = digitsAt(h + 1, 2);
  if (m - h !== 3) return -1;
  scanned.hour = hour;
  scanned.minute = digitValue;
  let i = m;
  if (code(i) === 58) {
    const s = digitsAt(i + 1, 2);
    if (s - i !== 3) return -1;
    scanned.second = digitValue;
    i = s;
    if (code(i) === 46 || code(i) === 44) {
      const f = digitsAt(i + 1, 9);
      if (f === i + 1) return -1;
      scanned.millis = Math.floor(digitValue / 10 ** (f - i - 1 - 3));
      i = f;
    }
  }
  const mer = meridiem(skipSpaces(i));
  if (mer >= 0) {
    if (hour < 1 || hour > 12) return -1;
    scanned.hour = (hour % 12) + (meridiemPm ? 12 : 0);
    i = mer;
  }
  scanned.hasTime = true;
  return i;
}

function scanOffset(start: number): number {
  const i = skipSpaces(start);
  const c = code(i);
  if (c === 90 || c === 122) {
    scanned.offsetMinutes = 0;
    return i + 1;
  }
  const u = code(i) | 0x20;
  const word = u === 117 ? [117, 116, 99] : u === 103 ? [103, 109, 116] : null; // utc, gmt
  if (word && (code(i + 1) | 0x20) === word[1] && (code(i + 2) | 0x20) === word[2]) {
    scanned.offsetMinutes = 0;
    const after = i + 3;
    return code(after) === 43 || code(after) === 45 ? scanOffset(after) : after;
  }
  if (c !== 43 && c !== 45 && c !== 0x2212) return start;
  const h = digitsAt(i + 1, 2);
  const hours = digitValue;
  if (h - i !== 3) return -1;
  let minutes = 0;
  let end = h;
  if (code(h) === 58) {
    const m = digitsAt(h + 1, 2);
    if (m - h !== 3) return -1;
    minutes = digitValue;
    end = m;
  } else {
    const m = digitsAt(h, 2);
    if (m - h === 2) {
      minutes = digitValue;
      end = m;
    }
  }
  if (hours > 14 || minutes > 59) return -1;
  scanned.offsetMinutes = (c === 43 ? 1 : -1) * (hours * 60 + minutes);
  return end;
}

/** Splits codes[from, to) into its parts without deciding day/month order; `scanned` holds them. */
function scanDate(codes: Uint8Array | Uint16Array, from: number, to: number): Kind {
  src = codes;
  limit = to;
  scanned.kind = Kind.Invalid;
  scanned.hasTime = false;
  scanned.hour = scanned.minute = scanned.second = scanned.millis = 0;
  scanned.offsetMinutes = Number.NaN;
  const i = skipSpaces(from);
  const f = digitsAt(i, 4);
  const first = digitValue;
  const sep = code(f);
  if (sep !== 45 && sep !== 47 && sep !== 46) return Kind.Invalid;
  const s = digitsAt(f + 1, 2);
  const second = digitValue;
  if (s === f + 1 || code(s) !== sep) return Kind.Invalid;
  const t = digitsAt(s + 1, 4);
  const third = digitValue;
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
  let at = t;
  if (at < limit) {
    const c = code(at);
    let timeStart = -1;
    if (c === 84 || c === 116) timeStart = at + 1;
    else if (c === 44 || isSpace(c)) timeStart = skipSpaces(c === 44 ? at + 1 : at);
    if (timeStart >= 0 && timeStart < limit) {
      const end = scanTime(timeStart);
      if (end < 0) return Kind.Invalid;
      at = scanOffset(end);
      if (at < 0) return Kind.Invalid;
    }
    if (skipSpaces(at) !== limit) return Kind.Invalid;
  }
  if (scanned.year < 1900 || scanned.year > 2200) return Kind.Invalid;
  scanned.kind = kind;
  return kind;
}

/** What readFixedIso returns for a value of another shape, or one it leaves to the full scan. */
const NOT_FIXED = Number.POSITIVE_INFINITY;

/** The two digits at i as a number, or -1. */
function twoDigits(codes: Uint8Array | Uint16Array, i: number): number {
  const a = codes[i]! - 48;
  const b = codes[i + 1]! - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shapes CRM exports write every date in — `YYYY-MM-DD`, with ` HH:MM` or `THH:MM`, and `:SS` — read at
 * fixed positions, the wall-clock time worked out without Date (days from civil, H. Hinnant). Anything else,
 * or a value out of range, is NOT_FIXED and goes through the full scan, which gives the same result for
 * these shapes (the dates test checks this), so this is only a shortcut.
 */
function readFixedIso(text: Uint8Array | Uint16Array, from: number, to: number): number {
  const length = to - from;
  if (length !== 10 && length !== 16 && length !== 19) return NOT_FIXED;
  if (text[from + 4] !== 45 || text[from + 7] !== 45) return NOT_FIXED;
  const century = twoDigits(text, from);
  const yy = twoDigits(text, from + 2);
  const month = twoDigits(text, from + 5);
  const day = twoDigits(text, from + 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return NOT_FIXED;
  const year = century * 100 + yy;
  if (year < 1900 || year > 2200) return NOT_FIXED;
  const slot = (year - 1900) * 12 + month - 1;
  const table = monthTable();
  if (day > table.length[slot]!) return NOT_FIXED;
  let time = 0;
  if (length > 10) {
    const t = text[from + 10];
    if ((t !== 32 && t !== 84) || text[from + 13] !== 58) return NOT_FIXED;
    const hour = twoDigits(text, from + 11);
    const minute = twoDigits(text, from + 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NOT_FIXED;
    time = hour * 3_600_000 + minute * 60_000;
    if (length === 19) {
      const second = twoDigits(text, from + 17);
      if (text[from + 16] !== 58 || second < 0 || second > 59) return NOT_FIXED;
      time += second * 1000;
    }
  }
  return (table.firstDay[slot]! + day - 1) * 86_400_000 + time;
}

/**
 * For each month from January 1900 to December 2200: its first day (days since 1970-01-01, days from civil,
 * H. Hinnant) and its length — a look-up per date instead of the arithmetic and the leap-year rule.
 */
let months: { firstDay: Int32Array; length: Uint8Array } | null = null;
function monthTable(): { firstDay: Int32Array; length: Uint8Array } {
  if (months) return months;
  const firstDay = new Int32Array(301 * 12);
  const length = new Uint8Array(301 * 12);
  for (let year = 1900; year <= 2200; year++) {
    for (let month = 1; month <= 12; month++) {
      const slot = (year - 1900) * 12 + month - 1;
      const y = month <= 2 ? year - 1 : year;
      const era = Math.floor(y / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      firstDay[slot] = era * 146_097 + doe - 719_468;
      const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      length[slot] = (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
    }
  }
  months = { firstDay, length };
  return months;
}

/** What one value says about day/month order: `either` when both numbers are 12 or less. */
export type DateEvidence = 'iso' | 'dmy' | 'mdy' | 'either' | 'invalid';

/**
 * The char codes of a text value, in a reused array, for the scanner: bytes when every code fits in one
 * (so the scanner sees the same kind of array as for a record's bytes), else 16-bit codes.
 */
function codesOf(value: string): Uint8Array | Uint16Array {
  if (value.length > textCodes.length) {
    textCodes = new Uint16Array(value.length * 2);
    textBytes = new Uint8Array(value.length * 2);
  }
  let wide = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    textCodes[i] = c;
    textBytes[i] = c;
    if (c > 0xff) wide = true;
  }
  return wide ? textCodes : textBytes;
}

export function dateEvidence(value: string): DateEvidence {
  const kind = scanDate(codesOf(value), 0, value.length);
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
    return this.readIn(codesOf(value), 0, value.length);
  }

  /**
   * Reads the date written in codes[from, to): a record's raw bytes (UTF-8 or Windows-1252: every
   * character a date is made of is ASCII there), or a text's char codes. A value holding another character
   * (a no-break space in UTF-8) fails here; the caller reads such a value again as text.
   */
  readIn(text: Uint8Array | Uint16Array, from: number, to: number): number {
    this.ambiguous = false;
    const fixed = readFixedIso(text, from, to);
    if (fixed !== NOT_FIXED) {
      this.hasTime = to - from > 10;
      return fixed;
    }
    const kind = scanDate(text, from, to);
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
