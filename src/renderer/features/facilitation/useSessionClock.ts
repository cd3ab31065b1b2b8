import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { runningStep } from './timer';
import { sessionTotals, stepTimes, type SessionTotals, type StepTime } from './sessionClock';

/** Once a second is enough for minutes and a stopwatch's seconds. */
const TICK_MS = 1_000;

/** Planned against actual time per step and for the session, refreshed while a timer runs. */
export function useSessionClock(): { times: StepTime[]; totals: SessionTotals } {
  const book = useAppStore((s) => s.timer?.book ?? null);
  const minutes = useAppStore((s) => s.session?.draft.agenda.minutes);
  const running = book ? runningStep(book) !== null : false;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(id);
  }, [running, book]);
  return useMemo(() => {
    const times = stepTimes(book, minutes, now);
    return { times, totals: sessionTotals(times) };
  }, [book, minutes, now]);
}
