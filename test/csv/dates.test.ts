import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateReader } from '../../src/shared/actuals/dates';
import { ZoneClock } from '../../src/shared/actuals/timeZone';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What a YYYY-MM-DD[ HH:MM[:SS]] value means, worked out with Date: NaN when a part is out of range. */
function expected(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  const valid = year >= 1900 && year <= 2200 && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
  return valid ? wall : Number.NaN;
}

describe('reading dates in the shapes exports write', () => {
  it('reads YYYY-MM-DD with or without a time as Date would, refusing what is out of range, inside any text', () => {
    const reader = new DateReader(null, new ZoneClock('UTC'));
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2210 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('date', ' ', 'T', 'seconds'),
        (year, month, day, hour, minute, second, shape) => {
          const date = `${year}-${pad(month)}-${pad(day)}`;
          const value =
            shape === 'date' ? date : shape === 'seconds' ? `${date} ${pad(hour)}:${pad(minute)}:${pad(second)}` : `${date}${shape}${pad(hour)}:${pad(minute)}`;
          const want = shape === 'date' ? expected(year, month, day, 0, 0, 0) : expected(year, month, day, hour, minute, shape === 'seconds' ? second : 0);
          // In place inside a record's raw bytes, as the import reads it, and as text.
          const bytes = new TextEncoder().encode(`x,${value},y`);
          expect(reader.readIn(bytes, 2, 2 + value.length)).toBe(want);
          expect(reader.read(value)).toBe(want);
          if (!Number.isNaN(want)) expect(reader.hasTime).toBe(shape !== 'date');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('still reads the other shapes in full: offsets, AM/PM, seconds with fractions, day/month order', () => {
    const reader = new DateReader('dmy', new ZoneClock('Europe/Madrid'));
    expect(reader.read('2025-03-07 14:05Z')).toBe(Date.UTC(2025, 2, 7, 15, 5));
    expect(reader.read('2025-03-07 02:05 PM')).toBe(Date.UTC(2025, 2, 7, 14, 5));
    expect(reader.read('2025-03-07T14:05:06.250')).toBe(Date.UTC(2025, 2, 7, 14, 5, 6, 250));
    expect(reader.read('07/03/2025 14:05')).toBe(Date.UTC(2025, 2, 7, 14, 5));
    expect(reader.read('2025-3-7')).toBe(Date.UTC(2025, 2, 7));
    expect(reader.read('2025-02-29')).toBeNaN();
  });
});
