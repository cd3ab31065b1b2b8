import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../../../test/support/memoryStorage';
import { cellKey, useCellDrafts } from './cellDrafts';

const problem = { key: 'workshop.number.notNumber' as const, params: { example: 1250.5 } };

describe('the figure cells’ invalid text', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    useCellDrafts.setState({ byAgreement: {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is kept on this computer and read back after a reload, per agreement', () => {
    useCellDrafts.getState().put('a1', cellKey('2027-01', 'stage:mql'), { raw: '12x', problem, settled: true });
    useCellDrafts.setState({ byAgreement: {} }); // the page reloads
    useCellDrafts.getState().load('a1');
    useCellDrafts.getState().load('a2');
    expect(useCellDrafts.getState().byAgreement).toEqual({ a1: { '2027-01|stage:mql': { raw: '12x', problem, settled: true } }, a2: {} });
  });

  it('goes when corrected, or when its month’s figures are removed, and leaves no copy behind', () => {
    const drafts = useCellDrafts.getState();
    drafts.put('a1', cellKey('2027-01', 'stage:mql'), { raw: '12x', problem, settled: true });
    drafts.put('a1', cellKey('2027-02', 'stage:mql'), { raw: '9y', problem, settled: false });
    drafts.drop('a1', cellKey('2027-01', 'stage:mql'));
    expect(Object.keys(useCellDrafts.getState().byAgreement.a1 ?? {})).toEqual(['2027-02|stage:mql']);
    drafts.dropMonth('a1', '2027-02');
    expect(useCellDrafts.getState().byAgreement.a1).toEqual({});
    expect(storage.length).toBe(0);
  });

  it('a damaged copy never breaks the grid: only well-formed drafts are read', () => {
    storage.setItem('sla.figureDrafts.a1', JSON.stringify({ good: { raw: '1x', problem, settled: true }, bad: { raw: 5 }, worse: null }));
    useCellDrafts.getState().load('a1');
    expect(Object.keys(useCellDrafts.getState().byAgreement.a1 ?? {})).toEqual(['good']);
    storage.setItem('sla.figureDrafts.a3', '{not json');
    useCellDrafts.getState().load('a3');
    expect(useCellDrafts.getState().byAgreement.a3).toEqual({});
  });
});
