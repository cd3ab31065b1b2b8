import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlank } from './defaults';
import { checkTargets, reverseFunnel, reverseFunnelOutcome, type FunnelInputs } from './funnel';
import { planFunnel, plannedTargets } from './funnelPlan';
import type { Agreement, Stage } from './schema';

const methodology: FunnelInputs = {
  revenueGoal: 200_000,
  averageDealSize: 12_500,
  rates: { leadToMql: 40, mqlToSql: 50, sqlToOpportunity: 40, opportunityToCustomer: 40 },
};

/** The blank agreement with the methodology's calculator, targets by key, and custom stages inserted after a key. */
function agreement(
  targets: Record<string, number | null>,
  customs: { after: Stage['key'] | 'top'; name: string; target: number | null; owner?: Stage['owner'] }[] = [],
): Agreement {
  const a = createBlank('en', { now: new Date('2026-01-15T10:00:00Z') });
  a.goals.calculator = structuredClone(methodology) as Agreement['goals']['calculator'];
  for (const [n, custom] of customs.entries()) {
    const stage: Stage = {
      id: `custom-${n}`,
      key: 'custom',
      name: custom.name,
      definition: '',
      owner: custom.owner ?? 'sales',
      entryCriteria: '',
      optional: false,
    };
    const at = custom.after === 'top' ? 0 : a.lifecycle.stages.findIndex((s) => s.key === custom.after) + 1;
    a.lifecycle.stages.splice(at, 0, stage);
  }
  a.goals.targets = a.lifecycle.stages.map((s) => ({
    stageId: s.id,
    monthly: s.key === 'custom' ? (customs.find((c) => c.name === s.name)?.target ?? null) : (targets[s.key] ?? null),
  }));
  return a;
}
const byName = (a: Agreement, name: string) => planFunnel(a).stages.find((s) => s.name === name);

describe('planFunnel with custom stages', () => {
  it('places a custom stage by the ratio of its target to the next default stage, and shows the conversions in and out', () => {
    // SQL 100 → Demo 60 → Opportunity 40: the calculator needs 40 opportunities, so 60 demos.
    const a = agreement({ lead: 500, mql: 200, sql: 100, opportunity: 40, customer: 16 }, [{ after: 'sql', name: 'Demo', target: 60 }]);
    const plan = planFunnel(a);
    expect(plan.problem).toBeNull();
    expect(plan.stages.map((s) => [s.name || s.key, s.needed])).toEqual([
      ['Lead', 500],
      ['Marketing Qualified Lead (MQL)', 200],
      ['Sales Qualified Lead (SQL)', 100],
      ['Demo', 60],
      ['Opportunity', 40],
      ['Customer', 16],
    ]);
    const demo = byName(a, 'Demo');
    expect(demo?.custom?.referenceId).toBe(a.lifecycle.stages.find((s) => s.key === 'opportunity')?.id);
    expect(demo?.custom?.rateIn).toBeCloseTo(60);
    expect(demo?.custom?.rateOut).toBeCloseTo(66.667, 2);
  });

  it('never changes the default stages because a custom stage was added', () => {
    const plain = planFunnel(agreement({ sql: 100, opportunity: 40 }));
    const withDemo = planFunnel(
      agreement({ sql: 100, opportunity: 40 }, [
        { after: 'sql', name: 'Demo', target: 75 },
        { after: 'top', name: 'Visitor', target: 5000 },
      ]),
    );
    const defaults = (p: typeof plain) => p.stages.filter((s) => s.key !== 'custom').map((s) => s.needed);
    expect(defaults(withDemo)).toEqual(defaults(plain));
    expect(defaults(plain)).toEqual([500, 200, 100, 40, 16]);
  });

  it('scales with the goal: twice the revenue, twice the demos', () => {
    const a = agreement({ sql: 100, opportunity: 40 }, [{ after: 'sql', name: 'Demo', target: 60 }]);
    a.goals.calculator.revenueGoal = 400_000;
    expect(byName(a, 'Demo')?.needed).toBe(120);
  });

  it('uses the previous stage at the bottom of the funnel, and says why a custom stage has no number', () => {
    // "Renewal" after Customer: 16 customers, renewal target half the customer target → 8.
    expect(byName(agreement({ customer: 16 }, [{ after: 'customer', name: 'Renewal', target: 8 }]), 'Renewal')?.needed).toBe(8);
    expect(byName(agreement({ sql: 100, opportunity: 40 }, [{ after: 'sql', name: 'Demo', target: null }]), 'Demo')?.custom?.gap).toBe('noTarget');
    const alone = byName(agreement({}, [{ after: 'sql', name: 'Demo', target: 60 }]), 'Demo');
    expect(alone?.needed).toBeNull();
    expect(alone?.custom?.gap).toBe('noReference');
  });

  it('keeps "Apply to targets" stable: applying twice changes nothing', () => {
    const a = agreement({ lead: 450, mql: 210, sql: 90, opportunity: 37, customer: 15 }, [{ after: 'sql', name: 'Demo', target: 61 }]);
    const first = plannedTargets(planFunnel(a));
    for (const { stageId, monthly } of first) {
      const row = a.goals.targets.find((r) => r.stageId === stageId);
      if (row) row.monthly = monthly;
    }
    expect(plannedTargets(planFunnel(a))).toEqual(first);
    expect(first.map((t) => t.monthly)).toEqual([500, 200, 100, 66, 40, 16]);
  });

  it('refuses a custom stage that would outgrow what a target can hold', () => {
    const a = agreement({ sql: 100, opportunity: 1 }, [{ after: 'sql', name: 'Demo', target: 1e12 }]);
    const plan = planFunnel(a);
    expect(plan.problem).toEqual({ kind: 'tooLarge', stage: 'custom', name: 'Demo' });
    expect(plan.stages.every((s) => s.needed === null)).toBe(true);
  });

  it('with custom stages anywhere, every default stage keeps the number reverseFunnel gives', () => {
    const after = fc.constantFrom<Stage['key'] | 'top'>('top', 'lead', 'mql', 'sql', 'opportunity', 'customer');
    const custom = fc.record({ after, target: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(custom, { maxLength: 4 }), fc.integer({ min: 0, max: 10_000_000 }), (customs, revenueGoal) => {
        const a = agreement(
          { lead: 500, mql: 200, sql: 100, opportunity: 40, customer: 16 },
          customs.map((c, i) => ({ ...c, name: `C${i}` })),
        );
        a.goals.calculator.revenueGoal = revenueGoal;
        const plan = planFunnel(a);
        const expected = reverseFunnel(a.goals.calculator);
        if (plan.problem) return;
        for (const stage of plan.stages) {
          if (stage.key === 'custom') {
            if (stage.needed !== null) expect(Number.isSafeInteger(stage.needed) && stage.needed >= 0).toBe(true);
          } else
            expect(stage.needed).toBe(
              expected?.[({ lead: 'leads', mql: 'mqls', sql: 'sqls', opportunity: 'opportunities', customer: 'customers' } as const)[stage.key]],
            );
        }
      }),
    );
  });
});

