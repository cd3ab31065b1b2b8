import type { StateCreator } from 'zustand';
import type { PrefillField } from '../../shared/actuals/history';
import { pickLanguage } from '../../shared/i18n';
import { RATE_KEYS } from '../../shared/model/funnel';
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
  /** Calculator numbers the goals step prefilled from actuals, per agreement, so they stay marked until changed. */
  historyMarks: Record<string, HistoryMarks>;
  rememberHistoryMarks(agreementId: string, marks: HistoryMarks): void;
  /**
   * The monthly review's measure for a commitment, chosen by the user where the automatic one was wrong,
   * per agreement then commitment id (read through `measureLinksOf`, which checks what was stored).
   */
  measureLinks: Record<string, Record<string, CommitmentMeasure>>;
  /** null: back to the automatic measure. */
  linkMeasure(agreementId: string, commitmentId: string, measure: CommitmentMeasure | null): void;
}

/** Which months a prefill read (first and last, 'YYYY-MM') and the value it put in each calculator box. */
export interface HistoryMarks {
  from: string;
  to: string;
  values: Partial<Record<PrefillField, number>>;
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
  historyMarks: {},
  rememberHistoryMarks: (agreementId, marks) =>
    set((state) => {
      const entries = Object.entries(state.historyMarks ?? {}).filter(([id]) => id !== agreementId);
      return { historyMarks: Object.fromEntries([...entries, [agreementId, marks]].slice(-REMEMBERED_STEPS)) };
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

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PREFILL_FIELDS: readonly PrefillField[] = ['averageDealSize', ...RATE_KEYS];

/** The prefill marks of one agreement, or null. Stored data is checked, never trusted: anything odd is ignored. */
export function historyMarksOf(state: Pick<PreferencesSlice, 'historyMarks'>, agreementId: string): HistoryMarks | null {
  const all: unknown = state.historyMarks;
  if (!all || typeof all !== 'object' || !Object.hasOwn(all, agreementId)) return null;
  const marks: unknown = (all as Record<string, unknown>)[agreementId];
  if (!marks || typeof marks !== 'object') return null;
  const { from, to, values } = marks as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string' || !MONTH.test(from) || !MONTH.test(to) || !values || typeof values !== 'object') return null;
  const checked: Partial<Record<PrefillField, number>> = {};
  for (const field of PREFILL_FIELDS) {
    const value: unknown = (values as Record<string, unknown>)[field];
    if (typeof value === 'number' && Number.isFinite(value)) checked[field] = value;
  }
  return { from, to, values: checked };
}

/** Where "Open" takes an agreement: the step it was left on, or the first step. Stored data is checked, never trusted. */
export function lastStepOf(state: Pick<PreferencesSlice, 'lastSteps'>, agreementId: string): WorkshopStep {
  const steps: unknown = state.lastSteps;
  if (!steps || typeof steps !== 'object' || !Object.hasOwn(steps, agreementId)) return 'participants';
  const step: unknown = (steps as Record<string, unknown>)[agreementId];
  return typeof step === 'string' && isWorkshopStep(step) ? step : 'participants';
}

let lastLocale: string | null = null;
let lastPicked: Language = 'en';

/**
 * The OS locale in Electron (the preload reads it from the main process), the browser's otherwise. Every
 * store change asks (the UI-language selector), so the pick is kept while the locale string is the same.
 */
export function systemLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const locale = window.api?.locale ?? window.navigator.language;
  if (locale !== lastLocale) {
    lastLocale = locale;
    lastPicked = pickLanguage(locale);
  }
  return lastPicked;
}

export const selectUiLanguage = (state: Pick<PreferencesSlice, 'language'>): Language => state.language ?? systemLanguage();
