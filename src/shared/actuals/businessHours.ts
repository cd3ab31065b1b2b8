import type { BusinessCalendar } from './types';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number counted from 1970-01-01, a Thursday. */
const weekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The calendar Monday to Friday, 9:00 to 18:00. */
export const OFFICE_HOURS: BusinessCalendar = { weekdays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 };

/**
 * Working hours between two wall-clock times of the same zone: the parts of [start, end] that fall on a
 * working day between its start and end minute. Counted on the wall clock, so a daylight-saving change
 * overnight changes nothing; holidays are not known and count as working days. End before start gives 0.
 */
export function businessHoursBetween(startLocal: number, endLocal: number, calendar: BusinessCalendar): number {
  if (!(endLocal > startLocal)) return 0;
  const dayLength = Math.max(0, calendar.endMinute - calendar.startMinute) * MINUTE;
  const working = new Set(calendar.weekdays);
  let total = 0;
  let day = Math.floor(startLocal / DAY);
  const lastDay = Math.floor(endLocal / DAY);
  // Whole weeks in the middle count the same every time: skip them in one step.
  const fullWeeks = Math.floor((lastDay - day - 1) / 7);
  if (fullWeeks > 0) {
    let perWeek = 0;
    for (let d = 1; d <= 7; d++) if (working.has(d)) perWeek += dayLength;
    total += fullWeeks * perWeek;
  }
  for (; day <= lastDay; day++) {
    if (fullWeeks > 0 && day === Math.floor(startLocal / DAY) + 1) day += fullWeeks * 7;
    if (day > lastDay) break;
    if (!working.has(weekday(day))) continue;
    const open = day * DAY + calendar.startMinute * MINUTE;
    const close = open + dayLength;
    const from = Math.max(open, startLocal);
    const to = Math.min(close, endLocal);
    if (to > from) total += to - from;
  }
  return total / HOUR;
}
