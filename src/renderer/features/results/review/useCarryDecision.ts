import { useState } from 'react';
import type { Agreement } from '../../../../shared/model/schema';
import { localIsoDate } from '../../facilitation/logItems';
import { carryDecision, type CarryOutcome, type MonthDecision } from './carryDecision';

export type { CarryOutcome } from './carryDecision';
export type DecisionCarrier = ReturnType<typeof useCarryDecision>;

/**
 * The review's "carry into the decision log" (see carryDecision). `log` is the decision log the month's
 * decisions are compared with: the agreement's, then the log the last decision was carried into.
 */
export function useCarryDecision(agreement: Agreement) {
  const [log, setLog] = useState<Agreement['decisions']>(agreement.decisions);
  const [busy, setBusy] = useState(false);

  async function carry(decision: MonthDecision): Promise<CarryOutcome> {
    setBusy(true);
    try {
      const outcome = await carryDecision(agreement, decision, localIsoDate(new Date()));
      if (outcome.ok) setLog(outcome.log);
      return outcome;
    } finally {
      setBusy(false);
    }
  }

  return { log, carry, busy };
}
