import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createAgreementsSlice } from './agreementsSlice';
import { changedOnlyStorage } from './changedOnlyStorage';
import type { AppState } from './appState';
import { createNavigationSlice } from './navigationSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createWorkshopSlice } from '../features/workshop/state/workshopSlice';
import { createFacilitationSlice } from '../features/facilitation/state/facilitationSlice';
import { createFieldDraftsSlice } from '../features/workshop/state/fieldDrafts';

export const PREFERENCES_STORAGE_KEY = 'sla-workshop.preferences';

/** In-memory fallback where localStorage is missing or blocked (tests in Node, locked-down browsers). */
function preferenceStorage(): Storage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Accessing localStorage can throw when storage is disabled.
  }
  const memory = new Map<string, string>();
  return {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (key) => memory.get(key) ?? null,
    key: (index) => [...memory.keys()][index] ?? null,
    removeItem: (key) => void memory.delete(key),
    setItem: (key, value) => void memory.set(key, value),
  };
}

export const useAppStore = create<AppState>()(
  persist(
    (...args) => ({
      ...createPreferencesSlice(...args),
      ...createAgreementsSlice(...args),
      ...createNavigationSlice(...args),
      ...createWorkshopSlice(...args),
      ...createFacilitationSlice(...args),
      ...createFieldDraftsSlice(...args),
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      version: 1,
      // Written when a preference changes, not on every keystroke's new draft.
      storage: changedOnlyStorage(createJSONStorage(preferenceStorage)),
      // Only preferences outlive the session; agreements come from the database, the route from the URL.
      partialize: (state) => ({ language: state.language, showGuidance: state.showGuidance, lastSteps: state.lastSteps, historyMarks: state.historyMarks }),
    },
  ),
);

/** Puts the store back to its first state and forgets saved preferences (tests call this between cases). */
export function resetAppStore(): void {
  useAppStore.persist.clearStorage();
  useAppStore.setState(useAppStore.getInitialState(), true);
}
