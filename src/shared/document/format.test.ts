import { describe, expect, it } from 'vitest';
import { createFormatter } from './format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the document formatter', () => {
  const en = createFormatter('en', 'USD');
  const es = createFormatter('es', 'EUR');

  it('writes money without cents unless there are some', () => {
    expect([en.currency(200_000), en.currency(12.5)]).toEqual(['$200,000', '$12.50']);
    expect([es.currency(200_000), es.currency(12.5)].map(plain)).toEqual(['200.000 €', '12,50 €']);
    expect(createFormatter('en', 'XYZ').currency(5)).toMatch(/5/);
  });

  it('writes calendar dates in UTC with their weekday, so no time zone moves them', () => {
    expect(en.date('2026-09-01')).toBe('Tuesday, September 1, 2026');
    expect(es.date('2026-09-01')).toBe('martes, 1 de septiembre de 2026');
    expect(en.date('not a date')).toBe('not a date');
    expect([en.shortDate('2026-03-10'), es.shortDate('2026-03-10')]).toEqual(['Tue, Mar 10, 2026', 'mar, 10 mar 2026']);
  });

  it('writes a signature time as the signer’s clock with its recorded offset', () => {
    expect(plain(en.dateTime('2026-03-10T10:15:00+01:00'))).toBe('Tuesday, March 10, 2026 at 10:15 (UTC+01:00)');
    expect(plain(es.dateTime('2026-03-10T23:05:09.123-05:00'))).toBe('martes, 10 de marzo de 2026, 23:05 (UTC-05:00)');
    expect(plain(en.dateTime('2026-03-10T10:15:00Z'))).toBe('Tuesday, March 10, 2026 at 10:15 (UTC)');
  });

  it('joins lists the way each language does', () => {
    expect(en.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(es.list(['a', 'b', 'c'])).toBe('a, b y c');
  });
});
