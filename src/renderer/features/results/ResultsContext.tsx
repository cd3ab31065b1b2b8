import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Agreement } from '../../../shared/model/schema';
import type { ActualsState, ActualsStore } from './state/actualsStore';

/** What every part of the results screen works on: the agreement (read-only here) and its lineage's actuals. */
export interface ResultsContextValue {
  agreement: Agreement;
  actuals: ActualsStore;
}

export const ResultsContext = createContext<ResultsContextValue | null>(null);

function useResultsContext(): ResultsContextValue {
  const value = useContext(ResultsContext);
  if (!value) throw new Error('useResults* hooks need a ResultsContext (ResultsPage provides it)');
  return value;
}

/** The agreement whose results are shown: its stages, targets, KPIs and commitments. */
export function useResultsAgreement(): Agreement {
  return useResultsContext().agreement;
}

/** A slice of the lineage's actuals state (months, save state, editMonth, replaceMonths…). */
export function useActuals<T>(select: (state: ActualsState) => T): T {
  return useStore(useResultsContext().actuals, select);
}

/** The store itself, for handlers that read the latest state without re-rendering on it. */
export function useActualsStore(): ActualsStore {
  return useResultsContext().actuals;
}
