/**
 * Calendar dates ('YYYY-MM-DD') in words, always with their weekday: a facilitator who reads "15 January"
 * has to count to know it is a Saturday, one who reads "Saturday, 15 January" does not. Formatted in UTC so
 * the machine's time zone can never move a calendar date by a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a 'YYYY-MM-DD' date; null for anything that is not one. */
export function calendarDateToUtc(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

export type CalendarStyle = 'long' | 'short';

const OPTIONS: Record<CalendarStyle, Intl.DateTimeFormatOptions> = {
  // "Friday, January 15, 2027" / "viernes, 15 de enero de 2027"
  long: { dateStyle: 'full', timeZone: 'UTC' },
  // "Fri, Jan 15, 2027" / "vie, 15 ene 2027": for table columns and lists
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
};

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, style: CalendarStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    cache.set(key, format);
  }
  return format;
}

/** A calendar date with its weekday in `locale`; the input itself when it is not a date. */
export function formatCalendarDate(iso: string, locale: string, style: CalendarStyle = 'long'): string {
  const date = calendarDateToUtc(iso);
  return date ? formatter(locale, style).format(date) : iso;
}

/** The weekday's name alone ("Saturday", "sábado"), for notes such as "moved from Saturday". */
export function weekdayName(iso: string, locale: string): string {
  const date = calendarDateToUtc(iso);
  return date ? new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date) : iso;
}

export type MomentStyle = 'long' | 'short' | 'date';

const MOMENT_OPTIONS: Record<MomentStyle, Intl.DateTimeFormatOptions> = {
  // "Saturday, January 16, 2027 at 10:00 AM" / "sábado, 16 de enero de 2027, 10:00"
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  // "Sat, Jan 16, 10:00 AM" / "sáb, 16 ene, 10:00": beside an item, where the year goes without saying
  short: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  // "Sat, Jan 16, 2027" / "sáb, 16 ene 2027"
  date: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
};

/** A moment (ISO timestamp) with its weekday, in the viewer's own time zone: when something happened here. */
export function formatMoment(iso: string | Date, locale: string, style: MomentStyle = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, MOMENT_OPTIONS[style]).format(date);
}
