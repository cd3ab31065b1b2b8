import { describe, expect, it } from 'vitest';
import { createExample } from '../model/example';
import { agreementSchema, type Agreement } from '../model/schema';
import { agreementValueAt, allDecided, mergeAgreements } from './agreement';
import { mergeOrder, orderChanged } from './order';
import { pathKey, type MergePath } from './paths';
import type { Decision } from './threeWay';

/** A copy of `value` with `recipe` applied, as immer's produce would give (shared code may not use immer). */
function produce<T>(value: T, recipe: (draft: T) => void): T {
  const copy = structuredClone(value);
  recipe(copy);
  return copy;
}

const base = createExample('en', new Date('2026-03-01T10:00:00Z'));
const edit = (recipe: (draft: Agreement) => void) => produce(base, recipe);
const stage = (a: Agreement, n: number) => a.lifecycle.stages[n]!;
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('merging two edits of one agreement', () => {
  it('keeps both texts when two windows typed into different fields', () => {
    const mine = edit((a) => void (a.icp.company.industry = 'Retail'));
    const theirs = edit((a) => void (a.notes.goals = 'Ask finance for last year’s numbers'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.icp.company.industry).toBe('Retail');
    expect(merged.notes.goals).toBe('Ask finance for last year’s numbers');
  });

  it('merges inside one list item field by field', () => {
    const mine = edit((a) => void (stage(a, 1).definition = 'Scored 60+'));
    const theirs = edit((a) => void (stage(a, 1).entryCriteria = 'Downloaded two assets'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(stage(merged, 1)).toMatchObject({ definition: 'Scored 60+', entryCriteria: 'Downloaded two assets' });
  });

  it('finds a list item by its id even after the other side reordered the list', () => {
    const mine = edit((a) => void (a.kpis[2]!.formula = 'SQLs ÷ MQLs'));
    const theirs = edit((a) => void a.kpis.reverse());
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged.kpis)).toEqual(ids(theirs.kpis));
    expect(merged.kpis.find((k) => k.id === base.kpis[2]!.id)?.formula).toBe('SQLs ÷ MQLs');
  });

  it('keeps items added on both sides, each where it was added', () => {
    const mine = edit((a) => void a.decisions.splice(0, 0, { id: 'mine-1', date: '2026-03-02', text: 'Mine first', owner: 'Ana' }));
    const theirs = edit((a) => void a.decisions.push({ id: 'theirs-1', date: '2026-03-02', text: 'Theirs last', owner: 'Bruno' }));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged.decisions)).toEqual(['mine-1', ...ids(base.decisions), 'theirs-1']);
  });

  it('removes an item one side removed while the other left it alone', () => {
    const removed = base.icp.personas[0]!.id;
    const mine = edit((a) => void (a.icp.personas = a.icp.personas.filter((p) => p.id !== removed)));
    const theirs = edit((a) => void (a.icp.company.region = 'LATAM'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(ids(merged.icp.personas)).not.toContain(removed);
    expect(merged.icp.company.region).toBe('LATAM');
  });

  it('asks before removing an item the other side changed', () => {
    const target = base.icp.personas[0]!.id;
    const mine = edit((a) => void (a.icp.personas = a.icp.personas.filter((p) => p.id !== target)));
    const theirs = edit((a) => void (a.icp.personas[0]!.pains = 'Too many tools'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toMatchObject([{ kind: 'removedHere', path: ['icp', 'personas', { key: target }], mine: undefined }]);
    // Until decided, the screen keeps showing this window's version (removed).
    expect(ids(merged.icp.personas)).not.toContain(target);
    const keep = new Map<string, Decision>([[pathKey(conflicts[0]!.path), { take: 'theirs' }]]);
    const kept = mergeAgreements(base, mine, theirs, keep).merged;
    expect(kept.icp.personas.find((p) => p.id === target)?.pains).toBe('Too many tools');
    expect(ids(kept.icp.personas)).toEqual(ids(base.icp.personas));
  });

  it('asks before removing an item this window changed', () => {
    const target = base.protocol.commitments[1]!.id;
    const mine = edit((a) => void (a.protocol.commitments[1]!.description = 'Call every SQL twice'));
    const theirs = edit((a) => void (a.protocol.commitments = a.protocol.commitments.filter((c) => c.id !== target)));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toMatchObject([{ kind: 'removedThere', theirs: undefined }]);
    expect(merged.protocol.commitments.find((c) => c.id === target)?.description).toBe('Call every SQL twice');
    const drop = new Map<string, Decision>([[pathKey(conflicts[0]!.path), { take: 'theirs' }]]);
    expect(ids(mergeAgreements(base, mine, theirs, drop).merged.protocol.commitments)).not.toContain(target);
  });

  it('does not call the same change on both sides a conflict', () => {
    const mine = edit((a) => void (a.handoff.owner = 'SDR lead'));
    const theirs = edit((a) => void (a.handoff.owner = 'SDR lead'));
    expect(mergeAgreements(base, mine, theirs).conflicts).toEqual([]);
  });

  it('reports one field changed differently on both sides, with both values, and applies each decision', () => {
    const mine = edit((a) => void (stage(a, 2).definition = 'Budget confirmed'));
    const theirs = edit((a) => void (stage(a, 2).definition = 'Authority confirmed'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    const path: MergePath = ['lifecycle', 'stages', { key: stage(base, 2).id }, 'definition'];
    expect(conflicts).toEqual([{ path, kind: 'value', base: stage(base, 2).definition, mine: 'Budget confirmed', theirs: 'Authority confirmed' }]);
    expect(stage(merged, 2).definition).toBe('Budget confirmed');
    const decide = (decision: Decision) => stage(mergeAgreements(base, mine, theirs, new Map([[pathKey(path), decision]])).merged, 2).definition;
    expect(decide({ take: 'theirs' })).toBe('Authority confirmed');
    expect(decide({ take: 'combined', value: 'Budget and authority confirmed' })).toBe('Budget and authority confirmed');
    expect(allDecided(conflicts, new Map())).toBe(false);
    expect(allDecided(conflicts, new Map([[pathKey(path), { take: 'mine' }]]))).toBe(true);
  });

  it('keeps the channels and review participants added on either side', () => {
    const mine = edit((a) => {
      a.protocol.channels = [...a.protocol.channels.filter((c) => c !== 'phone'), 'chat'];
      a.cadence.participantIds = [a.participants[3]!.id, ...a.cadence.participantIds];
    });
    const theirs = edit((a) => void (a.protocol.channels = [...a.protocol.channels, 'video']));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(new Set(merged.protocol.channels)).toEqual(new Set([...base.protocol.channels.filter((c) => c !== 'phone'), 'chat', 'video']));
    expect(merged.cadence.participantIds[0]).toBe(base.participants[3]!.id);
  });

  it('matches monthly targets by stage, not by position', () => {
    const mine = edit((a) => void (a.goals.targets[0]!.monthly = 650));
    const theirs = edit((a) => void (a.goals.targets[4]!.monthly = 20));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.goals.targets.map((t) => t.monthly)).toEqual([650, 200, 100, 40, 20]);
  });

  it('always takes what the host owns from the stored version', () => {
    const mine = edit((a) => void (a.meta.updatedAt = '2026-03-01T11:00:00.000Z'));
    const theirs = edit((a) => void (a.meta.updatedAt = '2026-03-01T12:00:00.000Z'));
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.meta.updatedAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it('treats a list of free text as one value and offers both sides', () => {
    const mine = edit((a) => void a.cadence.agenda.push('Budget'));
    const theirs = edit((a) => void a.cadence.agenda.push('Hiring'));
    const { conflicts } = mergeAgreements(base, mine, theirs);
    expect(conflicts).toMatchObject([
      { path: ['cadence', 'agenda'], kind: 'value', mine: [...base.cadence.agenda, 'Budget'], theirs: [...base.cadence.agenda, 'Hiring'] },
    ]);
  });

  it('never matches items of a list that holds one id twice (it is merged as one value)', () => {
    const twice = produce(base, (a) => void a.kpis.push({ ...a.kpis[0]!, name: 'Copy' }));
    const mine = produce(twice, (a) => void (a.kpis[0]!.name = 'Mine'));
    const theirs = produce(twice, (a) => void (a.kpis[1]!.name = 'Theirs'));
    const { merged, conflicts } = mergeAgreements(twice, mine, theirs);
    expect(conflicts).toMatchObject([{ path: ['kpis'], kind: 'value' }]);
    expect(merged.kpis).toEqual(mine.kpis);
  });

  it('produces an agreement that still passes the schema', () => {
    const mine = edit(
      (a) => void a.participants.push({ id: 'p-new', name: 'Eva', jobTitle: 'CMO', team: 'marketing', email: '', role: 'member', mustSign: false }),
    );
    const theirs = edit((a) => void a.lifecycle.stages.splice(3, 1));
    expect(agreementSchema.safeParse(mergeAgreements(base, mine, theirs).merged).success).toBe(true);
  });

  it('reads a value at a merge path', () => {
    const id = stage(base, 1).id;
    expect(agreementValueAt(base, ['lifecycle', 'stages', { key: id }, 'name'])).toBe(stage(base, 1).name);
    expect(agreementValueAt(base, ['goals', 'targets', { key: id }, 'monthly'])).toBe(200);
    expect(agreementValueAt(base, ['lifecycle', 'stages', { key: 'missing' }, 'name'])).toBeUndefined();
  });
});

describe('merging the order of a list', () => {
  it('tells a move from an addition or a removal', () => {
    expect(orderChanged(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(false);
    expect(orderChanged(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
  });

  it('follows the side that moved items and places the other side’s additions after their neighbour', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['a', 'b', 'n', 'c'], ['c', 'b', 'a'], new Set(['a', 'b', 'c', 'n']))).toEqual(['c', 'b', 'n', 'a']);
    expect(mergeOrder(['a', 'b'], ['b', 'a'], ['c', 'b', 'a'], new Set(['a', 'b', 'c']))).toEqual(['c', 'b', 'a']);
  });

  it('keeps this window’s order when both sides moved items', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['b', 'a', 'c'], ['a', 'c', 'b'], new Set(['a', 'b', 'c']))).toEqual(['b', 'a', 'c']);
  });
});
