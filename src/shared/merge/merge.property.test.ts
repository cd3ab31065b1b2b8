import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlank } from '../model/defaults';
import { createExample } from '../model/example';
import { agreementSchema, CHANNELS, type Agreement } from '../model/schema';
import { agreementMergeRules, agreementValueAt, mergeAgreements } from './agreement';
import { isPlainObject, pathKey, sameValue, type MergePath } from './paths';
import type { Decision } from './threeWay';

/** A copy of `value` with `recipe` applied, as immer's produce would give (shared code may not use immer). */
function produce<T>(value: T, recipe: (draft: T) => void): T {
  const copy = structuredClone(value);
  recipe(copy);
  return copy;
}

/**
 * Properties of the merge over random edits of real agreements: whatever one side alone changed survives,
 * the same change on both sides is no conflict, and a merge is always a valid agreement.
 */
const at = new Date('2026-03-01T10:00:00Z');
const BASES = [createExample('en', at), createExample('es', at), createBlank('en', { now: at })];
const ID_LISTS = ['participants', 'icp.personas', 'lifecycle.stages', 'protocol.commitments', 'kpis', 'decisions', 'parkingLot'] as const;
const SET_LISTS = { 'protocol.channels': [...CHANNELS] } as const;

type Edit =
  | { kind: 'set'; path: MergePath; value: unknown }
  | { kind: 'add'; list: string; item: Record<string, unknown>; after: number }
  | { kind: 'remove'; list: string; key: string }
  | { kind: 'move'; list: string; key: string; to: number }
  | { kind: 'toggle'; list: string; value: string };

const listAt = (a: Agreement, list: string): unknown[] =>
  list.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], a) as unknown[];

/** Every leaf an edit may set to a new value of its own type without breaking the schema. */
function editableLeaves(agreement: Agreement): { path: MergePath; sample: unknown }[] {
  const leaves: { path: MergePath; sample: unknown }[] = [];
  const walk = (node: unknown, path: MergePath, pattern: string) => {
    if (agreementMergeRules.serverOwned(pattern) || pattern.endsWith('.id') || pattern.endsWith('stageId')) return;
    if (Array.isArray(node)) {
      const key = agreementMergeRules.listKey(pattern);
      if (key) for (const item of node) if (isPlainObject(item) && typeof item[key] === 'string') walk(item, [...path, { key: item[key] }], pattern);
      return;
    }
    if (isPlainObject(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k], pattern ? `${pattern}.${k}` : k);
      return;
    }
    const sample = typeof node === 'string' ? 'Texto de prueba' : typeof node === 'boolean' ? !node : 7;
    const probe = produce(agreement, (draft) => setAt(draft, path, sample));
    if (agreementSchema.safeParse(probe).success) leaves.push({ path, sample });
  };
  walk(agreement, [], '');
  return leaves;
}

function setAt(root: Agreement, path: MergePath, value: unknown): void {
  let node: unknown = root;
  let pattern = '';
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    if (typeof segment === 'string') {
      if (last) (node as Record<string, unknown>)[segment] = value;
      else node = (node as Record<string, unknown>)[segment];
      pattern = pattern ? `${pattern}.${segment}` : segment;
    } else {
      const field = agreementMergeRules.listKey(pattern) ?? 'id';
      node = (node as Record<string, unknown>[]).find((item) => item[field] === segment.key);
    }
  });
}

function apply(agreement: Agreement, edits: readonly Edit[]): Agreement {
  return produce(agreement, (draft) => {
    for (const edit of edits) {
      if (edit.kind === 'set') setAt(draft, edit.path, edit.value);
      else {
        const list = listAt(draft, edit.list) as (Record<string, unknown> | string)[];
        const index = list.findIndex((item) => (typeof item === 'string' ? item : item.id) === ('key' in edit ? edit.key : null));
        if (edit.kind === 'add') list.splice(Math.min(edit.after, list.length), 0, edit.item);
        else if (edit.kind === 'remove' && index >= 0) list.splice(index, 1);
        else if (edit.kind === 'move' && index >= 0) list.splice(Math.min(edit.to, list.length - 1), 0, ...list.splice(index, 1));
        else if (edit.kind === 'toggle') {
          const at = list.indexOf(edit.value);
          if (at >= 0) list.splice(at, 1);
          else list.push(edit.value);
        }
      }
    }
  });
}

