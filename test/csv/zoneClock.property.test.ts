import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../src/shared/actuals/timeZone';

/**
 * ZoneClock.instantOf takes one look-up on days without an offset change near them; it must give exactly
 * what the general rule gives (three offset look-ups, a time skipped by a spring-forward change read with the
 * offset before it), in zones with summer time north and south, half-hour changes, and none.
 */

const ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Pacific/Apia',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The general rule, on the clock's own offsets. */
function reference(clock: ZoneClock, local: number): number {
  const guess = clock.offsetAt(local - clock.offsetAt(local));
  if (clock.offsetAt(local - guess) === guess) return local - guess;
  return local - clock.offsetAt(local - guess - HOUR);
}

describe('ZoneClock.instantOf', () => {
  it('gives the general rule’s instant for every quarter hour of three years, in zones with and without changes', () => {
    for (const zone of ZONES) {
      const fast = new ZoneClock(zone);
      const slow = new ZoneClock(zone);
      let differentOffsets = 0;
      for (let local = Date.UTC(2010, 0, 1); local < Date.UTC(2013, 0, 1); local += 15 * 60_000) {
        const expected = reference(slow, local);
        expect(fast.instantOf(local), `${zone} ${new Date(local).toISOString()}`).toBe(expected);
        if (local - expected !== slow.offsetAt(local - 36 * HOUR)) differentOffsets++;
      }
      // The zones with changes had some in these years (so both paths ran).
      if (zone !== 'Asia/Kolkata') expect(differentOffsets, zone).toBeGreaterThan(0);
    }
  });

  it('gives the general rule’s instant for any wall-clock time from 1900 to 2200, asked in any order', () => {
    const clocks = ZONES.map((zone) => ({ fast: new ZoneClock(zone), slow: new ZoneClock(zone) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: clocks.length - 1 }), fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2200, 11, 30) }), (z, local) => {
        const { fast, slow } = clocks[z]!;
        expect(fast.instantOf(local)).toBe(reference(slow, local));
        expect(fast.instantOf(local + DAY)).toBe(reference(slow, local + DAY));
      }),
      { numRuns: 3000 },
    );
  });
});
