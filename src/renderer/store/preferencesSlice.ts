import type { StateCreator } from 'zustand';
import { pickLanguage } from '../../shared/i18n';
import type { Language } from '../../shared/model/schema';
import type { AppState, AppMiddlewares } from './appState';

export interface PreferencesSlice {
  /** The language the user picked in the header; null means "follow the operating system / browser". */
  language: Language | null;
  setLanguage(language: Language): void;
  /** Whether each step shows its guidance panel (facilitators who know the method hide it). */
  showGuidance: boolean;
  setShowGuidance(show: boolean): void;
}

export const createPreferencesSlice: StateCreator<AppState, AppMiddlewares, [], PreferencesSlice> = (set) => ({
  language: null,
  setLanguage: (language) => set({ language }),
  showGuidance: true,
  setShowGuidance: (showGuidance) => set({ showGuidance }),
});

/** The OS locale in Electron (the preload reads it from the main process), the browser's otherwise. */
export function systemLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  return pickLanguage(window.api?.locale ?? window.navigator.language);
}

export const selectUiLanguage = (state: Pick<PreferencesSlice, 'language'>): Language => state.language ?? systemLanguage();