/** What an edit occupies; two edits touch the same thing when one's place contains the other's. */
function places(edit: Edit): string[] {
  if (edit.kind === 'set') return [edit.path.map((s) => (typeof s === 'string' ? s : `{${s.key}}`)).join('/')];
  if (edit.kind === 'add') return [`${edit.list.replace(/\./g, '/')}/{${String(edit.item.id)}}`];
  if (edit.kind === 'remove') return [`${edit.list.replace(/\./g, '/')}/{${edit.key}}`];
  if (edit.kind === 'move') return [`${edit.list.replace(/\./g, '/')}#order`, `${edit.list.replace(/\./g, '/')}/{${edit.key}}`];
  return [`${edit.list.replace(/\./g, '/')}/{${edit.value}}`];
}
const overlaps = (a: Edit, b: Edit) => places(a).some((p) => places(b).some((q) => p === q || p.startsWith(`${q}/`) || q.startsWith(`${p}/`)));

const leavesCache = new Map<Agreement, ReturnType<typeof editableLeaves>>();
const leavesOf = (agreement: Agreement) => leavesCache.get(agreement) ?? leavesCache.set(agreement, editableLeaves(agreement)).get(agreement)!;

function editArbitrary(agreement: Agreement): fc.Arbitrary<Edit> {
  const leaves = leavesOf(agreement);
  const text = fc.string({ minLength: 1, maxLength: 40 });
  const set = fc.constantFrom(...leaves).chain(({ path, sample }) =>
    (typeof sample === 'string' ? text : typeof sample === 'boolean' ? fc.boolean() : fc.integer({ min: 1, max: 20 })).map((value): Edit => ({
      kind: 'set',
      path,
      value,
    })),
  );
  const lists = ID_LISTS.filter((list) => listAt(agreement, list).length > 0);
  const add = fc.tuple(fc.constantFrom(...lists), fc.uuid(), fc.nat(10), text).map(([list, id, after, words]): Edit => {
    const template = listAt(agreement, list)[0] as Record<string, unknown>;
    const item = {
      ...template,
      id,
      ...(typeof template.name === 'string' ? { name: words.slice(0, 200) } : {}),
      ...(typeof template.text === 'string' ? { text: words } : {}),
    };
    return { kind: 'add', list, item, after };
  });
  const existing = fc
    .constantFrom(...lists)
    .chain((list) => fc.constantFrom(...(listAt(agreement, list) as { id: string }[]).map((item) => ({ list, key: item.id }))));
  const remove = existing.map(({ list, key }): Edit => ({ kind: 'remove', list, key }));
  const move = fc.tuple(existing, fc.nat(8)).map(([{ list, key }, to]): Edit => ({ kind: 'move', list, key, to }));
  const toggle = fc
    .constantFrom(...Object.entries(SET_LISTS))
    .chain(([list, values]) => fc.constantFrom(...values).map((value): Edit => ({ kind: 'toggle', list, value })));
  return lists.length > 0 ? fc.oneof({ weight: 5, arbitrary: set }, add, remove, move, toggle) : fc.oneof({ weight: 5, arbitrary: set }, toggle);
}

/** A base and two lists of edits that never touch the same thing. */
const disjointEdits = fc.constantFrom(...BASES).chain((base) =>
  fc.array(fc.tuple(editArbitrary(base), fc.boolean()), { maxLength: 12 }).map((tagged) => {
    const mine: Edit[] = [];
    const theirs: Edit[] = [];
    for (const [edit, isMine] of tagged) {
      if ([...mine, ...theirs].some((other) => overlaps(edit, other))) continue;
      (isMine ? mine : theirs).push(edit);
    }
    return { base, mine, theirs };
  }),
);

