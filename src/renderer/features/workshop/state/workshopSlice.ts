import { produce, type Draft } from 'immer';
import type { StateCreator } from 'zustand';
import type { AgreementRecord } from '../../../../shared/api/contract';
import type { AgreementChanged } from '../../../../shared/api/events';
import type { ApiError, ErrorKind } from '../../../../shared/api/errors';
import { allDecided, mergeAgreements, type Decision } from '../../../../shared/merge/agreement';
import { sameValue } from '../../../../shared/merge/paths';
import type { FieldPath } from '../../../../shared/model/completeness';
import type { ValueAt } from '../../../../shared/model/paths';
import { agreementSchema, type Agreement } from '../../../../shared/model/schema';
import { api } from '../../../api/apiClient';
import { connection } from '../../../api/connection';
import type { AppMiddlewares, AppState } from '../../../store/appState';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from './history';
import { openSession } from './openSession';
import { rebaseHistory, type PendingConflict } from './reconcile';
import { createSessionSync } from './sessionSync';
import { clearShadow, removeShadowIfUnchanged, writeShadow } from './shadowCopy';

/**
 * saved: the host has everything · pending: an edit waits for its autosave · saving: in flight · error: a
 * transient failure, retried with backoff · refused: the host rejected this content (invalid, gone…); sending
 * it again cannot help, so it is not retried until the next edit or "Retry now" · conflict: both windows
 * changed the same fields, the user decides · expired: browser mode was restarted and this tab's link no
 * longer works (never retried). In every failure the text stays on screen and in the copy on this computer.
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'refused' | 'conflict' | 'readOnly' | 'expired';

export interface WorkshopSession {
  id: string;
  /** What the screen shows and edits. */
  draft: Agreement;
  /** Revision of the last content the host acknowledged; the next save names it. */
  revision: number;
  /** The last content the host acknowledged. `draft !== acknowledged` means unsaved edits. */
  acknowledged: Agreement;
  history: History;
  save: { status: SaveStatus; error: ApiError | null; savedAt: number | null };
  /** Only drafts are edited; a signed version is frozen. */
  readOnly: boolean;
  /** The draft was restored from unsaved edits kept on this computer. */
  recovered: boolean;
  /** Another window changed the same fields: the dialog shows both values until the user decides. */
  conflict: PendingConflict | null;
  /** This version was signed elsewhere before this window's last edits were stored; they wait for the amendment. */
  overtaken: boolean;
}

export interface WorkshopSlice {
  workshopLoad: { id: string | null; status: 'idle' | 'loading' | 'ready' | 'failed'; error: ApiError | null };
  session: WorkshopSession | null;
  openWorkshop(id: string): Promise<void>;
  closeWorkshop(): void;
  /** Applies an immer recipe to the draft. Edits sharing `key` within a moment make one undo step. */
  edit(recipe: (draft: Draft<Agreement>) => void, key?: string | null): void;
  /** Sets one field; the path is typed from the model, and the value from what the model holds there. */
  setField<P extends FieldPath>(path: P, value: ValueAt<Agreement, P>): void;
  undo(): void;
  redo(): void;
  /** Saves now if anything is unsaved; resolves true when everything shown is acknowledged. */
  saveNow(): Promise<boolean>;
  /**
   * Applies the user's decision for each conflicting field (keyed by `pathKey(conflict.path)`), then saves
   * over the other window's version. False when something is undecided or the result would be invalid.
   */
  resolveConflict(decisions: ReadonlyMap<string, Decision>): Promise<boolean>;
  /** Another window or tab changed an agreement: reload it silently, or merge this window's edits into it. */
  agreementChanged(notice: AgreementChanged): Promise<void>;
  /**
   * Takes a record the host just wrote outside the autosave (a signature): it becomes what the screen shows
   * and what is acknowledged, history is dropped, and a version that is no longer a draft turns read-only.
   */
  replaceRecord(record: AgreementRecord): void;
}

/** Autosave: shortly after typing pauses, and at the latest this long after the first unsaved edit. */
export const SAVE_DEBOUNCE_MS = 400;
export const SAVE_MAX_WAIT_MS = 900;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/**
 * The failures that may pass on their own: the host could not be reached or failed unexpectedly (`internal`),
 * or its disk was full or busy (`storage`). Anything else is an answer about the content itself.
 */
const TRANSIENT_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['internal', 'storage']);
export const isTransientSaveError = (error: ApiError): boolean => TRANSIENT_KINDS.has(error.kind);

