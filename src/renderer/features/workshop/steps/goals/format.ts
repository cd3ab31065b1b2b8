import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface CurrencyAffix {
  prefix?: string;
  suffix?: string;
}

/**
 * Where the currency symbol goes for this locale: "$1" in English, "1 €" in Spanish. Taken from Intl so a
 * number box reads the way the room expects; an unknown code falls back to the code itself.
 */
export function currencyAffix(locale: string, currency: string): CurrencyAffix {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  } catch {
    return { suffix: ` ${currency}` };
  }
  const first = parts.findIndex((p) => p.type === 'integer');
  const last = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction');
  const join = (list: Intl.NumberFormatPart[]) => list.map((p) => p.value).join('');
  const before = join(parts.slice(0, first));
  const after = join(parts.slice(last + 1));
  return before ? { prefix: before } : { suffix: after };
}

export interface Formatters {
  locale: string;
  /** Whole or decimal numbers with the UI language's separators. */
  number(value: number): string;
  /** A percentage given as 0–100 (one decimal at most), e.g. "40%" or "40 %". */
  percent(value: number): string;
}

/** Number formatting that follows the interface language (the agreement's language is for content only). */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return { locale, number: (value) => numberFormat.format(value), percent: (value) => percentFormat.format(value / 100) };
  }, [locale]);
}
