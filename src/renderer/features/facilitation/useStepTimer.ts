import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import type { TimerCommand } from './state/facilitationSlice';
import { boxMinutes } from './timeBox';
import { clockOf, isRunning, isStarted, remainingMs, timerLevel, totalMs, type TimerLevel } from './timer';

/** Four ticks a second keep the seconds display from skipping a digit when a tick runs late. */
const TICK_MS = 250;

/** The current time, refreshed while `active`; a paused timer does not depend on it, so it does not tick. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  const heartbeat = useAppStore((s) => s.timerHeartbeat);
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      setNow(Date.now());
      heartbeat();
    };
    tick();
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [active, heartbeat]);
  return now;
}

export interface StepTimerView {
  running: boolean;
  started: boolean;
  remaining: number;
  total: number;
  level: TimerLevel;
  boxMinutes: number;
  command(command: TimerCommand): void;
}

/** The countdown of `step` in the open agreement, ticking while it runs. */
export function useStepTimer(step: WorkshopStep): StepTimerView {
  const clock = useAppStore((s) => clockOf(s.timer?.book, step));
  const minutes = useAppStore((s) => boxMinutes(s.session?.draft.agenda.minutes, step));
  const timerCommand = useAppStore((s) => s.timerCommand);
  const running = isRunning(clock);
  const now = useNow(running);
  const remaining = remainingMs(clock, minutes, running ? Math.max(now, clock.startedAt ?? now) : now);
  const total = totalMs(clock, minutes);
  return {
    running,
    started: isStarted(clock),
    remaining,
    total,
    level: timerLevel(remaining, total),
    boxMinutes: minutes,
    command: (command) => timerCommand(step, command),
  };
}
