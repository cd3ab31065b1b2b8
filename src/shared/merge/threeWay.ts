import { mergeOrder } from './order';
import { isPlainObject, pathPattern, sameValue, type MergePath } from './paths';

/**
 * value: both sides changed one field differently. removedHere: this window removed a list item the other
 * changed. removedThere: the other removed an item this window changed.
 */
export type ConflictKind = 'value' | 'removedHere' | 'removedThere';

/** One place both sides changed differently. `undefined` stands for "not there" (a removed item). */
export interface MergeConflict {
  path: MergePath;
  kind: ConflictKind;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** What to keep where both sides changed: mine, theirs, or a combination the user wrote. */
export type Decision = { take: 'mine' } | { take: 'theirs' } | { take: 'combined'; value: unknown };

export interface MergeRules {
  /** Fields the host owns (status, version, signatures…): the stored side always wins. */
  serverOwned(pattern: string): boolean;
  /** The field that names the items of a list (`id`, `stageId`, `month`), or null when it has none. */
  listKey(pattern: string): string | null;
  /** Lists of distinct plain values where only membership and order matter (channels, chosen participants). */
  isSet(pattern: string): boolean;
}

export interface MergeOutcome<T> {
  merged: T;
  /** Every place both sides changed differently, in document order, whether or not it was decided. */
  conflicts: MergeConflict[];
}

const own = (object: Record<string, unknown> | undefined, key: string): unknown =>
  object !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

function keysOf(list: readonly unknown[], field: string): string[] | null {
  const keys: string[] = [];
  for (const item of list) {
    const key = isPlainObject(item) ? item[field] : undefined;
    if (typeof key !== 'string') return null;
    keys.push(key);
  }
  // Two items with one key cannot be matched safely: such a list is merged as one value.
  return new Set(keys).size === keys.length ? keys : null;
}

function plainValues(list: readonly unknown[]): string[] | null {
  if (!list.every((item) => typeof item === 'string')) return null;
  const values = list as string[];
  return new Set(values).size === values.length ? values : null;
}

/**
 * A three-way merge of JSON values: base is what both sides started from, mine and theirs are the two
 * edited versions. A change made on one side only is always kept; the same change made on both sides is
 * no conflict; objects merge field by field and keyed lists item by item, so two people editing different
 * fields never disturb each other. Where both changed one thing differently, `decide` chooses (by default
 * this window's value, which is what the screen already shows) and the place is reported as a conflict.
 */
export function threeWayMerge<T>(
  base: T,
  mine: T,
  theirs: T,
  rules: MergeRules,
  decide: (conflict: MergeConflict) => Decision = () => ({ take: 'mine' }),
): MergeOutcome<T> {
  const conflicts: MergeConflict[] = [];

  function conflict(conflict: MergeConflict): Decision {
    conflicts.push(conflict);
    return decide(conflict);
  }

  function merge(b: unknown, m: unknown, t: unknown, path: MergePath): unknown {
    if (m === t) return t;
    const pattern = pathPattern(path);
    if (rules.serverOwned(pattern)) return t;
    if (sameValue(b, m)) return t;
    if (sameValue(b, t) || sameValue(m, t)) return m;
    if (isPlainObject(m) && isPlainObject(t)) return mergeObject(isPlainObject(b) ? b : undefined, m, t, path);
    if (Array.isArray(m) && Array.isArray(t)) {
      const baseList = Array.isArray(b) ? b : [];
      const field = rules.listKey(pattern);
      if (field !== null) {
        const keys = [keysOf(baseList, field), keysOf(m, field), keysOf(t, field)];
        if (keys.every((k) => k !== null)) return mergeKeyed(baseList, m, t, field, keys as string[][], path);
      }
      if (rules.isSet(pattern)) {
        const values = [plainValues(baseList), plainValues(m), plainValues(t)];
        if (values.every((v) => v !== null)) return mergeSet(values as string[][]);
      }
    }
    const decision = conflict({ path, kind: 'value', base: b, mine: m, theirs: t });
    return decision.take === 'combined' ? decision.value : decision.take === 'theirs' ? t : m;
  }

  function mergeObject(
    b: Record<string, unknown> | undefined,
    m: Record<string, unknown>,
    t: Record<string, unknown>,
    path: MergePath,
  ): Record<string, unknown> {
    const keys = [...new Set([...Object.keys(m), ...Object.keys(t)])];
    // fromEntries defines own properties, so a key such as "__proto__" can never reach a prototype.
    return Object.fromEntries(
      keys.map((key) => [key, merge(own(b, key), own(m, key), own(t, key), [...path, key])] as const).filter(([, value]) => value !== undefined),
    );
  }

  function mergeKeyed(b: unknown[], m: unknown[], t: unknown[], field: string, [baseKeys, mineKeys, theirKeys]: string[][], path: MergePath): unknown[] {
    const index = (list: unknown[], keys: string[]) => new Map(keys.map((key, i) => [key, list[i]]));
    const [inBase, inMine, inTheirs] = [index(b, baseKeys!), index(m, mineKeys!), index(t, theirKeys!)];
    const merged = new Map<string, unknown>();
    for (const key of new Set([...mineKeys!, ...theirKeys!])) {
      const itemPath: MergePath = [...path, { key }];
      const [bi, mi, ti] = [inBase.get(key), inMine.get(key), inTheirs.get(key)];
      if (mi !== undefined && ti !== undefined) merged.set(key, merge(bi, mi, ti, itemPath));
      else if (mi !== undefined) {
        // Only here: added here, or removed there — a removal that would throw away edits made here is asked.
        if (bi === undefined) merged.set(key, mi);
        else if (!sameValue(bi, mi) && conflict({ path: itemPath, kind: 'removedThere', base: bi, mine: mi, theirs: undefined }).take !== 'theirs')
          merged.set(key, mi);
      } else if (ti !== undefined) {
        if (bi === undefined) merged.set(key, ti);
        else if (!sameValue(bi, ti) && conflict({ path: itemPath, kind: 'removedHere', base: bi, mine: undefined, theirs: ti }).take === 'theirs')
          merged.set(key, ti);
      }
    }
    const order = mergeOrder(baseKeys!, mineKeys!, theirKeys!, new Set(merged.keys()));
    // An item's key field is part of the item, so a merged item keeps the key it is filed under.
    return order.map((key) => merged.get(key));
  }

  function mergeSet([baseValues, mineValues, theirValues]: string[][]): string[] {
    const [b, m, t] = [new Set(baseValues), new Set(mineValues), new Set(theirValues)];
    const keep = new Set([...m, ...t].filter((v) => (m.has(v) && t.has(v)) || (m.has(v) && !b.has(v)) || (t.has(v) && !b.has(v))));
    return mergeOrder(baseValues!, mineValues!, theirValues!, keep);
  }

  const merged = merge(base, mine, theirs, []) as T;
  return { merged, conflicts };
}
