import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from './typedDate';

describe('dates typed in the interface language', () => {
  it('reads day first in Spanish and month first in English', () => {
    expect(parseTypedDate('07/12/2026', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('07/12/2026', 'en')).toBe('2026-07-12');
    expect(parseTypedDate('7/12/2026', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('7-12-2026', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('7.12.2026', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('12/7/2026', 'en')).toBe('2026-12-07');
  });

  it('also takes ISO dates and month names, in any case', () => {
    expect(parseTypedDate('2026-12-07', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('2026-12-07', 'en')).toBe('2026-12-07');
    expect(parseTypedDate('7 Dec 2026', 'en')).toBe('2026-12-07');
    expect(parseTypedDate('dec 7, 2026', 'en')).toBe('2026-12-07');
    expect(parseTypedDate('December 7 2026', 'en')).toBe('2026-12-07');
    expect(parseTypedDate('7 dic 2026', 'es')).toBe('2026-12-07');
    expect(parseTypedDate('7 de Diciembre de 2026', 'es')).toBe('2026-12-07');
  });

  it('refuses what is not a complete, real date instead of guessing', () => {
    for (const text of ['31/02/2027', '15/13/2027', '15/01/27', '15/01/202', '15/01/20271', '', '   ', 'mañana', '01/15/2027']) {
      expect(parseTypedDate(text, 'es'), text).toBeNull();
    }
    expect(parseTypedDate('15/01/2027', 'en')).toBeNull();
    expect(parseTypedDate('02/29/2027', 'en')).toBeNull();
    expect(parseTypedDate('02/29/2028', 'en')).toBe('2028-02-29');
    expect(parseTypedDate('01/01/0202', 'es')).toBeNull();
  });

  it('shows a stored date the way it is typed', () => {
    expect(formatTypedDate('2027-01-15', 'es')).toBe('15/01/2027');
    expect(formatTypedDate('2027-01-15', 'en')).toBe('01/15/2027');
    expect(formatTypedDate('garbage', 'en')).toBe('garbage');
  });
});
