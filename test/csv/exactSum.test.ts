import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../src/shared/actuals/exactSum';

const sumOf = (values: readonly number[]) => {
  const sum = new ExactSum();
  for (const v of values) sum.add(v);
  return sum;
};

describe('exact sums of amounts', () => {
  it('rounds once, at the end (math.fsum cases)', () => {
    expect(sumOf([0.1, 0.2, 0.3]).value()).toBe(0.6);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(sumOf([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]).value()).toBe(1e-100);
    expect(sumOf([2 ** 53, -0.5, -(2 ** -54)]).value()).toBe(2 ** 53 - 1);
    expect(sumOf([]).value()).toBe(0);
  });

  it('gives the same double whatever the order and grouping of the amounts', () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), fc.integer({ min: 0, max: 60 }), (values, at) => {
        const whole = sumOf(values).value();
        expect(sumOf([...values].reverse()).value()).toBe(whole);
        const left = sumOf(values.slice(0, at));
        left.addSum(ExactSum.fromPartials(sumOf(values.slice(at)).toPartials()));
        expect(left.value()).toBe(whole);
        // Whole cents as integers add exactly in doubles: the exact sum's rounding agrees.
        const cents = values.reduce((total, v) => total + Math.round(v * 100), 0);
        expect(Math.round(whole * 100)).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });
});
