import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError } from '../../../../shared/api/errors';
import { emptyMonth } from '../../../../shared/actuals/store';
import { sortMonths, type MonthlyActuals } from '../../../../shared/model/actuals';
import { api } from '../../../api/apiClient';

/** How long after the last edit the months are saved: typing a row of figures is one save, not one per key. */
export const SAVE_DELAY_MS = 600;

export type SaveState = { kind: 'saved'; at: number | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError };

export interface ActualsState {
  status: 'loading' | 'ready' | 'failed';
  loadError: ApiError | null;
  /** The lineage's revision the next save must name. */
  revision: number;
  /** The months as shown: stored ones plus edits not saved yet. */
  months: MonthlyActuals[];
  save: SaveState;
  load(): Promise<void>;
  /** Changes one month (created empty when new) and schedules a save. */
  editMonth(month: string, change: (current: MonthlyActuals) => MonthlyActuals): void;
  /** Replaces every month at once (an import) and saves now; resolves to the outcome. */
  replaceMonths(months: MonthlyActuals[]): Promise<{ ok: true } | { ok: false; error: ApiError }>;
  /** Saves what is pending now (leaving the screen, before an export). */
  flush(): Promise<void>;
  dispose(): void;
}

export type ActualsStore = StoreApi<ActualsState>;

/**
 * The monthly actuals of one agreement's lineage, as the results screens edit them: one store per open
 * agreement, shared by the figures grid, the review and the import, so their saves never race each other.
 * A save names the revision it read; when another window saved first (`stale_revision`), the stored months are
 * read again and the months edited here are laid over them, then saved: nothing typed here or there is lost.
 */
export function createActualsStore(agreementId: string): ActualsStore {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Months edited here since the last successful save. */
  const edited = new Set<string>();
  let inFlight: Promise<void> | null = null;

  const store = createStore<ActualsState>()((set, get) => {
    async function send(): Promise<{ ok: true } | { ok: false; error: ApiError }> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const sent = new Set(edited);
        set({ save: { kind: 'saving' } });
        const result = await api().send('actuals.save', { id: agreementId, revision: get().revision, months: get().months });
        if (result.ok) {
          for (const month of sent) edited.delete(month);
          set({ revision: result.value.revision, save: edited.size ? { kind: 'pending' } : { kind: 'saved', at: Date.now() } });
          return { ok: true };
        }
        if (result.error.kind !== 'stale_revision') {
          set({ save: { kind: 'failed', error: result.error } });
          return result;
        }
        // Another window saved first: take its months, keep ours for the months edited here, and try again.
        const fresh = await api().send('actuals.get', { id: agreementId });
        if (!fresh.ok) {
          set({ save: { kind: 'failed', error: fresh.error } });
          return fresh;
        }
        const mine = new Map(
          get()
            .months.filter((m) => edited.has(m.month))
            .map((m) => [m.month, m]),
        );
        const merged = new Map(fresh.value.months.map((m) => [m.month, m]));
        for (const [month, value] of mine) merged.set(month, value);
        set({ revision: fresh.value.revision, months: sortMonths([...merged.values()]) });
      }
      const error: ApiError = { kind: 'stale_revision', message: 'The actuals keep changing in another window' };
      set({ save: { kind: 'failed', error } });
      return { ok: false, error };
    }

    async function saveNow(): Promise<{ ok: true } | { ok: false; error: ApiError }> {
      if (timer) clearTimeout(timer);
      timer = null;
      while (inFlight) await inFlight;
      let outcome: { ok: true } | { ok: false; error: ApiError } = { ok: true };
      inFlight = (async () => {
        outcome = await send();
      })();
      await inFlight;
      inFlight = null;
      return outcome;
    }

    return {
      status: 'loading',
      loadError: null,
      revision: 0,
      months: [],
      save: { kind: 'saved', at: null },
      async load() {
        const result = await api().send('actuals.get', { id: agreementId });
        if (!result.ok) {
          set({ status: 'failed', loadError: result.error });
          return;
        }
        set({ status: 'ready', loadError: null, revision: result.value.revision, months: sortMonths(result.value.months) });
      },
      editMonth(month, change) {
        const months = get().months;
        const current = months.find((m) => m.month === month) ?? emptyMonth(month);
        const next = change(current);
        edited.add(month);
        set({ months: sortMonths([...months.filter((m) => m.month !== month), next]), save: { kind: 'pending' } });
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
      },
      async replaceMonths(months) {
        for (const m of months) edited.add(m.month);
        set({ months: sortMonths(months), save: { kind: 'pending' } });
        return saveNow();
      },
      async flush() {
        if (timer || get().save.kind === 'failed') await saveNow();
        else while (inFlight) await inFlight;
      },
      dispose() {
        if (timer) clearTimeout(timer);
        timer = null;
      },
    };
  });
  return store;
}
