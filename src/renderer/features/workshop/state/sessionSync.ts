import type { ApiError } from '../../../../shared/api/errors';
import { mergeAgreements } from '../../../../shared/merge/agreement';
import { sameValue } from '../../../../shared/merge/paths';
import type { Agreement } from '../../../../shared/model/schema';
import { api } from '../../../api/apiClient';
import { emptyHistory, type History } from './history';
import { rebaseHistory, type PendingConflict } from './reconcile';
import { clearShadow, writeShadow } from './shadowCopy';
import type { WorkshopSession } from './workshopSlice';

/** What the sync needs from the slice: the session, and the autosave's timer and error handling. */
export interface SessionSyncContext {
  session(): WorkshopSession | null;
  replace(session: WorkshopSession): void;
  schedule(delay?: number): void;
  clearTimer(): void;
  fail(id: string, error: ApiError): void;
}

/** Keeping one window's session in step with what other windows store (see docs/WORKSHOP.md, conflicts). */
export function createSessionSync(ctx: SessionSyncContext) {
  function takeTheirs(session: WorkshopSession, theirs: Agreement, revision: number, history: History): void {
    ctx.clearTimer();
    clearShadow(session.id);
    ctx.replace({
      ...session,
      draft: theirs,
      acknowledged: theirs,
      revision,
      history,
      conflict: null,
      save: { status: 'saved', error: null, savedAt: session.save.savedAt },
    });
  }

  /** Signed (or superseded) elsewhere: show exactly what was signed; edits not yet stored stay in this window's copy. */
  function takeSigned(session: WorkshopSession, theirs: Agreement, revision: number): void {
    const mine = session.conflict?.mine ?? session.draft;
    const overtaken = mine !== session.acknowledged;
    ctx.clearTimer();
    if (overtaken) writeShadow(session.id, session.revision, mine, session.acknowledged);
    else clearShadow(session.id);
    ctx.replace({
      ...session,
      draft: theirs,
      acknowledged: theirs,
      revision,
      history: emptyHistory(),
      readOnly: true,
      conflict: null,
      overtaken,
      save: { status: 'readOnly', error: null, savedAt: null },
    });
  }

  /**
   * Brings this window up to the stored version. With no edits of its own it simply takes it; otherwise its
   * edits are merged into it field by field (base: what this window last had acknowledged), and only fields
   * both sides changed differently go to the user. Runs inside `exclusive`.
   */
  async function reconcile(id: string): Promise<boolean> {
    const latest = await api().send('agreements.get', { id });
    const session = ctx.session();
    if (session?.id !== id) return false;
    if (!latest.ok) {
      ctx.fail(id, latest.error);
      return false;
    }
    const { agreement: theirs, revision } = latest.value;
    if (revision <= (session.conflict?.revision ?? session.revision)) {
      // Nothing newer is stored: put the status back.
      const upToDate = session.draft === session.acknowledged;
      if (session.save.status === 'saving') ctx.replace({ ...session, save: { ...session.save, status: upToDate ? 'saved' : 'pending' } });
      if (!upToDate && !session.conflict) ctx.schedule();
      return upToDate && !session.conflict;
    }
    if (theirs.meta.status !== 'draft') {
      takeSigned(session, theirs, revision);
      return false;
    }
    const base = session.acknowledged;
    const mine = session.conflict?.mine ?? session.draft;
    const history = rebaseHistory(session.history, base, theirs);
    if (mine === base) {
      takeTheirs(session, theirs, revision, history);
      return true;
    }
    const { merged, conflicts } = mergeAgreements(base, mine, theirs);
    if (conflicts.length > 0) {
      ctx.clearTimer();
      const conflict: PendingConflict = { mine, theirs, revision, conflicts, ...(session.conflict?.source ? { source: session.conflict.source } : {}) };
      ctx.replace({ ...session, draft: merged, history, conflict, save: { status: 'conflict', error: null, savedAt: session.save.savedAt } });
      return false;
    }
    if (sameValue(merged, theirs)) {
      takeTheirs(session, theirs, revision, history);
      return true;
    }
    writeShadow(id, revision, merged, theirs);
    ctx.replace({
      ...session,
      draft: merged,
      acknowledged: theirs,
      revision,
      history,
      conflict: null,
      save: { status: 'pending', error: null, savedAt: session.save.savedAt },
    });
    ctx.schedule(0);
    return false;
  }

  return { reconcile };
}
