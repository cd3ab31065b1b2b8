import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';

/** How many decisions are logged and how many parked topics are still open (shown on the bar's button). */
export function useLogCounts(): { decisions: number; openParked: number } {
  return useAppStore(
    useShallow((s) => ({
      decisions: s.session?.draft.decisions.length ?? 0,
      openParked: s.session?.draft.parkingLot.filter((item) => !item.resolved).length ?? 0,
    })),
  );
}
