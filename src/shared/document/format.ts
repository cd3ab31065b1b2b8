import { formatCalendarDate } from '../model/calendarFormat';
import type { Language } from '../model/schema';

/**
 * Numbers, money and dates the way a reader of the agreement's language expects them. Calendar dates are
 * formatted in UTC so the machine's time zone can never move them; a signature time is shown as the signer's
 * wall clock with its recorded offset, so every reader sees the same moment the same way.
 */
export interface Formatter {
  lang: Language;
  /** The BCP 47 locale behind the formatting, for the few callers that format something else (a weekday). */
  locale: string;
  number(value: number): string;
  /** An amount in the agreement's currency, e.g. "$200,000" or "12.500,50 €" (cents only when there are some). */
  currency(value: number): string;
  /** A percentage given as 0–100, e.g. "40%" or "40 %". */
  percent(value: number): string;
  /** 'YYYY-MM-DD' as a long date with its weekday; the input itself when it is not a date. */
  date(isoDate: string): string;
  /** 'YYYY-MM-DD' as a compact date for table columns: "Tue, Mar 10, 2026", "mar, 10 mar 2026". */
  shortDate(isoDate: string): string;
  /** An ISO timestamp with offset as "Tuesday, January 5, 2027 at 10:30 (UTC+01:00)"; the input itself when unreadable. */
  dateTime(isoDateTime: string): string;
  /** The calendar date of `now` where the code runs, as a long date with its weekday. */
  today(now: Date): string;
  /** "a, b and c" / "a, b y c". */
  list(items: string[]): string;
}

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Formatters hold only Intl objects, which are costly to build and never change: one per language and currency. */
const formatters = new Map<string, Formatter>();

export function createFormatter(lang: Language, currency: string): Formatter {
  const key = `${lang}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= 32) formatters.clear();
    formatter = buildFormatter(lang, currency);
    formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(lang: Language, currency: string): Formatter {
  const locale = LOCALES[lang];
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  let wholeCurrency: Intl.NumberFormat | null;
  let exactCurrency: Intl.NumberFormat | null;
  try {
    wholeCurrency = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    exactCurrency = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    wholeCurrency = exactCurrency = null;
  }
  // Every date carries its weekday (see model/calendarFormat.ts).
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' });
  const localDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  return {
    lang,
    locale,
    number: (value) => numberFormat.format(value),
    currency(value) {
      const format = Number.isInteger(value) ? wholeCurrency : exactCurrency;
      return format ? format.format(value) : `${numberFormat.format(value)} ${currency}`;
    },
    percent: (value) => percentFormat.format(value / 100),
    date: (isoDate) => formatCalendarDate(isoDate, locale, 'long'),
    shortDate: (isoDate) => formatCalendarDate(isoDate, locale, 'short'),
    dateTime(isoDateTime) {
      const m = ISO_DATE_TIME.exec(isoDateTime);
      if (!m) return isoDateTime;
      const wallClock = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
      if (Number.isNaN(wallClock.getTime())) return isoDateTime;
      const offset = m[7] === 'Z' || m[7] === '+00:00' || m[7] === '-00:00' ? 'UTC' : `UTC${m[7] ?? ''}`;
      return `${dateTimeFormat.format(wallClock)} (${offset})`;
    },
    today: (now) => localDateFormat.format(now),
    list: (items) => listFormat.format(items),
  };
}
