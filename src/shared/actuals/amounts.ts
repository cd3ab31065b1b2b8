import type { DecimalSeparator } from './types';

/** A currency symbol (€, $, US$) or ISO code (EUR) before or after the number. */
const CURRENCY_EDGES = /^(?:[A-Z]{3}|[A-Z]{0,2}\p{Sc})\s*|\s*(?:[A-Z]{3}|\p{Sc})$/gu;
const GROUP_SPACES = /[\s\u00a0\u202f']/g;
const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED: Record<DecimalSeparator, RegExp> = {
  '.': /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/,
  ',': /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/,
};

/**
 * Reads an amount as people and CRMs write it: `1234.5`, `1,234.50`, `1.234,50`, `1 234,50`, `€1,234`,
 * `1.234 EUR`, `-120`, `(120)`. `decimal` is the file's decimal separator; the other one may only group
 * thousands (in threes), so `1,5` in a file with decimal points is refused rather than read as 15.
 * Returns NaN when it is not an amount; a negative amount comes back negative (the caller rejects it).
 */
export function parseAmount(text: string, decimal: DecimalSeparator): number {
  if (isPlainNumber(text, decimal)) return Number(text);
  let s = text.trim();
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY_EDGES, '');
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1).replace(CURRENCY_EDGES, '');
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  s = s.replace(GROUP_SPACES, '');
  if (s === '') return Number.NaN;
  let normal: string;
  if (GROUPED[decimal].test(s)) normal = s.replaceAll(decimal === '.' ? ',' : '.', '').replace(',', '.');
  else {
    normal = decimal === ',' ? s.replace(',', '.') : s;
    if (!PLAIN.test(normal)) return Number.NaN;
  }
  const value = Number(normal);
  return negative ? -value : value;
}

/**
 * Digits with at most one decimal point between digits (`1234`, `1234.50`; no point when the file's decimal
 * is a comma): what CRMs write, read by Number as the full rules below would read it, without their regexes.
 */
function isPlainNumber(text: string, decimal: DecimalSeparator): boolean {
  const length = text.length;
  if (length === 0 || length > 20) return false;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || decimal !== '.' || point >= 0 || i === 0 || i === length - 1) return false;
    point = i;
  }
  return true;
}

/**
 * What one value says about the decimal separator: both marks → the last one is decimal; one mark used
 * twice → it groups thousands; one mark once, not followed by exactly three digits → it is decimal.
 * `1,234` alone says nothing.
 */
export function decimalEvidence(text: string): DecimalSeparator | null {
  const s = text.replace(GROUP_SPACES, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!mark) return null;
  const at = mark === '.' ? lastDot : lastComma;
  if (s.indexOf(mark) !== at) return mark === '.' ? ',' : '.';
  const digitsAfter = /^\d*/.exec(s.slice(at + 1))?.[0].length ?? 0;
  return digitsAfter === 3 ? null : mark;
}
