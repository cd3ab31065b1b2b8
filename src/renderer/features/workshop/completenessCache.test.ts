import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { MissingItem } from '../../../shared/model/completeness';
import { checkCompleteness } from '../../../shared/model/completeness';
import { createBlank } from '../../../shared/model/defaults';
import { completenessOf, sameMissingItems } from './completenessCache';

const item = (key: string, path: (string | number)[], params?: Record<string, string | number>) =>
  ({ key, path, ...(params ? { params } : {}) }) as unknown as MissingItem;

describe('completenessOf', () => {
  it('computes once per draft and again for an edited one, with the same answer as checkCompleteness', () => {
    const draft = createBlank('en');
    const first = completenessOf(draft);
    expect(completenessOf(draft)).toBe(first);
    expect(first).toEqual(checkCompleteness(draft));
    const edited = produce(draft, (d) => {
      d.icp.company.industry = 'Retail';
    });
    const second = completenessOf(edited);
    expect(second).not.toBe(first);
    expect(second).toEqual(checkCompleteness(edited));
    const icp = (c: typeof first) => c.steps.find((s) => s.step === 'icp')?.missing.map((m) => m.key);
    expect(icp(first)).toContain('missing.icp.industry');
    expect(icp(second)).not.toContain('missing.icp.industry');
  });
});

describe('sameMissingItems', () => {
  const a = [item('missing.icp.industry', ['icp', 'company', 'industry']), item('missing.participants.name', ['participants', 0, 'name'], { n: 1 })];
  it('is true for equal lists built apart', () => {
    const b = [item('missing.icp.industry', ['icp', 'company', 'industry']), item('missing.participants.name', ['participants', 0, 'name'], { n: 1 })];
    expect(sameMissingItems(a, b)).toBe(true);
    expect(sameMissingItems([], [])).toBe(true);
  });
  it('sees a different length, order, key, path or parameter', () => {
    expect(sameMissingItems(a, a.slice(0, 1))).toBe(false);
    expect(sameMissingItems(a, [...a].reverse())).toBe(false);
    expect(sameMissingItems(a, [a[0]!, item('missing.participants.jobTitle', ['participants', 0, 'name'], { n: 1 })])).toBe(false);
    expect(sameMissingItems(a, [a[0]!, item('missing.participants.name', ['participants', 1, 'name'], { n: 1 })])).toBe(false);
    expect(sameMissingItems(a, [a[0]!, item('missing.participants.name', ['participants', 0, 'name'], { n: 2 })])).toBe(false);
    expect(sameMissingItems(a, [a[0]!, item('missing.participants.name', ['participants', 0, 'name'])])).toBe(false);
    expect(sameMissingItems(a, [a[0]!, item('missing.participants.name', ['participants', 0, 'name'], { n: 1, name: 'Ana' })])).toBe(false);
  });
});
