import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/es';
import type { Language } from '../../shared/model/schema';

dayjs.extend(customParseFormat);

/**
 * Dates as people type them in the interface language: day first in Spanish (15/01/2027), month first in
 * English (01/15/2027), whatever the browser's own locale says. The date field shows and accepts this
 * format, and writes the weekday in words beside it, so "01/02/2027" can never be read the wrong way round
 * unnoticed.
 */
export const DATE_INPUT_FORMAT: Record<Language, string> = { es: 'DD/MM/YYYY', en: 'MM/DD/YYYY' };

/** Every way of writing the numeric format with one- or two-digit day and month, and -, / or . between them. */
function numericFormats(dayFirst: boolean): string[] {
  const formats: string[] = [];
  for (const separator of ['/', '-', '.']) {
    for (const day of ['D', 'DD']) {
      for (const month of ['M', 'MM']) formats.push(dayFirst ? `${day}${separator}${month}${separator}YYYY` : `${month}${separator}${day}${separator}YYYY`);
    }
  }
  return formats;
}

/** Formats accepted besides the numeric one: ISO (pasted from elsewhere) and month names. */
const WORDED: Record<Language, string[]> = {
  es: ['D MMM YYYY', 'D MMMM YYYY', 'D [de] MMMM [de] YYYY'],
  en: ['D MMM YYYY', 'D MMMM YYYY', 'MMM D YYYY', 'MMM D, YYYY', 'MMMM D YYYY', 'MMMM D, YYYY'],
};
const FORMATS: Record<Language, string[]> = {
  es: [...numericFormats(true), 'YYYY-MM-DD', ...WORDED.es],
  en: [...numericFormats(false), 'YYYY-MM-DD', ...WORDED.en],
};

/** A plausible range for an agreement's dates; also keeps a half-typed "0202" from passing as year 202. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/**
 * The 'YYYY-MM-DD' date a person typed, or null when it is not a complete, real date in one of the formats
 * of `lang` (strict: 31/02/2027 and 2/3/27 are refused, never "corrected" into another day).
 */
export function parseTypedDate(text: string, lang: Language): string | null {
  // Month names are matched as the locale writes them ("ene", "Jan"); people type them in any case.
  const normalized = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\p{L}+/gu, (word) => (lang === 'es' ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()));
  if (!normalized) return null;
  const parsed = dayjs(normalized, FORMATS[lang], lang, true);
  if (!parsed.isValid()) return null;
  const year = parsed.year();
  return year < MIN_YEAR || year > MAX_YEAR ? null : parsed.format('YYYY-MM-DD');
}

/** How a stored date reads in the field, e.g. "15/01/2027" in Spanish. */
export function formatTypedDate(iso: string, lang: Language): string {
  const date = dayjs(iso, 'YYYY-MM-DD', true);
  return date.isValid() ? date.format(DATE_INPUT_FORMAT[lang]) : iso;
}
