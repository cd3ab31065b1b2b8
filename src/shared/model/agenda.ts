import { STEP_IDS, type StepId } from './schema';

/** Default time boxes (minutes) per step; together with sign-off they fill a three-hour workshop. */
export const DEFAULT_AGENDA_MINUTES: Record<StepId, number> = {
  participants: 10,
  icp: 30,
  lifecycle: 25,
  goals: 30,
  handoff: 20,
  protocol: 25,
  kpis: 20,
  cadence: 10,
};
/** Minutes kept for the final review and signatures. */
export const SIGN_OFF_MINUTES = 10;

export function totalAgendaMinutes(minutes: Record<StepId, number>): number {
  return STEP_IDS.reduce((sum, step) => sum + minutes[step], 0) + SIGN_OFF_MINUTES;
}
