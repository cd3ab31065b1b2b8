import { describe, expect, it } from 'vitest';
import { checkCompleteness } from '../../../../../shared/model/completeness';
import { createExample } from '../../../../../shared/model/example';
import { STEP_IDS, type Agreement } from '../../../../../shared/model/schema';
import { reviewStatus, signBlock, signingChecks, stepOfPath } from './reviewState';

const signature = (participantId: string): Agreement['signatures'][number] => ({
  id: `sig-${participantId}`,
  participantId,
  name: 'Someone',
  jobTitle: 'Leader',
  signedAt: '2026-03-02T10:15:00+01:00',
  image: 'data:image/png;base64,iVBORw0KGgo=',
  device: 'laptop',
  fingerprint: 'a'.repeat(64),
  canonicalVersion: 1,
});

describe('the review page state', () => {
  const example = createExample('en');

  it('goes from draft to awaiting signatures to signed as leaders sign', () => {
    const [marketing, sales] = example.participants.filter((p) => p.mustSign);
    expect(reviewStatus(example)).toBe('draft');
    const one: Agreement = { ...example, meta: { ...example.meta, status: 'signed' }, signatures: [signature(marketing!.id)] };
    expect(reviewStatus(one)).toBe('awaiting');
    expect(reviewStatus({ ...one, signatures: [signature(marketing!.id), signature(sales!.id)] })).toBe('signed');
    expect(reviewStatus({ ...one, meta: { ...one.meta, status: 'superseded' } })).toBe('superseded');
  });

  it('lets the example be signed, and names its two signing leaders', () => {
    const checks = signingChecks(example, checkCompleteness(example));
    expect(checks.ready).toBe(true);
    expect(checks.openCount).toBe(0);
    expect(checks.leaders.marketing).toHaveLength(1);
    expect(checks.leaders.sales).toHaveLength(1);
    expect(signBlock(example, checkCompleteness(example))).toBeNull();
  });

  it('blocks signing without a sales leader, reporting it once as its own check', () => {
    const noSales: Agreement = { ...example, participants: example.participants.map((p) => (p.team === 'sales' ? { ...p, mustSign: false } : p)) };
    const completeness = checkCompleteness(noSales);
    const checks = signingChecks(noSales, completeness);
    expect(checks.ready).toBe(false);
    expect(checks.leaders.sales).toEqual([]);
    expect(completeness.steps[0]!.missing.map((i) => i.key)).toContain('missing.participants.salesLeader');
    expect(checks.open).toEqual([]);
    expect(checks.openCount).toBe(0);
    expect(signBlock(noSales, completeness)).toBe('incomplete');
  });

  it('counts open points per step and never lets a superseded version be signed', () => {
    const blank: Agreement = { ...example, goals: { ...example.goals, basis: '' }, handoff: { ...example.handoff, trigger: '' } };
    const checks = signingChecks(blank, checkCompleteness(blank));
    expect(checks.open.map((s) => s.step)).toEqual(['goals', 'handoff']);
    expect(checks.openCount).toBe(2);
    const superseded: Agreement = { ...example, meta: { ...example.meta, status: 'superseded' } };
    expect(signBlock(superseded, checkCompleteness(superseded))).toBe('superseded');
  });

  it('finds the step holding a changed field', () => {
    expect(stepOfPath(['goals', 'targets', 0, 'monthly'], STEP_IDS)).toBe('goals');
    expect(stepOfPath(['meta', 'title'], STEP_IDS)).toBe('participants');
    expect(stepOfPath(['decisions', 0, 'text'], STEP_IDS)).toBeNull();
  });
});