function expectEditKept(merged: Agreement, edited: Agreement, edit: Edit): void {
  if (edit.kind === 'set') expect(agreementValueAt(merged, edit.path)).toEqual(agreementValueAt(edited, edit.path));
  else if (edit.kind === 'add') expect(listAt(merged, edit.list)).toContainEqual(edit.item);
  else if (edit.kind === 'remove') expect((listAt(merged, edit.list) as { id: string }[]).map((i) => i.id)).not.toContain(edit.key);
  else if (edit.kind === 'toggle') expect(listAt(merged, edit.list).includes(edit.value)).toBe(listAt(edited, edit.list).includes(edit.value));
  else {
    const mergedIds = (listAt(merged, edit.list) as { id: string }[]).map((i) => i.id);
    const editedIds = (listAt(edited, edit.list) as { id: string }[]).map((i) => i.id);
    expect(mergedIds.filter((id) => editedIds.includes(id))).toEqual(editedIds.filter((id) => mergedIds.includes(id)));
  }
}

describe('merge properties', () => {
  it('never drops a change that only one side made, and reports no conflict for them', () => {
    fc.assert(
      fc.property(disjointEdits, ({ base, mine, theirs }) => {
        const [m, t] = [apply(base, mine), apply(base, theirs)];
        const { merged, conflicts } = mergeAgreements(base, m, t);
        expect(conflicts).toEqual([]);
        for (const edit of mine) expectEditKept(merged, m, edit);
        for (const edit of theirs) expectEditKept(merged, t, edit);
        expect(agreementSchema.safeParse(merged).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('returns the edited side unchanged when only one side edited', () => {
    fc.assert(
      fc.property(disjointEdits, ({ base, mine }) => {
        const edited = apply(base, mine);
        expect(sameValue(mergeAgreements(base, edited, base).merged, edited)).toBe(true);
        expect(sameValue(mergeAgreements(base, base, edited).merged, edited)).toBe(true);
      }),
    );
  });

  it('does not call identical changes a conflict', () => {
    fc.assert(
      fc.property(disjointEdits, ({ base, mine, theirs }) => {
        const edited = apply(base, [...mine, ...theirs]);
        const both = apply(base, [...mine, ...theirs]);
        const { merged, conflicts } = mergeAgreements(base, edited, both);
        expect(conflicts).toEqual([]);
        expect(sameValue(merged, edited)).toBe(true);
      }),
    );
  });

  it('reports each field both sides set differently, and keeps whichever side the user picks', () => {
    const base = BASES[0]!;
    const leaves = leavesOf(base).filter((leaf) => typeof leaf.sample === 'string');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...leaves), { minLength: 1, maxLength: 6, selector: (leaf) => pathKey(leaf.path) }),
        fc.constantFrom<Decision['take']>('mine', 'theirs'),
        (chosen, take) => {
          const m = apply(
            base,
            chosen.map(({ path }) => ({ kind: 'set', path, value: `mine ${pathKey(path)}` })),
          );
          const t = apply(
            base,
            chosen.map(({ path }) => ({ kind: 'set', path, value: `theirs ${pathKey(path)}` })),
          );
          const { conflicts } = mergeAgreements(base, m, t);
          expect(conflicts.map((c) => pathKey(c.path)).sort()).toEqual(chosen.map((leaf) => pathKey(leaf.path)).sort());
          const decisions = new Map(conflicts.map((c) => [pathKey(c.path), { take } as Decision]));
          const resolved = mergeAgreements(base, m, t, decisions).merged;
          for (const { path } of chosen) expect(agreementValueAt(resolved, path)).toBe(`${take} ${pathKey(path)}`);
        },
      ),
    );
  });
});
