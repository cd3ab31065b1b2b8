import { describe, expect, it } from 'vitest';
import { calendarDateToUtc, formatCalendarDate, formatMoment, weekdayName } from './calendarFormat';

describe('calendar dates in words', () => {
  it('always carry their weekday, in the language asked for', () => {
    expect(formatCalendarDate('2027-01-16', 'en')).toBe('Saturday, January 16, 2027');
    expect(formatCalendarDate('2027-01-16', 'es')).toBe('sábado, 16 de enero de 2027');
    expect(formatCalendarDate('2027-01-16', 'en', 'short')).toBe('Sat, Jan 16, 2027');
    expect(formatCalendarDate('2027-01-16', 'es', 'short')).toBe('sáb, 16 ene 2027');
    expect([weekdayName('2027-01-16', 'en'), weekdayName('2027-01-16', 'es')]).toEqual(['Saturday', 'sábado']);
  });

  it('are read in UTC, so a time zone west of Greenwich does not make it Friday', () => {
    expect(calendarDateToUtc('2027-01-16')?.toISOString()).toBe('2027-01-16T00:00:00.000Z');
    expect(calendarDateToUtc('2027-02-30')).toBeNull();
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });

  it('writes moments with their weekday too', () => {
    expect(formatMoment('2027-01-16T10:00:00Z', 'en')).toMatch(/^(Friday|Saturday|Sunday), January 1[5-7], 2027/);
    expect(formatMoment('2027-01-16T12:00:00Z', 'es', 'date')).toMatch(/^(vie|sáb|dom), 1[5-7] ene 2027$/);
    expect(formatMoment('never', 'en')).toBe('never');
  });
});
