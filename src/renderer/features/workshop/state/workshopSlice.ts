import { produce, type Draft } from 'immer';
import type { StateCreator } from 'zustand';
import type { AgreementRecord } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/errors';
import type { FieldPath } from '../../../../shared/model/completeness';
import type { Agreement } from '../../../../shared/model/schema';
import { api } from '../../../api/apiClient';
import type { AppMiddlewares, AppState } from '../../../store/appState';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from './history';
import { clearShadow, readShadow, writeShadow } from './shadowCopy';

/** saved: the host has everything · pending: an edit waits for its autosave · saving: in flight · error: will retry. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict' | 'readOnly';

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
}

export interface WorkshopSlice {
  workshopLoad: { id: string | null; status: 'idle' | 'loading' | 'ready' | 'failed'; error: ApiError | null };
  session: WorkshopSession | null;
  openWorkshop(id: string): Promise<void>;
  closeWorkshop(): void;
  /** Applies an immer recipe to the draft. Edits sharing `key` within a moment make one undo step. */
  edit(recipe: (draft: Draft<Agreement>) => void, key?: string | null): void;
  setField(path: FieldPath, value: unknown): void;
  undo(): void;
  redo(): void;
  /** Saves now if anything is unsaved; resolves true when everything shown is acknowledged. */
  saveNow(): Promise<boolean>;
  resolveConflict(choice: 'reload' | 'keepMine'): Promise<void>;
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

export const createWorkshopSlice: StateCreator<AppState, AppMiddlewares, [], WorkshopSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt: number | null = null;
  let inFlight: Promise<boolean> | null = null;
  let retries = 0;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const patchSession = (id: string, patch: (session: WorkshopSession) => Partial<WorkshopSession>) => {
    const session = get().session;
    if (session?.id === id) set({ session: { ...session, ...patch(session) } });
  };

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

  async function runSave(session: WorkshopSession): Promise<boolean> {
    const { id, draft: sent, revision } = session;
    firstUnsavedAt = null;
    patchSession(id, (s) => ({ save: { ...s.save, status: 'saving', error: null } }));
    const result = await api().send('agreements.save', { id, revision, agreement: sent });
    const current = get().session;
    if (result.ok) {
      retries = 0;
      const upToDate = current?.id !== id || current.draft === sent;
      if (upToDate) clearShadow(id);
      patchSession(id, () => ({ revision: result.value.revision, acknowledged: sent, save: { status: upToDate ? 'saved' : 'pending', error: null, savedAt: Date.now() } }));
      if (!upToDate) schedule();
      return upToDate;
    }
    const kind = result.error.kind;
    if (kind === 'stale_revision') patchSession(id, () => ({ save: { status: 'conflict', error: result.error, savedAt: null } }));
    else if (kind === 'read_only') patchSession(id, () => ({ readOnly: true, save: { status: 'readOnly', error: result.error, savedAt: null } }));
    else {
      patchSession(id, (s) => ({ save: { status: 'error', error: result.error, savedAt: s.save.savedAt } }));
      if (current?.id === id) schedule(RETRY_DELAYS_MS[Math.min(retries++, RETRY_DELAYS_MS.length - 1)]);
    }
    return false;
  }

  /**
   * The local copy of unsaved edits is written when the browser is idle (at most 200 ms later), so the
   * serialisation never sits between a keystroke and its paint.
   */
  let shadowPending = false;
  function scheduleShadow(): void {
    if (shadowPending) return;
    shadowPending = true;
    const write = () => {
      shadowPending = false;
      const session = get().session;
      if (session && session.draft !== session.acknowledged) writeShadow(session.id, session.revision, session.draft);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 200 });
    else setTimeout(write, 0);
  }

  function applyDraft(next: Agreement, history: History): void {
    const session = get().session;
    if (!session) return;
    scheduleShadow();
    const blocked = session.save.status === 'conflict' || session.save.status === 'readOnly';
    set({ session: { ...session, draft: next, history, save: { ...session.save, status: blocked ? session.save.status : 'pending' } } });
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
    const { agreement, revision } = result.value;
    const readOnly = agreement.meta.status !== 'draft';
    const shadow = readOnly ? null : readShadow(id);
    const recovered = shadow !== null && shadow.baseRevision === revision && JSON.stringify(shadow.agreement) !== JSON.stringify(agreement);
    if (shadow && !recovered) clearShadow(id);
    const draft = recovered && shadow ? shadow.agreement : agreement;
    set({
      workshopLoad: { id, status: 'ready', error: null },
      session: {
        id,
        draft,
        revision,
        acknowledged: agreement,
        history: emptyHistory(),
        save: { status: readOnly ? 'readOnly' : recovered ? 'pending' : 'saved', error: null, savedAt: null },
        readOnly,
        recovered,
      },
    });
    if (recovered) schedule(0);
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
      if (session && session.draft !== session.acknowledged && !session.readOnly) void runSave(session);
      set({ session: null, workshopLoad: { id: null, status: 'idle', error: null } });
    },

    edit(recipe, key = null) {
      const session = get().session;
      if (!session || session.readOnly) return;
      const next = produce(session.draft, recipe);
      if (next === session.draft) return;
      applyDraft(next, record(session.history, session.draft, key, Date.now()));
    },

    setField(path, value) {
      if (path.length === 0) return;
      get().edit((draft) => {
        let node = draft as unknown as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (last !== undefined && node[last] !== value) node[last] = value;
      }, path.join('.'));
    },

    undo() {
      const session = get().session;
      if (!session || session.readOnly) return;
      const step = undoStep(session.history, session.draft);
      if (step) applyDraft(step.agreement, step.history);
    },

    redo() {
      const session = get().session;
      if (!session || session.readOnly) return;
      const step = redoStep(session.history, session.draft);
      if (step) applyDraft(step.agreement, step.history);
    },

    async saveNow() {
      clearTimer();
      if (inFlight) {
        await inFlight;
        return get().saveNow();
      }
      const session = get().session;
      if (!session || session.readOnly || session.save.status === 'conflict') return session?.draft === session?.acknowledged;
      if (session.draft === session.acknowledged) return true;
      inFlight = runSave(session).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },

    async resolveConflict(choice) {
      const session = get().session;
      if (!session) return;
      clearTimer();
      if (choice === 'reload') {
        clearShadow(session.id);
        set({ session: null });
        await load(session.id);
        return;
      }
      // Keep mine: take the latest revision number, then save this draft over it (the user chose to).
      const latest = await api().send('agreements.get', { id: session.id });
      if (!latest.ok) {
        patchSession(session.id, () => ({ save: { status: 'error', error: latest.error, savedAt: null } }));
        return;
      }
      patchSession(session.id, () => ({ revision: latest.value.revision, acknowledged: latest.value.agreement, save: { status: 'pending', error: null, savedAt: null } }));
      await get().saveNow();
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
          save: { status: readOnly ? 'readOnly' : 'saved', error: null, savedAt: Date.now() },
        },
      });
    },
  };
};
