import type { WorkshopStep } from '../../store/route';

/** Timer, presentation mode, notes, decision log and parking lot (built in features/facilitation). */
export function FacilitationBar(_props: { step: WorkshopStep }) {
  return null;
}
