/**
 * Numbers as people write them in their own language, and as they paste them from a spreadsheet in
 * someone else's. "120.000" is a hundred and twenty thousand in Spanish; "1.250" typed in English could be
 * a decimal or a Spanish thousands separator, so the reader asks instead of guessing. Pure: no DOM, no
 * state; the separators come from Intl for the interface's locale.
 */

/** How a locale writes numbers: the thousands separator and the decimal mark. */
export interface NumberConvention {
  group: string;
  decimal: string;
}

const conventions = new Map<string, NumberConvention>();

/** The separators of `locale`, taken from Intl (never hard-coded per language). */
export function numberConvention(locale: string): NumberConvention {
  const cached = conventions.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1_234_567.5);
  const convention = {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
  conventions.set(locale, convention);
  return convention;
}

/** A value read from text, with how many decimals it really carries ("12,50" carries 1). */
export interface NumberValue {
  value: number;
  decimals: number;
}

export type NumberReading =
  | { kind: 'empty' }
  | ({ kind: 'number' } & NumberValue)
  /** Two conventions read it differently, or only the other one reads it: the user must choose. */
  | { kind: 'ambiguous'; readings: NumberValue[] }
  /** Not a number; `incomplete` when more typing could still make it one ("120.", "-", "1.25"). */
  | { kind: 'invalid'; incomplete: boolean };

