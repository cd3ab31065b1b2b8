import { describe, expect, it } from 'vitest';
import { createExample } from '../model/example';
import type { Agreement } from '../model/schema';
import { calculatorPrefill, funnelHistory, lastMonthsWithFigures, type HistoryMonth } from './history';
import { handHistory } from './history.fixture';

describe('funnelHistory', () => {
  const agreement = createExample('en');
  const months = handHistory(agreement);

  it('uses the last N months that have figures, in calendar order', () => {
    expect(lastMonthsWithFigures(months, 3).map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(lastMonthsWithFigures(months, 12).map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
    expect(lastMonthsWithFigures(months, 0)).toEqual([]);
  });

  it('averages volumes over the months that have a count, and sums before dividing for the rates', () => {
    const h = funnelHistory(agreement, months, 3);
    expect(h.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(h.stages.map((s) => [s.key, s.total, s.monthsCounted, s.monthlyAverage])).toEqual([
      ['lead', 1500, 3, 500],
      ['mql', 600, 3, 200],
      // March has no SQL count: two months, not three with a zero.
      ['sql', 180, 2, 90],
      ['opportunity', 120, 3, 40],
      ['customer', 36, 3, 12],
    ]);
    expect(h.rates.leadToMql).toBeCloseTo(40, 10); // 600 / 1500
    // Jan + Feb only (March lacks SQLs): 180 / 400 = 45 %, where an average of the monthly ratios would say 45.83 %.
    expect(h.rates.mqlToSql).toBeCloseTo(45, 10);
    expect(h.rates.sqlToOpportunity).toBeCloseTo((80 / 180) * 100, 10); // 80 / 180 = 44.44 %
    expect(h.rates.opportunityToCustomer).toBeCloseTo(30, 10); // 36 / 120
    expect(h.revenue).toEqual({ total: 300_000, monthsCounted: 2, monthlyAverage: 150_000 });
    // Revenue only where customers are known too: 300 000 / (10 + 14).
    expect(h.revenuePerCustomer).toBe(12_500);
  });

  it('fills the calculator with what the months can say, rounded as the boxes show it', () => {
    expect(calculatorPrefill(funnelHistory(agreement, months, 3))).toEqual({
      averageDealSize: 12_500,
      leadToMql: 40,
      mqlToSql: 45,
      sqlToOpportunity: 44.4,
      opportunityToCustomer: 30,
    });
  });

  it('says null where the months cannot say, and never prefills a conversion above 100 %', () => {
    const empty = funnelHistory(agreement, [], 6);
    expect(empty.months).toEqual([]);
    expect(Object.values(empty.rates)).toEqual([null, null, null, null]);
    expect(empty.revenue).toBeNull();
    expect(empty.revenuePerCustomer).toBeNull();
    expect(calculatorPrefill(empty)).toEqual({});

    const [lead, mql] = agreement.lifecycle.stages;
    const odd: HistoryMonth[] = [
      {
        month: '2027-05',
        stages: [
          { stageId: lead!.id, count: 10 },
          { stageId: mql!.id, count: 30 },
        ],
        revenue: 5_000,
      },
    ];
    const h = funnelHistory(agreement, odd, 3);
    expect(h.rates.leadToMql).toBeCloseTo(300, 10);
    expect(h.rates.mqlToSql).toBeNull();
    // Revenue but no customers counted: no deal size.
    expect(h.revenuePerCustomer).toBeNull();
    expect(calculatorPrefill(h)).toEqual({});
  });

  it('leaves out the rates into and out of a stage the agreement does not have', () => {
    const withoutOpportunity: Agreement = {
      ...agreement,
      lifecycle: { ...agreement.lifecycle, stages: agreement.lifecycle.stages.filter((s) => s.key !== 'opportunity') },
    };
    const h = funnelHistory(withoutOpportunity, months, 3);
    expect(h.rates.sqlToOpportunity).toBeNull();
    expect(h.rates.opportunityToCustomer).toBeNull();
    expect(h.stages.map((s) => s.key)).toEqual(['lead', 'mql', 'sql', 'customer']);
  });
});
