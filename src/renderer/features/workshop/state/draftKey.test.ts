import { describe, expect, it } from 'vitest';
import { draftKey, resolveDraftKey } from './draftKey';

describe('draftKey', () => {
  const agreement = {
    participants: [
      { id: 'a/"1', email: '' },
      { id: 'b', email: '' },
    ],
    goals: { targets: [{ stageId: 's1', monthly: null }], calculator: { rates: { leadToMql: 40 } } },
    protocol: { rejection: { reasons: ['x', 'y'] } },
  };

  it('names list items by id (target rows by stage), so the key survives reordering', () => {
    const key = draftKey(agreement, ['participants', 1, 'email']);
    const reordered = { ...agreement, participants: [agreement.participants[1], agreement.participants[0]] };
    expect(resolveDraftKey(reordered, key)).toEqual(['participants', 0, 'email']);
    expect(resolveDraftKey(agreement, draftKey(agreement, ['participants', 0, 'email']))).toEqual(['participants', 0, 'email']);
    expect(resolveDraftKey(agreement, draftKey(agreement, ['goals', 'targets', 0, 'monthly']))).toEqual(['goals', 'targets', 0, 'monthly']);
  });

  it('keeps plain paths and indexes of lists without ids', () => {
    expect(resolveDraftKey(agreement, draftKey(agreement, ['goals', 'calculator', 'rates', 'leadToMql']))).toEqual([
      'goals',
      'calculator',
      'rates',
      'leadToMql',
    ]);
    expect(resolveDraftKey(agreement, draftKey(agreement, ['protocol', 'rejection', 'reasons', 1]))).toEqual(['protocol', 'rejection', 'reasons', 1]);
  });

  it('resolves to nothing when the item is gone or the key is not one', () => {
    const key = draftKey(agreement, ['participants', 1, 'email']);
    expect(resolveDraftKey({ participants: [agreement.participants[0]] }, key)).toBeNull();
    for (const bad of ['', '{', '"x"', '[{"id":5}]', '[null]']) expect(resolveDraftKey(agreement, bad)).toBeNull();
  });
});
