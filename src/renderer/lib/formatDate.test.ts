import { describe, expect, it } from 'vitest';
import { formatRelativeDate } from './formatDate';

const now = new Date('2025-03-10T12:00:00Z');

describe('relative dates', () => {
  it('says how long ago within the last week, in the UI language', () => {
    expect(formatRelativeDate('2025-03-10T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeDate('2025-03-09T11:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelativeDate('2025-03-10T09:00:00Z', 'es', now)).toBe('hace 3 horas');
  });

  it('gives the date itself beyond a week, and for clocks that disagree', () => {
    expect(formatRelativeDate('2025-02-01T12:00:00Z', 'en', now)).toBe('Sat, Feb 1, 2025');
    expect(formatRelativeDate('2025-03-11T12:00:00Z', 'en', now)).toBe('Tue, Mar 11, 2025');
  });
});
