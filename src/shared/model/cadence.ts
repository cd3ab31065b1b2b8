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

/** A date the calendar shows: on a working day, and where it was moved from when the rule landed on a weekend. */
export interface ScheduledDate {
  date: string;
  /** The weekend date the rule gave, or null when it already fell on a working day. */
  movedFrom: string | null;
}

/** 0 = Sunday … 6 = Saturday, for a valid calendar date. */
export function dayOfWeek(date: Ymd): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * Nobody holds a review on a Saturday: a date on a weekend moves to the following Monday (working days are
 * Monday to Friday; public holidays differ by region and are left to the people in the room).
 */
export function toWorkingDay(iso: string): ScheduledDate {
  const date = parseIsoDate(iso);
  if (!date) return { date: iso, movedFrom: null };
  const weekday = dayOfWeek(date);
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  if (shift === 0) return { date: iso, movedFrom: null };
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + shift));
  return { date: format({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }), movedFrom: iso };
}

/**
 * The formal reviews as they go in the diary: reviewDates() on working days. The rule itself still counts
 * from the first review date as entered, so a review moved to a Monday never drags the later ones along.
 */
export function reviewSchedule(firstReviewDate: string, everyMonths: number, count: number): ScheduledDate[] {
  return reviewDates(firstReviewDate, everyMonths, count).map(toWorkingDay);
}

/**
 * The monthly results meetings on working days (the 5th falling on a Saturday is held on Monday the 7th).
 * A meeting whose day has just passed but that moved to a Monday still ahead is still the next one.
 */
export function meetingSchedule(dayOfMonth: number | null, from: string, count: number): ScheduledDate[] {
  const start = parseIsoDate(from);
  if (!start || !Number.isInteger(count) || count < 1) return [];
  const twoDaysEarlier = new Date(Date.UTC(start.year, start.month - 1, start.day - 2));
  const lookFrom = format({ year: twoDaysEarlier.getUTCFullYear(), month: twoDaysEarlier.getUTCMonth() + 1, day: twoDaysEarlier.getUTCDate() });
  return monthlyMeetingDates(dayOfMonth, lookFrom, count + 1)
    .map(toWorkingDay)
    .filter((meeting) => meeting.date >= from)
    .slice(0, count);
}

/** Today's calendar date where the user is, as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
