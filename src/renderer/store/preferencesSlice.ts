import type { StateCreator } from 'zustand';
import { pickLanguage } from '../../shared/i18n';
import type { Language } from '../../shared/model/schema';
import type { AppState, AppMiddlewares } from './appState';
import { isWorkshopStep, type WorkshopStep } from './route';
import type { CommitmentMeasure } from '../../shared/actuals/compliance';

/** How many agreements' last steps are remembered; the oldest are forgotten first. */
export const REMEMBERED_STEPS = 100;

export interface PreferencesSlice {
  /** The language the user picked in the header; null means "follow the operating system / browser". */
  language: Language | null;
  setLanguage(language: Language): void;
  /** Whether each step shows its guidance panel (facilitators who know the method hide it). */
  showGuidance: boolean;
  setShowGuidance(show: boolean): void;
  /** The step each agreement was last left on, so "Open" goes back there (most recently used last). */
  lastSteps: Record<string, WorkshopStep>;
  rememberStep(agreementId: string, step: WorkshopStep): void;
  /**
   * The monthly review's measure for a commitment, chosen by the user where the automatic one was wrong,
   * per agreement then commitment id (read through `measureLinksOf`, which checks what was stored).
   */
  measureLinks: Record<string, Record<string, CommitmentMeasure>>;
  /** null: back to the automatic measure. */
  linkMeasure(agreementId: string, commitmentId: string, measure: CommitmentMeasure | null): void;
}

export const createPreferencesSlice: StateCreator<AppState, AppMiddlewares, [], PreferencesSlice> = (set) => ({
  language: null,
  setLanguage: (language) => set({ language }),
  showGuidance: true,
  setShowGuidance: (showGuidance) => set({ showGuidance }),
  lastSteps: {},
  rememberStep: (agreementId, step) =>
    set((state) => {
      const entries = Object.entries(state.lastSteps ?? {}).filter(([id]) => id !== agreementId);
      return { lastSteps: Object.fromEntries([...entries, [agreementId, step]].slice(-REMEMBERED_STEPS)) };
    }),
  measureLinks: {},
  linkMeasure: (agreementId, commitmentId, measure) =>
    set((state) => {
      const current = { ...(state.measureLinks?.[agreementId] ?? {}) };
      if (measure) current[commitmentId] = measure;
      else delete current[commitmentId];
      const others = Object.entries(state.measureLinks ?? {}).filter(([id]) => id !== agreementId);
      return { measureLinks: Object.fromEntries([...others, [agreementId, current]].slice(-REMEMBERED_STEPS)) };
    }),
});

/** Where "Open" takes an agreement: the step it was left on, or the first step. Stored data is checked, never trusted. */
export function lastStepOf(state: Pick<PreferencesSlice, 'lastSteps'>, agreementId: string): WorkshopStep {
  const steps: unknown = state.lastSteps;
  if (!steps || typeof steps !== 'object' || !Object.hasOwn(steps, agreementId)) return 'participants';
  const step: unknown = (steps as Record<string, unknown>)[agreementId];
  return typeof step === 'string' && isWorkshopStep(step) ? step : 'participants';
}

/** The OS locale in Electron (the preload reads it from the main process), the browser's otherwise. */
export function systemLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  return pickLanguage(window.api?.locale ?? window.navigator.language);
}

export const selectUiLanguage = (state: Pick<PreferencesSlice, 'language'>): Language => state.language ?? systemLanguage();
