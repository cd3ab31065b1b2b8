import { mergeAgreements } from '../../../../shared/merge/agreement';
import type { Agreement } from '../../../../shared/model/schema';
import { emptyHistory } from './history';
import { foldCopies } from './reconcile';
import { readShadows, removeShadowIfUnchanged, writeShadow } from './shadowCopy';
import type { WorkshopSession } from './workshopSlice';

/**
 * The session of an agreement just read from the host, with any copies of unsaved edits this computer kept
 * merged in (see reconcile.ts). `saveAtOnce`: restored edits are sent without waiting for a keystroke.
 */
export function openSession(agreement: Agreement, revision: number): { session: WorkshopSession; saveAtOnce: boolean } {
  const id = agreement.meta.id;
  const readOnly = agreement.meta.status !== 'draft';
  // An amendment also takes edits its signed version never got (signed elsewhere before they were stored).
  const amended = agreement.meta.amendsId;
  const copies = readOnly ? [] : [...readShadows(id), ...(amended ? readShadows(amended).filter((found) => found.copy.base) : [])];
  const folded = foldCopies(agreement, revision, copies);
  const fresh = { id, history: emptyHistory(), readOnly, overtaken: false };
  if (folded.kind === 'conflict') {
    const { base, conflict, copy } = folded;
    const preview = mergeAgreements(base, conflict.mine, conflict.theirs).merged;
    const session: WorkshopSession = {
      ...fresh,
      draft: preview,
      acknowledged: base,
      revision: copy.copy.baseRevision,
      recovered: true,
      conflict: { ...conflict, source: copy },
      save: { status: 'conflict', error: null, savedAt: null },
    };
    return { session, saveAtOnce: false };
  }
  for (const found of folded.stale) removeShadowIfUnchanged(found);
  const recovered = folded.draft !== agreement;
  if (recovered) {
    // This window takes the copies over: its own copy first, then the ones it merged are removed.
    writeShadow(id, revision, folded.draft, agreement);
    for (const found of folded.used) removeShadowIfUnchanged(found);
  }
  const status = readOnly ? 'readOnly' : recovered ? 'pending' : 'saved';
  return {
    session: { ...fresh, draft: folded.draft, revision, acknowledged: agreement, recovered, conflict: null, save: { status, error: null, savedAt: null } },
    saveAtOnce: recovered,
  };
}
