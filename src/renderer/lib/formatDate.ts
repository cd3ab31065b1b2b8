const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

import { formatMoment } from '../../shared/model/calendarFormat';

/** Full date and time, with the weekday, for tooltips and `title` attributes, in the UI language. */
export function formatDateTime(iso: string, locale: string): string {
  return formatMoment(iso, locale, 'long');
}

/** A compact date with its weekday ("Sat, Feb 1, 2025"). */
export function formatDate(iso: string, locale: string): string {
  return formatMoment(iso, locale, 'date');
}

/**
 * "5 minutes ago" / "yesterday" for the last week, where relative time reads faster; an absolute date
 * beyond that, where "23 days ago" would make people count.
 */
export function formatRelativeDate(iso: string, locale: string, now: Date = new Date()): string {
  const elapsed = now.getTime() - new Date(iso).getTime();
  if (elapsed < 0 || elapsed >= 7 * DAY) return formatDate(iso, locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < MINUTE) return relative.format(0, 'second');
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  return relative.format(-Math.floor(elapsed / DAY), 'day');
}
