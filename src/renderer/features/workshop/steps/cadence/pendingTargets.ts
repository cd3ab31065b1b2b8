import type { TargetChange } from '../../../../../shared/actuals/reviewPeriod';

/**
 * Targets the user confirmed for an amendment that was being opened: kept here (in memory, for this window
 * only) until the amendment's cadence step opens and writes them through the normal edit path, so they can be
 * undone there like any other edit. Nothing is written if the amendment is never opened.
 */
const pending = new Map<string, TargetChange[]>();

export function holdTargetsFor(amendmentId: string, changes: TargetChange[]): void {
  pending.set(amendmentId, changes);
}

/** The targets waiting for this agreement, removed as they are taken (each is written once). */
export function takeTargetsFor(agreementId: string): TargetChange[] | null {
  const changes = pending.get(agreementId) ?? null;
  pending.delete(agreementId);
  return changes;
}
