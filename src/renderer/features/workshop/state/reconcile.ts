import { mergeAgreements, type MergeConflict } from '../../../../shared/merge/agreement';
import { sameValue } from '../../../../shared/merge/paths';
import type { Agreement } from '../../../../shared/model/schema';
import type { History } from './history';
import type { StoredShadow } from './shadowCopy';

/**
 * Another window stored a newer version while this one had edits of its own, and both changed the same
 * fields. Until the user decides, `mine` (this window's edits) and `theirs` are kept as they were; the
 * session's `acknowledged` and `revision` stay those the edits started from, so a crash meanwhile leaves a
 * copy that merges the same way again.
 */
export interface PendingConflict {
  mine: Agreement;
  theirs: Agreement;
  /** The stored revision of `theirs`; the resolved version is saved over it. */
  revision: number;
  conflicts: MergeConflict[];
  /** The copy of unsaved edits the conflict came from when it was found at open (removed once resolved). */
  source?: StoredShadow;
}

/**
 * Undo history after another window's version came in: each snapshot keeps this window's own edits and gets
 * the other window's, so undoing never takes back someone else's text (where both touched a field, theirs).
 */
export function rebaseHistory(history: History, base: Agreement, theirs: Agreement): History {
  const rebase = (snapshot: Agreement) => (snapshot === base ? theirs : mergeAgreements(base, snapshot, theirs, new Map(), 'theirs').merged);
  return { ...history, past: history.past.map(rebase), future: history.future.map(rebase), lastKey: null };
}

export type FoldedCopies =
  | { kind: 'clean'; draft: Agreement; used: StoredShadow[]; stale: StoredShadow[] }
  | { kind: 'conflict'; copy: StoredShadow; base: Agreement; conflict: PendingConflict };

/**
 * What to show when an agreement opens with copies of unsaved edits on this computer. Each copy is merged
 * into the stored version from the version it started from. A copy from an earlier app version that has no
 * base and a stale revision cannot be merged safely and is dropped, as before. A copy whose edits collide
 * with what is stored opens the conflict dialog (the other copies wait for the next open).
 */
export function foldCopies(stored: Agreement, revision: number, copies: readonly StoredShadow[]): FoldedCopies {
  let draft = stored;
  const used: StoredShadow[] = [];
  const stale: StoredShadow[] = [];
  for (const found of copies) {
    const { copy } = found;
    const base = copy.base ?? (copy.baseRevision === revision ? stored : null);
    if (!base || sameValue(copy.agreement, base)) {
      stale.push(found);
      continue;
    }
    const outcome = mergeAgreements(base, copy.agreement, draft);
    if (outcome.conflicts.length > 0) {
      const alone = mergeAgreements(base, copy.agreement, stored);
      // Colliding only with another unsaved copy: it waits in storage, and meets the stored result next time.
      if (alone.conflicts.length === 0) continue;
      return { kind: 'conflict', copy: found, base, conflict: { mine: copy.agreement, theirs: stored, revision, conflicts: alone.conflicts } };
    }
    draft = outcome.merged;
    used.push(found);
  }
  return { kind: 'clean', draft: sameValue(draft, stored) ? stored : draft, used, stale };
}
