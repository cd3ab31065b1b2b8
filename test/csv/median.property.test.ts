import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedianSketch } from '../../src/shared/actuals/median';

describe('the exact median', () => {
  it('is the middle of the sorted values (the mean of the two middle ones for an even count), repeats included', () => {
    const hours = fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(0, 1, 24, 24.5));
    fc.assert(
      fc.property(fc.array(hours, { minLength: 1, maxLength: 300 }), (values) => {
        const sketch = new MedianSketch({ values: 10_000 });
        for (const v of values) sketch.add(v);
        const sorted = [...values].sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        expect(sketch.median()).toBe(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2);
      }),
      { numRuns: 2000 },
    );
  });
});
