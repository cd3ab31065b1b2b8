/**
 * Calendar maths for the review cadence, on plain 'YYYY-MM-DD' strings. Everything is computed in UTC on
 * calendar dates so a time zone or a daylight-saving change can never move a review to the day before.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a real calendar date; null for anything else (including 2025-02-30). */
export function parseIsoDate(iso: string): Ymd | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = ({ year, month, day }: Ymd) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** `date` plus `months` calendar months; a day the target month lacks becomes its last day (Aug 31 + 6 → Feb 28/29). */
export function addMonths(date: Ymd, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * The first `count` formal reviews: the first review date, then every `everyMonths` months. Each date is
 * counted from the first one, never from the previous, so clamping Aug 31 to Feb 28 does not pull every
 * later review to the 28th.
 */
export function reviewDates(firstReviewDate: string, everyMonths: number, count: number): string[] {
  const first = parseIsoDate(firstReviewDate);
  if (!first || !Number.isInteger(everyMonths) || everyMonths < 1 || !Number.isInteger(count) || count < 1) return [];
  return Array.from({ length: count }, (_, i) => format(addMonths(first, i * everyMonths)));
}

/**
 * The next `count` monthly review meetings on `dayOfMonth` (1–28, so every month has it), the first one on
 * or after `from`. Empty when no day is set.
 */
export function monthlyMeetingDates(dayOfMonth: number | null, from: string, count: number): string[] {
  const start = parseIsoDate(from);
  if (dayOfMonth === null || !Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 28 || !start || !Number.isInteger(count) || count < 1) return [];
  const offset = start.day <= dayOfMonth ? 0 : 1;
  return Array.from({ length: count }, (_, i) => format(addMonths({ year: start.year, month: start.month, day: dayOfMonth }, offset + i)));
}

/** Today's calendar date where the user is, as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