describe('reverseFunnelOutcome says why it has no numbers', () => {
  it('names what is missing', () => {
    expect(reverseFunnelOutcome({ ...methodology, revenueGoal: null, rates: { ...methodology.rates, mqlToSql: null } })).toEqual({
      ok: false,
      problem: { kind: 'missing', fields: ['revenueGoal', 'mqlToSql'] },
    });
  });
  it('tells a rate of 0 % and a deal size of 0 apart from missing inputs', () => {
    expect(reverseFunnelOutcome({ ...methodology, rates: { ...methodology.rates, sqlToOpportunity: 0 } })).toEqual({
      ok: false,
      problem: { kind: 'zeroRate', rate: 'sqlToOpportunity' },
    });
    expect(reverseFunnelOutcome({ ...methodology, averageDealSize: 0 })).toEqual({ ok: false, problem: { kind: 'zeroDealSize' } });
  });
  it('refuses results no target could hold, naming the first stage that outgrows it', () => {
    expect(
      reverseFunnelOutcome({
        revenueGoal: 1e12,
        averageDealSize: 1,
        rates: { leadToMql: 1, mqlToSql: 100, sqlToOpportunity: 100, opportunityToCustomer: 100 },
      }),
    ).toEqual({ ok: false, problem: { kind: 'tooLarge', stage: 'lead' } });
    expect(
      reverseFunnelOutcome({
        revenueGoal: 1e12,
        averageDealSize: 1,
        rates: { leadToMql: 100, mqlToSql: 100, sqlToOpportunity: 100, opportunityToCustomer: 100 },
      }).ok,
    ).toBe(true);
  });
});

describe('checkTargets with custom stages', () => {
  it('flags a custom stage larger than the stage before it', () => {
    const a = agreement({ sql: 100, opportunity: 40 }, [{ after: 'sql', name: 'Demo', target: 120 }]);
    expect(checkTargets(a)).toContainEqual({
      key: 'rateOver100',
      params: { from: 'Sales Qualified Lead (SQL)', to: 'Demo', rate: 120 },
      stageIds: [a.lifecycle.stages[2]?.id, 'custom-0'],
    });
  });

  it('flags a default stage larger than the custom stage before it', () => {
    const a = agreement({ sql: 100, opportunity: 40 }, [{ after: 'sql', name: 'Demo', target: 30 }]);
    expect(checkTargets(a).map((w) => [w.key, w.params])).toEqual([['rateOver100', { from: 'Demo', to: 'Opportunity', rate: (40 / 30) * 100 }]]);
  });

  it('still compares the default stages around a custom stage with the rate entered', () => {
    // SQL 100 → Opportunity 20 is 20 %, 20 points under the 40 % entered, with a Demo in between.
    const a = agreement({ sql: 100, opportunity: 20 }, [{ after: 'sql', name: 'Demo', target: 50 }]);
    expect(checkTargets(a).map((w) => w.key)).toEqual(['rateFar']);
  });

  it('accepts a custom stage that fits between its neighbours', () => {
    expect(checkTargets(agreement({ lead: 500, mql: 200, sql: 100, opportunity: 40, customer: 16 }, [{ after: 'sql', name: 'Demo', target: 60 }]))).toEqual([]);
  });
});
