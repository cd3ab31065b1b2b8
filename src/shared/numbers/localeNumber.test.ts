import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/limits';
import { decimalsOf, formatLocaleNumber, numberConvention, parseLocaleNumber, type NumberReading } from './localeNumber';
import { checkLimits } from './numberLimits';

const number = (value: number, decimals = 0): NumberReading => ({ kind: 'number', value, decimals });
const LOCALES = ['es', 'en', 'es-ES', 'en-US', 'en-GB', 'es-MX', 'de-DE', 'fr-FR', 'pt-BR'];

describe('numberConvention', () => {
  it('takes the separators from Intl', () => {
    expect(numberConvention('es')).toEqual({ group: '.', decimal: ',' });
    expect(numberConvention('en')).toEqual({ group: ',', decimal: '.' });
    // Mexican Spanish writes numbers the English way: the language alone does not decide.
    expect(numberConvention('es-MX')).toEqual({ group: ',', decimal: '.' });
    expect(numberConvention('fr-FR').decimal).toBe(',');
  });
});

describe('parseLocaleNumber', () => {
  it('reads Spanish thousands and decimals as Spanish writes them', () => {
    expect(parseLocaleNumber('120.000', 'es')).toEqual(number(120_000));
    expect(parseLocaleNumber('1.250.000,50', 'es')).toEqual(number(1_250_000.5, 1));
    expect(parseLocaleNumber('12,5', 'es')).toEqual(number(12.5, 1));
    expect(parseLocaleNumber('1234', 'es')).toEqual(number(1234));
    expect(parseLocaleNumber(',5', 'es')).toEqual(number(0.5, 1));
  });

  it('reads English thousands and decimals as English writes them', () => {
    expect(parseLocaleNumber('250,000', 'en')).toEqual(number(250_000));
    expect(parseLocaleNumber('1,250,000.50', 'en')).toEqual(number(1_250_000.5, 1));
    expect(parseLocaleNumber('1.25', 'en')).toEqual(number(1.25, 2));
  });

  it('accepts pasted amounts with currency signs, codes, percent signs and every kind of space', () => {
    expect(parseLocaleNumber('€ 1.250.000,50', 'es')).toEqual(number(1_250_000.5, 1));
    expect(parseLocaleNumber('1.250.000,50\u00a0€', 'es')).toEqual(number(1_250_000.5, 1));
    expect(parseLocaleNumber('$250,000.00', 'en')).toEqual(number(250_000));
    expect(parseLocaleNumber('US$ 250,000', 'en')).toEqual(number(250_000));
    expect(parseLocaleNumber('USD 1,000', 'en')).toEqual(number(1000));
    expect(parseLocaleNumber('1.000 EUR', 'es')).toEqual(number(1000));
    expect(parseLocaleNumber('1 250 000', 'en')).toEqual(number(1_250_000));
    expect(parseLocaleNumber('1\u00a0250\u00a0000', 'es')).toEqual(number(1_250_000));
    expect(parseLocaleNumber('1\u202f250\u202f000,5', 'es')).toEqual(number(1_250_000.5, 1));
    expect(parseLocaleNumber("1'250'000", 'en')).toEqual(number(1_250_000));
    expect(parseLocaleNumber('  40 %  ', 'es')).toEqual(number(40));
    expect(parseLocaleNumber('-€5', 'en')).toEqual(number(-5));
    expect(parseLocaleNumber('−5 %', 'es')).toEqual(number(-5));
  });

  it('asks when a decimal mark followed by three digits could be a foreign thousands separator', () => {
    expect(parseLocaleNumber('1.250', 'en')).toEqual({
      kind: 'ambiguous',
      readings: [
        { value: 1.25, decimals: 2 },
        { value: 1250, decimals: 0 },
      ],
    });
    expect(parseLocaleNumber('1,250', 'es')).toEqual({
      kind: 'ambiguous',
      readings: [
        { value: 1.25, decimals: 2 },
        { value: 1250, decimals: 0 },
      ],
    });
    // The thousands separator written the interface's way is never in doubt.
    expect(parseLocaleNumber('1.250', 'es')).toEqual(number(1250));
    expect(parseLocaleNumber('1,250', 'en')).toEqual(number(1250));
    // A leading 0 cannot start a thousands group, so "0.250" is a decimal in English.
    expect(parseLocaleNumber('0.250', 'en')).toEqual(number(0.25, 2));
  });

  it('offers the only reading of a number written the other way, to be confirmed', () => {
    expect(parseLocaleNumber('1.250.000,50', 'en')).toEqual({ kind: 'ambiguous', readings: [{ value: 1_250_000.5, decimals: 1 }] });
    expect(parseLocaleNumber('$250,000.00', 'es')).toEqual({ kind: 'ambiguous', readings: [{ value: 250_000, decimals: 0 }] });
    expect(parseLocaleNumber('1.2345', 'es')).toEqual({ kind: 'ambiguous', readings: [{ value: 1.2345, decimals: 4 }] });
  });

  it('treats a number being typed as unfinished, not wrong', () => {
    for (const text of ['120.', '120.0', '120.00', '5,', '-', '€', '1.250.'])
      expect(parseLocaleNumber(text, 'es'), text).toEqual({ kind: 'invalid', incomplete: true });
    expect(parseLocaleNumber('1,5', 'en')).toEqual({ kind: 'invalid', incomplete: true });
    // Once the field is left, "1,5" in English is offered as the Spanish 1.5.
    expect(parseLocaleNumber('1,5', 'en', { final: true })).toEqual({ kind: 'ambiguous', readings: [{ value: 1.5, decimals: 1 }] });
  });

  it('refuses what is not a number', () => {
    for (const text of ['abc', '1e6', '1..2', '12a', '--5', '1,2,3,4', '5 + 3', '0x10', 'Infinity', '1.2.3,4,5']) {
      expect(parseLocaleNumber(text, 'en').kind, text).not.toBe('number');
      expect(parseLocaleNumber(text, 'es').kind, text).not.toBe('number');
    }
    expect(parseLocaleNumber('abc', 'en')).toEqual({ kind: 'invalid', incomplete: false });
    expect(parseLocaleNumber('   ', 'en')).toEqual({ kind: 'empty' });
  });

  // Values people store: up to two decimals (money), within the model's limits.
  const value = fc
    .tuple(fc.integer({ min: -LIMITS.maxNumber, max: LIMITS.maxNumber }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(0, 1, 2))
    .map(([whole, cents, decimals]) => {
      const fraction = decimals === 0 ? 0 : decimals === 1 ? Math.floor(cents / 10) / 10 : cents / 100;
      return Number((Math.abs(whole) + fraction).toFixed(decimals)) * Math.sign(whole || 1);
    });

  it('reads back whatever it formats, in every locale (format → parse round trip)', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...LOCALES), (n, locale) => {
        const reading = parseLocaleNumber(formatLocaleNumber(n, locale), locale);
        expect(reading).toEqual({ kind: 'number', value: n, decimals: decimalsOf(n) });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what Intl writes as money, with its symbol and non-breaking spaces', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...LOCALES), fc.constantFrom('EUR', 'USD', 'GBP', 'MXN'), (n, locale, currency) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' }).format(n);
        const reading = parseLocaleNumber(text, locale);
        expect(reading.kind === 'number' ? reading.value : reading, text).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads one text as two different numbers without asking', () => {
    const text = fc.stringMatching(/^-?[0-9]{1,7}([.,][0-9]{1,4}){0,3}$/);
    fc.assert(
      fc.property(text, fc.constantFrom('es', 'en'), (t, locale) => {
        const reading = parseLocaleNumber(t, locale);
        const other = parseLocaleNumber(t, locale === 'es' ? 'en' : 'es');
        // When both languages read a number but disagree, at least one of them must ask.
        if (reading.kind === 'number' && other.kind === 'number' && reading.value !== other.value) {
          throw new Error(`"${t}" read as ${reading.value} in ${locale} and ${other.value} in the other without asking`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatLocaleNumber', () => {
  it('keeps every decimal a stored value has (nothing rounded on screen)', () => {
    expect(formatLocaleNumber(12.345, 'en')).toBe('12.345');
    expect(formatLocaleNumber(1_250_000.5, 'es')).toBe('1.250.000,5');
    expect(formatLocaleNumber(1e-7, 'en')).toBe('0.0000001');
    expect(decimalsOf(0.1 + 0.2)).toBe(17);
    // Money with a fraction shows its cents; whole amounts stay whole.
    expect(formatLocaleNumber(1_250_000.5, 'es', { cents: true })).toBe('1.250.000,50');
    expect(formatLocaleNumber(12_500, 'en', { cents: true })).toBe('12,500');
    expect(formatLocaleNumber(0.125, 'en', { cents: true })).toBe('0.125');
  });
});

describe('checkLimits', () => {
  const rate = { min: 0, max: 100, decimals: 1 };
  it('reports values out of range without clamping them', () => {
    expect(checkLimits({ value: 150, decimals: 0 }, rate)).toEqual({ key: 'outOfRange', min: 0, max: 100, below: false });
    expect(checkLimits({ value: -5, decimals: 0 }, rate)).toEqual({ key: 'outOfRange', min: 0, max: 100, below: true });
    expect(checkLimits({ value: 31, decimals: 0 }, { min: 1, max: 28, decimals: 0 })).toMatchObject({ key: 'outOfRange', below: false });
  });
  it('reports decimals beyond what the field keeps instead of truncating them', () => {
    expect(checkLimits({ value: 12.25, decimals: 2 }, rate)).toEqual({ key: 'tooManyDecimals', decimals: 1 });
    expect(checkLimits({ value: 2.5, decimals: 1 }, { min: 0, max: 10, decimals: 0 })).toEqual({ key: 'wholeNumber' });
    expect(checkLimits({ value: 100, decimals: 0 }, rate)).toBeNull();
    expect(checkLimits({ value: 0, decimals: 0 }, rate)).toBeNull();
  });
});
