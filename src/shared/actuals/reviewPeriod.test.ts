import { describe, expect, it } from 'vitest';
import { createExample } from '../model/example';
import { handHistory } from './history.fixture';
import { applyTargetChanges, proposedChanges, reviewPeriod } from './reviewPeriod';

/** The example's targets are 500 leads, 200 MQLs, 100 SQLs, 40 opportunities and 16 customers a month. */
describe('reviewPeriod', () => {
  const agreement = createExample('en');
  const months = handHistory(agreement);

  it('sets the actuals against the monthly targets times the months counted, and proposes the monthly average', () => {
    const review = reviewPeriod(agreement, months, 3);
    expect(review.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(review.rows.map((r) => [r.key, r.actual, r.target, r.pctAchieved, r.proposed])).toEqual([
      ['lead', 1500, 1500, 100, 500],
      ['mql', 600, 600, 100, 200],
      // Two months with SQLs: 180 against 2 × 100.
      ['sql', 180, 200, 90, 90],
      ['opportunity', 120, 120, 100, 40],
      ['customer', 36, 48, 75, 12],
    ]);
  });

  it('covers the whole interval when there are enough months, and rounds the proposal', () => {
    const review = reviewPeriod(agreement, months, 6);
    expect(review.months).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
    const customer = review.rows.find((r) => r.key === 'customer')!;
    // 37 customers in 4 months against 4 × 16 = 64: 57.8 %; 9.25 a month proposes 9.
    expect([customer.actual, customer.target, customer.pctAchieved, customer.monthlyAverage, customer.proposed]).toEqual([37, 64, 57.8125, 9.25, 9]);
  });

  it('lists only the targets that would change, and writes exactly those', () => {
    const review = reviewPeriod(agreement, months, 3);
    const [, , sql, , customer] = agreement.lifecycle.stages;
    const changes = proposedChanges(review);
    expect(changes).toEqual([
      { stageId: sql!.id, name: sql!.name, before: 100, after: 90 },
      { stageId: customer!.id, name: customer!.name, before: 16, after: 12 },
    ]);
    const targets = structuredClone(agreement.goals.targets);
    applyTargetChanges(targets, changes);
    expect(targets.map((t) => t.monthly)).toEqual([500, 200, 90, 40, 12]);
    // A stage without a target row gets one.
    const none: { stageId: string; monthly: number | null }[] = [];
    applyTargetChanges(none, [{ stageId: 'x', after: 3 }]);
    expect(none).toEqual([{ stageId: 'x', monthly: 3 }]);
  });

  it('has no target and no percentage where the agreement or the months cannot say', () => {
    const noTargets = { ...agreement, goals: { ...agreement.goals, targets: [] } };
    const review = reviewPeriod(noTargets, months, 3);
    expect(review.rows.every((r) => r.target === null && r.pctAchieved === null)).toBe(true);
    const empty = reviewPeriod(agreement, [], 6);
    expect(empty.rows.every((r) => r.actual === null && r.proposed === null)).toBe(true);
    expect(proposedChanges(empty)).toEqual([]);
  });
});
