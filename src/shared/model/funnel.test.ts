import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlank } from './defaults';
import { createExample } from './example';
import { checkTargets, reverseFunnel, type FunnelInputs, type FunnelKey } from './funnel';
import { LANGUAGES, type Agreement } from './schema';

const methodology: FunnelInputs = {
  revenueGoal: 200_000,
  averageDealSize: 12_500,
  rates: { leadToMql: 40, mqlToSql: 50, sqlToOpportunity: 40, opportunityToCustomer: 40 },
};

// Rates as people type them: one decimal, from 0.1 % to 100 %.
const rate = fc.integer({ min: 1, max: 1000 }).map((n) => n / 10);
const rates = fc.record({ leadToMql: rate, mqlToSql: rate, sqlToOpportunity: rate, opportunityToCustomer: rate });
const money = fc.integer({ min: 0, max: 100_000_000 });
const dealSize = fc.integer({ min: 1, max: 10_000_000 });

describe('reverseFunnel', () => {
  it('reproduces the methodology example', () => {
    expect(reverseFunnel(methodology)).toEqual({ customers: 16, opportunities: 40, sqls: 100, mqls: 200, leads: 500 });
  });

  it('does not let binary fractions add a stage (100 / 0.5 % is exactly 20 000)', () => {
    const result = reverseFunnel({
      revenueGoal: 100,
      averageDealSize: 1,
      rates: { leadToMql: 0.5, mqlToSql: 100, sqlToOpportunity: 100, opportunityToCustomer: 100 },
    });
    expect(result).toEqual({ customers: 100, opportunities: 100, sqls: 100, mqls: 100, leads: 20_000 });
    // 1.1 / 0.1 is 11.000000000000002 in floating point; the answer is still 11 customers.
    expect(reverseFunnel({ ...methodology, revenueGoal: 1.1, averageDealSize: 0.1 })?.customers).toBe(11);
    // 123 at 12.3 % needs exactly 1 000, not 1 001.
    expect(
      reverseFunnel({ revenueGoal: 123, averageDealSize: 1, rates: { leadToMql: 12.3, mqlToSql: 100, sqlToOpportunity: 100, opportunityToCustomer: 100 } })
        ?.leads,
    ).toBe(1000);
  });

  it('rounds every stage up', () => {
    // 10 001 / 5 000 → 3 customers; 3 at 40 % → 8 opportunities (7.5 would leave one short).
    expect(reverseFunnel({ ...methodology, revenueGoal: 10_001, averageDealSize: 5_000 })).toMatchObject({ customers: 3, opportunities: 8 });
  });

  it('returns zeros for a zero revenue goal', () => {
    expect(reverseFunnel({ ...methodology, revenueGoal: 0 })).toEqual({ customers: 0, opportunities: 0, sqls: 0, mqls: 0, leads: 0 });
  });

  it('returns null when an input is missing or out of range', () => {
    expect(reverseFunnel({ ...methodology, revenueGoal: null })).toBeNull();
    expect(reverseFunnel({ ...methodology, averageDealSize: null })).toBeNull();
    expect(reverseFunnel({ ...methodology, averageDealSize: 0 })).toBeNull();
    expect(reverseFunnel({ ...methodology, revenueGoal: -1 })).toBeNull();
    expect(reverseFunnel({ ...methodology, revenueGoal: Number.NaN })).toBeNull();
    for (const key of ['leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToCustomer'] as const) {
      expect(reverseFunnel({ ...methodology, rates: { ...methodology.rates, [key]: null } }), key).toBeNull();
      expect(reverseFunnel({ ...methodology, rates: { ...methodology.rates, [key]: 0 } }), key).toBeNull();
      expect(reverseFunnel({ ...methodology, rates: { ...methodology.rates, [key]: 100.5 } }), key).toBeNull();
    }
  });

  it('returns null rather than numbers beyond exact integers', () => {
    expect(
      reverseFunnel({ revenueGoal: 1e12, averageDealSize: 1e-6, rates: { leadToMql: 0.1, mqlToSql: 0.1, sqlToOpportunity: 0.1, opportunityToCustomer: 0.1 } }),
    ).toBeNull();
  });

  it('gives whole numbers, never negative', () => {
    fc.assert(
      fc.property(money, dealSize, rates, (revenueGoal, averageDealSize, r) => {
        const result = reverseFunnel({ revenueGoal, averageDealSize, rates: r });
        if (result === null) return; // beyond safe integers: refused, not rounded
        for (const value of Object.values(result)) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('never rounds a stage below what the next stage needs', () => {
    fc.assert(
      fc.property(money, dealSize, rates, (revenueGoal, averageDealSize, r) => {
        const result = reverseFunnel({ revenueGoal, averageDealSize, rates: r });
        if (result === null) return;
        const enough = (stage: number, pct: number, next: number) => stage * (pct / 100) >= next - 1e-6 * Math.max(1, next);
        expect(result.customers * averageDealSize).toBeGreaterThanOrEqual(revenueGoal - 1e-6 * Math.max(1, revenueGoal));
        expect(enough(result.opportunities, r.opportunityToCustomer, result.customers)).toBe(true);
        expect(enough(result.sqls, r.sqlToOpportunity, result.opportunities)).toBe(true);
        expect(enough(result.mqls, r.mqlToSql, result.sqls)).toBe(true);
        expect(enough(result.leads, r.leadToMql, result.mqls)).toBe(true);
        // …and never asks for a whole extra one: one fewer would not be enough.
        expect(result.customers === 0 || (result.customers - 1) * averageDealSize < revenueGoal).toBe(true);
        expect(result.leads === 0 || (result.leads - 1) * (r.leadToMql / 100) < result.mqls + 1e-9).toBe(true);
      }),
    );
  });

  it('never needs fewer of any stage for a larger revenue goal', () => {
    fc.assert(
      fc.property(money, money, dealSize, rates, (a, b, averageDealSize, r) => {
        const low = reverseFunnel({ revenueGoal: Math.min(a, b), averageDealSize, rates: r });
        const high = reverseFunnel({ revenueGoal: Math.max(a, b), averageDealSize, rates: r });
        if (low === null || high === null) return;
        for (const key of ['customers', 'opportunities', 'sqls', 'mqls', 'leads'] as const) expect(high[key]).toBeGreaterThanOrEqual(low[key]);
      }),
    );
  });
});

/** A blank agreement with monthly targets per stage key and the calculator filled as given. */
function withTargets(targets: Partial<Record<FunnelKey, number | null>>, calculator: Partial<FunnelInputs> = {}): Agreement {
  const a = createBlank('en', { now: new Date('2026-01-15T10:00:00Z') });
  a.goals.targets = a.lifecycle.stages.map((s) => ({ stageId: s.id, monthly: targets[s.key as FunnelKey] ?? null }));
  a.goals.calculator = {
    revenueGoal: null,
    averageDealSize: null,
    rates: { leadToMql: null, mqlToSql: null, sqlToOpportunity: null, opportunityToCustomer: null },
    ...calculator,
  };
  return a;
}
const keysOf = (a: Agreement) => checkTargets(a).map((w) => w.key);
const stageId = (a: Agreement, key: FunnelKey) => a.lifecycle.stages.find((s) => s.key === key)?.id;

describe('checkTargets', () => {
  it.each(LANGUAGES)('finds nothing wrong in the example agreement (%s)', (lang) => {
    expect(checkTargets(createExample(lang, new Date('2026-11-28T10:00:00Z')))).toEqual([]);
  });

  it('finds nothing to say about empty or partial targets', () => {
    expect(checkTargets(withTargets({}))).toEqual([]);
    expect(checkTargets(withTargets({ lead: 500 }))).toEqual([]);
    expect(checkTargets(withTargets({ lead: 500, mql: 200, sql: 100 }))).toEqual([]);
  });

  it('flags a neighbouring stage above the previous one as a conversion over 100 %', () => {
    const a = withTargets({ lead: 500, mql: 200, sql: 300 });
    const warnings = checkTargets(a);
    expect(warnings).toEqual([
      {
        key: 'rateOver100',
        params: { from: 'Marketing Qualified Lead (MQL)', to: 'Sales Qualified Lead (SQL)', rate: 150 },
        stageIds: [stageId(a, 'mql'), stageId(a, 'sql')],
      },
    ]);
  });

  it('flags a later stage above an earlier one when the stage between them has no target', () => {
    const a = withTargets({ lead: 100, sql: 150 });
    expect(checkTargets(a)).toEqual([
      {
        key: 'laterLarger',
        params: { earlier: 'Lead', later: 'Sales Qualified Lead (SQL)', earlierValue: 100, laterValue: 150 },
        stageIds: [stageId(a, 'lead'), stageId(a, 'sql')],
      },
    ]);
    // From an earlier target of 0 there is no rate to name either.
    expect(keysOf(withTargets({ lead: 0, mql: 5 }))).toEqual(['laterLarger']);
  });

  it('accepts equal neighbouring targets (a 100 % conversion)', () => {
    expect(checkTargets(withTargets({ lead: 100, mql: 100 }))).toEqual([]);
  });

  it('flags implied conversions more than 10 points away from the rates entered', () => {
    const rates = { leadToMql: 40, mqlToSql: 50, sqlToOpportunity: null, opportunityToCustomer: null };
    // 500 → 200 is 40 %; 200 → 60 is 30 %, 20 points under the 50 % entered.
    const a = withTargets({ lead: 500, mql: 200, sql: 60 }, { rates });
    expect(checkTargets(a)).toEqual([
      {
        key: 'rateFar',
        params: { from: 'Marketing Qualified Lead (MQL)', to: 'Sales Qualified Lead (SQL)', implied: 30, entered: 50 },
        stageIds: [stageId(a, 'mql'), stageId(a, 'sql')],
      },
    ]);
    // Exactly 10 points away is still within the tolerance: 500 → 250 is 50 % against 40 %.
    expect(keysOf(withTargets({ lead: 500, mql: 250 }, { rates }))).toEqual([]);
    expect(keysOf(withTargets({ lead: 500, mql: 251 }, { rates }))).toEqual(['rateFar']);
  });

  it('compares lead, MQL and SQL targets with the calculator when it has every input', () => {
    const calculator = {
      revenueGoal: 200_000,
      averageDealSize: 12_500,
      rates: { leadToMql: 40, mqlToSql: 50, sqlToOpportunity: 40, opportunityToCustomer: 40 },
    };
    // The calculator needs 500 leads; 390 is 22 % short (and 200 / 390 is 51 %, far from 40 % too).
    const a = withTargets({ lead: 390, mql: 200, sql: 100 }, calculator);
    expect(checkTargets(a)).toContainEqual({ key: 'farFromCalculator', params: { stage: 'Lead', target: 390, expected: 500 }, stageIds: [stageId(a, 'lead')] });
    // 20 % exactly is within tolerance.
    expect(keysOf(withTargets({ sql: 120 }, calculator))).toEqual([]);
    expect(keysOf(withTargets({ sql: 121 }, calculator))).toEqual(['farFromCalculator']);
    // Opportunities and customers are not compared.
    expect(keysOf(withTargets({ opportunity: 400, customer: 160 }, calculator))).not.toContain('farFromCalculator');
    // Without every input there is no comparison.
    expect(keysOf(withTargets({ sql: 500 }, { ...calculator, averageDealSize: null }))).toEqual([]);
  });

  it('maps stages by key whatever their order in the list', () => {
    const a = withTargets({ lead: 500, mql: 200, sql: 100 });
    a.lifecycle.stages.reverse();
    expect(checkTargets(a)).toEqual([]);
  });
});