/** Spaces of every width (NBSP, narrow NBSP, thin space…) and apostrophes group digits in every language. */
const SPACE = /\s+/gu;
const SPACE_GROUP = ' ';
const APOSTROPHES = /['’]/gu;
const SIGNS = new Set(['-', '−', '–', '+']);
/** A currency symbol, with up to three capitals around it ("US$", "R$", "£GB"), or an ISO code ("EUR"). */
const LEADING_MONEY = /^(?:[A-Z]{0,3}\p{Sc}[A-Z]{0,3}|[A-Z]{3}(?=[\s\d\-−–+.,]|$))\s*/u;
const TRAILING_MONEY = /\s*(?:[A-Z]{0,3}\p{Sc}[A-Z]{0,3}|(?<=[\s\d])[A-Z]{3}|%)$/u;

interface Cleaned {
  negative: boolean;
  /** Digits and separators only, every space turned into one SPACE_GROUP, apostrophes too. */
  body: string;
}

/** Strips what a pasted amount carries around the digits: currency, percent, sign, spaces. */
function clean(text: string): Cleaned | null {
  let rest = text.replace(SPACE, SPACE_GROUP).trim();
  let sign: string | null = null;
  for (let guard = 0; guard < 4; guard++) {
    const before = rest;
    rest = rest.replace(LEADING_MONEY, '').replace(TRAILING_MONEY, '').trim();
    const first = rest[0];
    if (sign === null && first !== undefined && SIGNS.has(first)) {
      sign = first;
      rest = rest.slice(1).trim();
    }
    if (rest === before) break;
  }
  const body = rest.replace(APOSTROPHES, SPACE_GROUP).replace(/ +/g, SPACE_GROUP);
  if (!/^[\d., ]*$/.test(body)) return null;
  return { negative: sign !== null && sign !== '+', body };
}

type Read = { ok: true; value: number; decimals: number; usedDecimal: boolean } | { ok: false; incomplete: boolean };
const INVALID: Read = { ok: false, incomplete: false };

/** Reads `body` with one convention's separators: digits, optional groups of three, one decimal mark. */
function readWith(body: string, convention: NumberConvention, negative: boolean): Read {
  const decimal = convention.decimal;
  // The locale's own space-like group separator (French) is just a space once cleaned.
  const group = /\s/u.test(convention.group) ? SPACE_GROUP : convention.group;
  const at = body.indexOf(decimal);
  if (at >= 0 && body.indexOf(decimal, at + 1) >= 0) return INVALID;
  const integer = at >= 0 ? body.slice(0, at) : body;
  const fraction = at >= 0 ? body.slice(at + 1) : null;
  if (fraction !== null && !/^\d*$/.test(fraction)) return INVALID;

  const separators = new Set(integer.replace(/\d/g, ''));
  let digits = integer;
  if (separators.size > 1) return INVALID;
  const [separator] = separators;
  if (separator !== undefined) {
    if (separator !== group && separator !== SPACE_GROUP) return INVALID;
    const [head = '', ...tail] = integer.split(separator);
    // One to three digits lead; a lone "0" cannot lead a group ("0.250" is not 250).
    if (head.length === 0 || head.length > 3 || head.startsWith('0')) return INVALID;
    if (tail.slice(0, -1).some((g) => g.length !== 3)) return INVALID;
    const last = tail[tail.length - 1] ?? '';
    if (last.length > 3) return INVALID;
    // "120." or "120.00": a group still being typed; a decimal part after it cannot be.
    if (last.length < 3) return { ok: false, incomplete: fraction === null };
    digits = head + tail.join('');
  }
  if (fraction === '') return { ok: false, incomplete: true };
  if (digits === '' && (fraction === null || fraction === '')) return { ok: false, incomplete: true };
  const value = Number(`${negative ? '-' : ''}${digits || '0'}.${fraction ?? '0'}`);
  if (!Number.isFinite(value)) return INVALID;
  const significant = (fraction ?? '').replace(/0+$/, '');
  return { ok: true, value: value === 0 ? 0 : value, decimals: significant.length, usedDecimal: fraction !== null };
}

/** The other common way to write numbers: the decimal mark and the thousands separator swapped. */
function otherConvention(ui: NumberConvention): NumberConvention {
  return ui.decimal === ',' ? { group: ',', decimal: '.' } : { group: '.', decimal: ',' };
}

/**
 * Reads what the user typed or pasted, the way the interface's language writes numbers. Accepts currency
 * signs and codes, a percent sign, any kind of space as a thousands separator and a leading sign. A text
 * that another convention reads differently and plausibly (English "1.250": 1.25 or 1,250?) comes back
 * as `ambiguous` with both readings, the interface's first; a text only the other convention can read
 * ("1.250.000,50" in English) comes back as `ambiguous` with that single reading, to be confirmed.
 * `final` says the user has left the field: text that is only unfinished in the interface's convention
 * is then offered in the other one ("1,5" in English: did you mean 1.5?).
 */
export function parseLocaleNumber(text: string, locale: string, { final = false }: { final?: boolean } = {}): NumberReading {
  if (text.trim() === '') return { kind: 'empty' };
  const cleaned = clean(text);
  if (!cleaned) return { kind: 'invalid', incomplete: false };
  const { body, negative } = cleaned;
  // Only a sign, a currency or a separator so far: a number may still follow.
  if (!/\d/.test(body)) return { kind: 'invalid', incomplete: true };
  const ui = numberConvention(locale);
  const mine = readWith(body, ui, negative);
  if (!/[.,]/.test(body) || (ui.decimal !== '.' && ui.decimal !== ',')) {
    return mine.ok ? { kind: 'number', value: mine.value, decimals: mine.decimals } : { kind: 'invalid', incomplete: mine.incomplete };
  }
  const theirs = readWith(body, otherConvention(ui), negative);
  if (mine.ok) {
    // Only a decimal mark followed by three digits is in doubt ("1.250" in English); a thousands
    // separator written the interface's way ("120.000" in Spanish) is what the user meant.
    if (theirs.ok && theirs.value !== mine.value && mine.usedDecimal) {
      return { kind: 'ambiguous', readings: [toValue(mine), toValue(theirs)] };
    }
    return { kind: 'number', value: mine.value, decimals: mine.decimals };
  }
  // While typing, "1,5" in English is a thousands group on its way; once the field is left it may be Spanish.
  if (mine.incomplete && !(final && theirs.ok)) return { kind: 'invalid', incomplete: true };
  if (theirs.ok) return { kind: 'ambiguous', readings: [toValue(theirs)] };
  return { kind: 'invalid', incomplete: theirs.incomplete };
}

const toValue = (read: { value: number; decimals: number }): NumberValue => ({ value: read.value, decimals: read.decimals });

/** Decimals in the shortest text that gives back `value` exactly (12.5 → 1, 1e-7 → 7). */
export function decimalsOf(value: number): number {
  const [mantissa = '', exponent] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  const shift = exponent ? Number(exponent) : 0;
  return Math.min(20, Math.max(0, fraction - shift));
}

/**
 * `value` written the way `locale` writes it, with every decimal it has (nothing rounded away). `cents`
 * writes amounts with a fraction as money is written: 1250000.5 → "1.250.000,50".
 */
export function formatLocaleNumber(value: number, locale: string, { cents = false }: { cents?: boolean } = {}): string {
  const decimals = decimalsOf(value);
  const minimum = cents && decimals > 0 ? 2 : 0;
  return new Intl.NumberFormat(locale, { useGrouping: true, minimumFractionDigits: minimum, maximumFractionDigits: Math.max(decimals, minimum) }).format(value);
}
