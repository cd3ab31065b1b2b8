import { describe, expect, it } from 'vitest';
import { monthAfter, monthName, monthOfPicked, monthToAdd } from './months';

describe('months of the figures grid', () => {
  it('adds the month after the latest held, across a year end, or last month for the first one', () => {
    expect(monthAfter('2026-12')).toBe('2027-01');
    expect(monthAfter('2027-09')).toBe('2027-10');
    expect(monthToAdd(['2027-03', '2026-11', '2027-01'], new Date(Date.UTC(2030, 5, 1)))).toBe('2027-04');
    expect(monthToAdd([], new Date(Date.UTC(2027, 4, 20)))).toBe('2027-04');
    expect(monthToAdd([], new Date(Date.UTC(2027, 0, 3)))).toBe('2026-12');
  });

  it('names a month in the interface’s language', () => {
    expect(monthName('2027-01', 'en')).toBe('January 2027');
    expect(monthName('2027-01', 'es')).toBe('enero de 2027');
  });

  it('reads the month of a picker value, whatever its day', () => {
    expect(monthOfPicked('2027-03-01')).toBe('2027-03');
    expect(monthOfPicked(new Date(2027, 10, 30))).toBe('2027-11');
    expect(monthOfPicked(null)).toBeNull();
    expect(monthOfPicked('2027-13-01')).toBeNull();
  });
});
