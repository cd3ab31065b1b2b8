import type { Agreement } from '../model/schema';
import { pathKey, valueAt, type MergePath } from './paths';
import { threeWayMerge, type Decision, type MergeConflict, type MergeOutcome, type MergeRules } from './threeWay';

/** Set by the host, never by an edit: the stored version's value is the truth. */
const SERVER_OWNED = new Set(['meta.id', 'meta.status', 'meta.version', 'meta.amendsId', 'meta.createdAt', 'meta.updatedAt', 'signatures']);

/** Lists whose items carry a key other than `id`. Every other list of objects with ids is matched by id. */
const LIST_KEYS: Record<string, string> = { 'goals.targets': 'stageId', actuals: 'month' };

/** Lists of distinct codes: adding one on one side and another on the other side keeps both. */
const SETS = new Set(['protocol.channels', 'cadence.participantIds']);

/** Lists of free text kept as one value: a conflict offers the lines of both sides to combine. */
export const TEXT_LISTS = new Set(['protocol.rejection.reasons', 'cadence.agenda']);

export const agreementMergeRules: MergeRules = {
  serverOwned: (pattern) => SERVER_OWNED.has(pattern) || [...SERVER_OWNED].some((owned) => pattern.startsWith(`${owned}.`)),
  listKey: (pattern) => LIST_KEYS[pattern] ?? (SETS.has(pattern) || TEXT_LISTS.has(pattern) ? null : 'id'),
  isSet: (pattern) => SETS.has(pattern),
};

/** The value of an agreement at a merge path (undefined when the item or field is not there). */
export function agreementValueAt(agreement: Agreement, path: MergePath): unknown {
  return valueAt(agreement, path, (pattern) => agreementMergeRules.listKey(pattern));
}

/**
 * Merges this window's draft (`mine`) and the stored latest version (`theirs`), both edited from `base`, the
 * last version this window had acknowledged. Conflicts are left as this window's value (or `otherwise`)
 * until `decisions` (keyed by `pathKey(conflict.path)`) say otherwise.
 */
export function mergeAgreements(
  base: Agreement,
  mine: Agreement,
  theirs: Agreement,
  decisions: ReadonlyMap<string, Decision> = new Map(),
  otherwise: 'mine' | 'theirs' = 'mine',
): MergeOutcome<Agreement> {
  return threeWayMerge(base, mine, theirs, agreementMergeRules, (conflict) => decisions.get(pathKey(conflict.path)) ?? { take: otherwise });
}

/** Whether every conflict has a decision. */
export function allDecided(conflicts: readonly MergeConflict[], decisions: ReadonlyMap<string, Decision>): boolean {
  return conflicts.every((conflict) => decisions.has(pathKey(conflict.path)));
}

export type { Decision, MergeConflict, MergeOutcome, MergePath };
