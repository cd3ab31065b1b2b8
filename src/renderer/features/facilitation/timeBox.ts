import { DEFAULT_AGENDA_MINUTES, SIGN_OFF_MINUTES, totalAgendaMinutes } from '../../../shared/model/agenda';
import type { Agreement, StepId } from '../../../shared/model/schema';
import type { WorkshopStep } from '../../store/route';

/** The workshop the agenda is planned against: three hours. */
export const WORKSHOP_MINUTES = 180;
/** The schema's bounds for one time box. */
export const MAX_BOX_MINUTES = 600;

/** A step's time box: the agenda's minutes, or the fixed sign-off slot for the review screen. */
export function boxMinutes(minutes: Record<StepId, number> | undefined, step: WorkshopStep): number {
  if (step === 'review') return SIGN_OFF_MINUTES;
  return minutes?.[step] ?? DEFAULT_AGENDA_MINUTES[step];
}

export type AgendaFit = 'fits' | 'under' | 'over';

/** The agenda's total (sign-off included) against the three hours, for the live line under the fields. */
export function agendaBalance(minutes: Agreement['agenda']['minutes']): { total: number; fit: AgendaFit; difference: number } {
  const total = totalAgendaMinutes(minutes);
  const difference = Math.abs(total - WORKSHOP_MINUTES);
  return { total, difference, fit: total === WORKSHOP_MINUTES ? 'fits' : total < WORKSHOP_MINUTES ? 'under' : 'over' };
}

/** "2 h 50 min" style parts; the caller words them in the interface language. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