export const createWorkshopSlice: StateCreator<AppState, AppMiddlewares, [], WorkshopSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt: number | null = null;
  let inFlight: Promise<unknown> | null = null;
  let retries = 0;
  /** The session just closed with edits still to send; its last save runs after any save in flight. */
  let closing: WorkshopSession | null = null;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const patchSession = (id: string, patch: (session: WorkshopSession) => Partial<WorkshopSession>) => {
    const session = get().session;
    if (session?.id === id) set({ session: { ...session, ...patch(session) } });
  };

  /** Saves and merges run one at a time, so a merge never races the save it reacts to. */
  async function exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (inFlight) await inFlight.catch(() => undefined);
    const run = task();
    inFlight = run;
    try {
      return await run;
    } finally {
      if (inFlight === run) inFlight = null;
    }
  }

  function schedule(delay?: number): void {
    clearTimer();
    const now = Date.now();
    firstUnsavedAt ??= now;
    const wait = delay ?? Math.max(0, Math.min(SAVE_DEBOUNCE_MS, firstUnsavedAt + SAVE_MAX_WAIT_MS - now));
    timer = setTimeout(() => {
      timer = null;
      void get().saveNow();
    }, wait);
  }

  /**
   * A refused token is final (the tab cannot learn the new one). Only transient failures are retried: the same
   * content refused as invalid would be refused forever. A refused save waits for the next edit (which may fix
   * it) or "Retry now" (a trashed agreement restored); the edits stay in the draft and the local copy.
   */
  function failSave(id: string, error: ApiError): void {
    if (error.kind === 'unauthorized') return patchSession(id, (s) => ({ save: { status: 'expired', error, savedAt: s.save.savedAt } }));
    const transient = isTransientSaveError(error);
    patchSession(id, (s) => ({ save: { status: transient ? 'error' : 'refused', error, savedAt: s.save.savedAt } }));
    if (transient && get().session?.id === id) schedule(RETRY_DELAYS_MS[Math.min(retries++, RETRY_DELAYS_MS.length - 1)]);
  }

  const { reconcile } = createSessionSync({
    session: () => get().session,
    replace: (session) => set({ session }),
    schedule,
    clearTimer,
    fail: failSave,
  });

  async function runSave(session: WorkshopSession): Promise<boolean> {
    const { id, draft: sent, revision } = session;
    firstUnsavedAt = null;
    patchSession(id, (s) => ({ save: { ...s.save, status: 'saving', error: null } }));
    const result = await api().send('agreements.save', { id, revision, agreement: sent });
    const current = get().session;
    if (result.ok) {
      retries = 0;
      // The newest text of this agreement: on screen, or in the session just closed.
      const newest = current?.id === id ? current.draft : closing?.id === id ? closing.draft : sent;
      const upToDate = newest === sent;
      if (upToDate) clearShadow(id);
      if (closing?.id === id) closing = { ...closing, revision: result.value.revision, acknowledged: sent };
      patchSession(id, () => ({
        revision: result.value.revision,
        acknowledged: sent,
        save: { status: upToDate ? 'saved' : 'pending', error: null, savedAt: Date.now() },
      }));
      if (!upToDate && current?.id === id) schedule();
      return upToDate;
    }
    // Another window stored first (or signed it): merge at once instead of asking "mine or theirs".
    if (result.error.kind === 'stale_revision' || result.error.kind === 'read_only') return reconcile(id);
    failSave(id, result.error);
    return false;
  }

  /**
   * The local copy of unsaved edits is written when the browser is idle (at most 200 ms later), so the
   * serialisation never sits between a keystroke and its paint. While a conflict waits, the copy keeps the
   * edits as they were before it, so a crash meanwhile brings the same choice back.
   */
  let shadowPending = false;
  function scheduleShadow(): void {
    if (shadowPending) return;
    shadowPending = true;
    const write = () => {
      shadowPending = false;
      const session = get().session;
      if (session && !session.conflict && session.draft !== session.acknowledged)
        writeShadow(session.id, session.revision, session.draft, session.acknowledged);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 200 });
    else setTimeout(write, 0);
  }

  function applyDraft(next: Agreement, history: History): void {
    const session = get().session;
    if (!session) return;
    scheduleShadow();
    // A tab whose link expired keeps every keystroke in its local copy, and stops sending.
    const status = connection.status() === 'expired' ? 'expired' : session.save.status;
    const blocked = status === 'conflict' || status === 'readOnly' || status === 'expired';
    set({ session: { ...session, draft: next, history, save: { ...session.save, status: blocked ? status : 'pending' } } });
    if (!blocked) schedule();
  }

  async function load(id: string): Promise<void> {
    set({ workshopLoad: { id, status: 'loading', error: null } });
    const result = await api().send('agreements.get', { id });
    if (get().workshopLoad.id !== id) return;
    if (!result.ok) {
      set({ workshopLoad: { id, status: 'failed', error: result.error }, session: null });
      return;
    }
    const { session, saveAtOnce } = openSession(result.value.agreement, result.value.revision);
    set({ workshopLoad: { id, status: 'ready', error: null }, session });
    if (saveAtOnce) schedule(0);
  }

  return {
    workshopLoad: { id: null, status: 'idle', error: null },
    session: null,

    async openWorkshop(id) {
      if (get().session?.id === id && get().workshopLoad.status === 'ready') return;
      if (get().session) await get().saveNow();
      await load(id);
    },

    closeWorkshop() {
      const session = get().session;
      clearTimer();
      // Per-session bookkeeping starts afresh with the next agreement (a pending idle write checks the session anyway).
      shadowPending = false;
      firstUnsavedAt = null;
      retries = 0;
      const sendable = session && !session.readOnly && !session.conflict && session.save.status !== 'expired';
      // With a save in flight, the screen may show what was loaded and not what is being stored (undone while
      // it was sent): its text is compared once that save is acknowledged, and sent if they differ.
      if (sendable && (session.draft !== session.acknowledged || inFlight)) {
        // Queued behind a save in flight, and sent with the revision that save gets: sent at once, it would be
        // refused as stale by our own save — and the copy of the edits cleared by it.
        closing = session;
        void exclusive(async () => {
          const last = closing;
          try {
            if (last?.id === session.id && last.draft !== last.acknowledged) await runSave(last);
          } finally {
            // runSave replaces `closing` with its acknowledged copy (same draft): that one is done too. A newer
            // close (another draft) stays for its own turn.
            if (closing && last && closing.id === last.id && closing.draft === last.draft) closing = null;
          }
        });
      }
      set({ session: null, workshopLoad: { id: null, status: 'idle', error: null } });
    },

    edit(recipe, key = null) {
      const session = get().session;
      if (!session || session.readOnly || session.conflict) return;
      const next = produce(session.draft, recipe);
      if (next === session.draft) return;
      applyDraft(next, record(session.history, session.draft, key, Date.now()));
    },

    setField(path, value) {
      get().edit((draft) => {
        let node = draft as unknown as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (last !== undefined && node[last] !== value) node[last] = value;
      }, path.join('.'));
    },

    undo() {
      const session = get().session;
      if (!session || session.readOnly || session.conflict) return;
      const step = undoStep(session.history, session.draft);
      if (step) applyDraft(step.agreement, step.history);
    },

    redo() {
      const session = get().session;
      if (!session || session.readOnly || session.conflict) return;
      const step = redoStep(session.history, session.draft);
      if (step) applyDraft(step.agreement, step.history);
    },

    async saveNow() {
      clearTimer();
      return exclusive(async () => {
        const session = get().session;
        if (!session) return true;
        if (session.readOnly || session.conflict || session.save.status === 'expired') return session.draft === session.acknowledged && !session.conflict;
        if (session.draft === session.acknowledged) return true;
        return runSave(session);
      });
    },

    async resolveConflict(decisions) {
      const session = get().session;
      if (!session?.conflict) return false;
      const { mine, theirs, revision, source } = session.conflict;
      const { merged, conflicts } = mergeAgreements(session.acknowledged, mine, theirs, decisions);
      if (!allDecided(conflicts, decisions)) {
        set({ session: { ...session, conflict: { ...session.conflict, conflicts } } });
        return false;
      }
      // A combined text longer than its field allows is refused here, before it could be stored.
      if (!agreementSchema.safeParse(merged).success) return false;
      const draft = sameValue(merged, theirs) ? theirs : merged;
      const history = rebaseHistory(session.history, session.acknowledged, theirs);
      set({
        session: {
          ...session,
          draft,
          acknowledged: theirs,
          revision,
          history,
          conflict: null,
          save: { status: draft === theirs ? 'saved' : 'pending', error: null, savedAt: session.save.savedAt },
        },
      });
      if (draft === theirs) clearShadow(session.id);
      else writeShadow(session.id, revision, draft, theirs);
      if (source) removeShadowIfUnchanged(source);
      await get().saveNow();
      return true;
    },

    async agreementChanged(notice) {
      if (get().session?.id !== notice.id) return;
      await exclusive(async () => {
        const session = get().session;
        if (session?.id !== notice.id || session.save.status === 'expired') return;
        // Our own write (Electron tells every window, the writer too), or one this window already has.
        if (notice.revision !== null && notice.revision <= (session.conflict?.revision ?? session.revision)) return;
        await reconcile(session.id);
      });
    },

    replaceRecord({ agreement, revision }) {
      const session = get().session;
      if (session?.id !== agreement.meta.id) return;
      clearTimer();
      firstUnsavedAt = null;
      clearShadow(session.id);
      const readOnly = agreement.meta.status !== 'draft';
      set({
        session: {
          ...session,
          draft: agreement,
          acknowledged: agreement,
          revision,
          history: emptyHistory(),
          readOnly,
          recovered: false,
          conflict: null,
          overtaken: false,
          save: { status: readOnly ? 'readOnly' : 'saved', error: null, savedAt: Date.now() },
        },
      });
    },
  };
};
