import type { StateCreator } from 'zustand';
import type { AgreementSummary } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { api } from '../api/apiClient';
import type { AppState, AppMiddlewares } from './appState';

export type ListScope = 'active' | 'trash';

export interface AgreementsSlice {
  agreements: AgreementSummary[];
  /** The search text actually sent to the server (already debounced by the screen). */
  listQuery: string;
  listScope: ListScope;
  listLoading: boolean;
  listError: ApiError | null;
  setListQuery(query: string): void;
  /** Shows the live list or the trash and (re)loads it, e.g. when coming back from the workshop. */
  openList(scope: ListScope): void;
  /** Reloads the list for the current query and scope; the server sorts by last edit. */
  loadAgreements(): Promise<void>;
}

export const createAgreementsSlice: StateCreator<AppState, AppMiddlewares, [], AgreementsSlice> = (set, get) => {
  // Typing fast fires several searches; only the latest request may write its answer.
  let latestRequest = 0;
  return {
    agreements: [],
    listQuery: '',
    listScope: 'active',
    listLoading: false,
    listError: null,
    setListQuery(query) {
      if (query === get().listQuery) return;
      set({ listQuery: query });
      void get().loadAgreements();
    },
    openList(scope) {
      // Clearing at once avoids showing live agreements under the "Trash" heading (and the reverse).
      if (scope !== get().listScope) set({ listScope: scope, agreements: [], listError: null });
      void get().loadAgreements();
    },
    async loadAgreements() {
      const request = ++latestRequest;
      const { listQuery, listScope } = get();
      set({ listLoading: true });
      const query = listQuery.trim();
      const result = await api().send('agreements.list', {
        ...(query ? { query } : {}),
        ...(listScope === 'trash' ? { trash: true } : {}),
      });
      if (request !== latestRequest) return;
      if (result.ok) set({ agreements: result.value, listLoading: false, listError: null });
      else set({ listLoading: false, listError: result.error });
    },
  };
};
