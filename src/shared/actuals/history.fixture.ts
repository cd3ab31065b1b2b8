import type { Agreement } from '../model/schema';
import type { HistoryMonth } from './history';

/**
 * A hand-computed history on the example agreement (Lead, MQL, SQL, Opportunity, Customer):
 *
 *   month     lead  mql  sql  opp  cust  revenue
 *   2026-12   1000  100   10    5     1    10 000   (older than the last three)
 *   2027-01    400  160   80   30    10   120 000
 *   2027-02    600  240  100   50    14   180 000
 *   2027-03    500  200    —   40    12         —
 *   2027-04      —    —    —    —     —         —   (nothing entered: skipped, not 0)
 */
export function handHistory(agreement: Agreement): HistoryMonth[] {
  const [lead, mql, sql, opp, cust] = agreement.lifecycle.stages.map((s) => s.id);
  const row = (month: string, counts: (number | null)[], revenue: number | null): HistoryMonth => ({
    month,
    stages: [lead, mql, sql, opp, cust].map((stageId, i) => ({ stageId: stageId as string, count: counts[i] ?? null })),
    revenue,
  });
  return [
    row('2027-03', [500, 200, null, 40, 12], null),
    row('2026-12', [1000, 100, 10, 5, 1], 10_000),
    row('2027-01', [400, 160, 80, 30, 10], 120_000),
    row('2027-04', [null, null, null, null, null], null),
    row('2027-02', [600, 240, 100, 50, 14], 180_000),
  ];
}
