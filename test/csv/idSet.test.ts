import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/shared/actuals/idSet';

describe('the set of record ids seen', () => {
  it('says false exactly for an id seen before, across growth, for numbers of any pattern and for strings', () => {
    const set = new IdSet();
    const patterns = [
      Array.from({ length: 70_000 }, (_, i) => 100_000 + i), // sequential, past the first table size
      Array.from({ length: 20_000 }, (_, i) => i * 4096), // one per block
      Array.from({ length: 5_000 }, (_, i) => 2 ** 40 + i * 2 ** 32), // only the high half differs
      [0, 999_999_999_999_999],
      Array.from({ length: 30_000 }, (_, i) => 500_000 - i * 7), // descending: below every id before
      Array.from({ length: 30_000 }, (_, i) => (i % 2 === 0 ? 10 ** 15 - 30_000 + i : 100_000 + ((i * 7919) % 90_000))), // rising ids mixed with old ones
    ];
    const seen = new Set<number>();
    const wrong: number[] = [];
    for (const ids of patterns) {
      for (const id of ids) {
        if (set.add(id) === seen.has(id)) wrong.push(id);
        seen.add(id);
      }
    }
    for (const ids of patterns) for (const id of ids) if (set.add(id)) wrong.push(id);
    expect(wrong).toEqual([]);
    expect(set.add('007')).toBe(true);
    expect(set.add('007')).toBe(false);
    expect(set.add(7)).toBe(true);
  });

  it('tells whether another set shares an id, and takes its ids in, for ids ascending or not', () => {
    const ids = fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom('a', 'b', 'x1')), { maxLength: 120 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (first, second, sorted) => {
        const order = (list: (number | string)[]) =>
          sorted ? [...list].sort((a, b) => (typeof a === typeof b ? (a < b ? -1 : 1) : typeof a === 'number' ? -1 : 1)) : list;
        const a = new IdSet();
        const b = new IdSet();
        for (const id of order(first)) a.add(id);
        for (const id of order(second)) b.add(id);
        expect(a.intersects(b.snapshot())).toBe(second.some((id) => first.includes(id)));
        a.absorb(b.snapshot());
        const copy = IdSet.from(a.snapshot());
        for (const id of [...first, ...second]) {
          expect(a.add(id)).toBe(false);
          expect(copy.add(id)).toBe(false);
        }
        expect(a.add(301)).toBe(true);
        expect(a.add('new')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
