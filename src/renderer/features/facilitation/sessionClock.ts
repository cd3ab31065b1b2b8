import type { StepId } from '../../../shared/model/schema';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../store/route';
import { boxMinutes } from './timeBox';
import { clockOf, elapsedMs, isRunning, isStarted, MINUTE_MS, type TimerBook } from './timer';

/**
 * The session as a whole, from the step timers: what the agenda planned for each step against the time the
 * group actually spent on it. Overtime does not vanish when the facilitator moves on: it stays in the step's
 * clock and in the session's balance, which says how far behind (or ahead of) the agenda the room is.
 */
export interface StepTime {
  step: WorkshopStep;
  plannedMs: number;
  actualMs: number;
  started: boolean;
  running: boolean;
}

export function stepTimes(book: TimerBook | null | undefined, minutes: Record<StepId, number> | undefined, now: number): StepTime[] {
  return WORKSHOP_STEPS.map((step) => {
    const clock = clockOf(book, step);
    return { step, plannedMs: boxMinutes(minutes, step) * MINUTE_MS, actualMs: elapsedMs(clock, now), started: isStarted(clock), running: isRunning(clock) };
  });
}

export interface SessionTotals {
  plannedMs: number;
  actualMs: number;
  /**
   * Positive: behind the agenda by that much; negative: ahead. Steps the group has worked on count in full;
   * the step still running counts only once it runs over (finishing early is not known until it is left).
   */
  balanceMs: number;
}

export function sessionTotals(times: StepTime[]): SessionTotals {
  let plannedMs = 0;
  let actualMs = 0;
  let balanceMs = 0;
  for (const time of times) {
    plannedMs += time.plannedMs;
    actualMs += time.actualMs;
    if (!time.started) continue;
    const difference = time.actualMs - time.plannedMs;
    balanceMs += time.running ? Math.max(0, difference) : difference;
  }
  return { plannedMs, actualMs, balanceMs };
}

/** Whole minutes for display, rounded towards zero so "1 min behind" means at least a full minute. */
export function wholeMinutes(ms: number): number {
  return Math.trunc(ms / MINUTE_MS);
}

/** "1:05:09" or "5:09": a duration the way a stopwatch shows it. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
