import { describe, expect, it } from 'vitest';
import { localTimestamp } from './localTime';

describe('the local timestamp of a signature', () => {
  const instant = new Date('2026-11-28T23:30:05.678Z');
  it('shows the wall-clock time with its offset and stays the same instant', () => {
    expect(localTimestamp(instant, 60)).toBe('2026-11-29T00:30:05+01:00');
    expect(localTimestamp(instant, -330)).toBe('2026-11-28T18:00:05-05:30');
    expect(localTimestamp(instant, 0)).toBe('2026-11-28T23:30:05+00:00');
    for (const offset of [60, -330, 0, 345]) expect(new Date(localTimestamp(instant, offset)).getTime()).toBe(Math.floor(instant.getTime() / 1000) * 1000);
  });
  it('uses the computer’s zone by default', () => {
    expect(new Date(localTimestamp(instant)).getTime()).toBe(Math.floor(instant.getTime() / 1000) * 1000);
  });
});
