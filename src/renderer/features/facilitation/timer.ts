import type { WorkshopStep } from '../../store/route';

/**
 * The step timer's maths, kept free of React, the DOM and the clock (every function takes `now`), so it
 * is tested with a fake clock and survives a reload unchanged.
 *
 * One running timer per agreement: each step keeps its own clock (how long the group has spent on it
 * and how much time was added), and at most one clock runs. The running timer follows the current
 * step: moving on pauses the old step's clock and resumes the new one's where it was.
 */

/** A step's clock. Paused when `startedAt` is null; never started when also `elapsed` is 0. */
export interface StepClock {
  /** Epoch ms when the current run began, or null while paused. */
  startedAt: number | null;
  /** Ms counted before the current run. */
  elapsed: number;
  /** Ms added with "+5 min". */
  extension: number;
}

export interface TimerBook {
  steps: Partial<Record<WorkshopStep, StepClock>>;
  /** Last time the app showed this timer running; tells a reload from a closed app (see restoreBook). */
  seenAt: number;
}

export type TimerLevel = 'ok' | 'warning' | 'critical' | 'over';

export const MINUTE_MS = 60_000;
export const EXTEND_MS = 5 * MINUTE_MS;
/** Amber at 20 % of the time left, red at 5 %. */
export const WARNING_SHARE = 0.2;
export const CRITICAL_SHARE = 0.05;
/** No step needs more than ten hours of extra time; the cap keeps a stuck key from overflowing the display. */
export const MAX_EXTENSION_MS = 600 * MINUTE_MS;
/**
 * A gap longer than this between "last seen running" and the next load means the app was closed (or the
 * workshop left), not reloaded. Generous, because browsers tick hidden tabs only once a minute.
 */
export const STALE_AFTER_MS = 5 * MINUTE_MS;

const IDLE: StepClock = { startedAt: null, elapsed: 0, extension: 0 };

export const emptyBook = (now: number): TimerBook => ({ steps: {}, seenAt: now });

export function clockOf(book: TimerBook | null | undefined, step: WorkshopStep): StepClock {
  return book?.steps[step] ?? IDLE;
}

export function isRunning(clock: StepClock): boolean {
  return clock.startedAt !== null;
}

export function isStarted(clock: StepClock): boolean {
  return clock.startedAt !== null || clock.elapsed > 0 || clock.extension > 0;
}

/** Time spent on the step; a clock set back (startedAt in the future) counts nothing rather than going negative. */
export function elapsedMs(clock: StepClock, now: number): number {
  return clock.elapsed + (clock.startedAt === null ? 0 : Math.max(0, now - clock.startedAt));
}

/** The time box plus what was added. */
export function totalMs(clock: StepClock, boxMinutes: number): number {
  return Math.max(0, boxMinutes) * MINUTE_MS + clock.extension;
}

/** Negative once the time is up. */
export function remainingMs(clock: StepClock, boxMinutes: number, now: number): number {
  return totalMs(clock, boxMinutes) - elapsedMs(clock, now);
}

/** How urgent the countdown looks: thresholds are shares of the whole time (box + extensions). */
export function timerLevel(remaining: number, total: number): TimerLevel {
  if (remaining < 0) return 'over';
  if (remaining <= total * CRITICAL_SHARE) return 'critical';
  if (remaining <= total * WARNING_SHARE) return 'warning';
  return 'ok';
}

/** The whole seconds a countdown shows: rounded up before the end (30:00 for the whole first second, 00:00 only when the time is up), counted up after it. */
export function shownSeconds(remaining: number): number {
  return remaining < 0 ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
}

/** "mm:ss", or "h:mm:ss" from an hour on; `over` once the time is up (the caller words it "+mm:ss over"). */
export function formatClock(remaining: number): { text: string; over: boolean } {
  const seconds = shownSeconds(remaining);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { text: h > 0 ? `${h}:${pad(m)}:${pad(seconds % 60)}` : `${pad(m)}:${pad(seconds % 60)}`, over: remaining < 0 };
}

/** Whole minutes and seconds, for screen-reader labels ("12 min 5 s" reads better than "12:05"). */
export function splitClock(remaining: number): { minutes: number; seconds: number } {
  const seconds = shownSeconds(remaining);
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

function withClock(book: TimerBook, step: WorkshopStep, clock: StepClock | null, now: number): TimerBook {
  const steps = { ...book.steps };
  if (clock) steps[step] = clock;
  else delete steps[step];
  return { steps, seenAt: now };
}

function paused(clock: StepClock, now: number): StepClock {
  return clock.startedAt === null ? clock : { ...clock, startedAt: null, elapsed: elapsedMs(clock, now) };
}

export function runningStep(book: TimerBook): WorkshopStep | null {
  const entry = Object.entries(book.steps).find(([, clock]) => clock && isRunning(clock));
  return entry ? (entry[0] as WorkshopStep) : null;
}

/** Starts or resumes a step's clock; any other running clock pauses, so only one ever counts. */
export function startStep(book: TimerBook, step: WorkshopStep, now: number): TimerBook {
  const other = runningStep(book);
  const base = other && other !== step ? withClock(book, other, paused(clockOf(book, other), now), now) : book;
  const clock = clockOf(base, step);
  return isRunning(clock) ? { ...base, seenAt: now } : withClock(base, step, { ...clock, startedAt: now }, now);
}

export function pauseStep(book: TimerBook, step: WorkshopStep, now: number): TimerBook {
  return withClock(book, step, paused(clockOf(book, step), now), now);
}

export function extendStep(book: TimerBook, step: WorkshopStep, now: number, ms = EXTEND_MS): TimerBook {
  const clock = clockOf(book, step);
  return withClock(book, step, { ...clock, extension: Math.min(MAX_EXTENSION_MS, clock.extension + ms) }, now);
}

/** Back to the full time box, paused, without the extensions. */
export function resetStep(book: TimerBook, step: WorkshopStep, now: number): TimerBook {
  return withClock(book, step, null, now);
}

/** The running timer moves with the facilitator: the old step pauses, the new one resumes; a paused timer stays paused. */
export function followStep(book: TimerBook, step: WorkshopStep, now: number): TimerBook {
  const running = runningStep(book);
  return running && running !== step ? startStep(book, step, now) : book;
}

/** Records that the running timer is still on screen (called every few seconds while it runs). */
export function touchBook(book: TimerBook, now: number): TimerBook {
  return { ...book, seenAt: now };
}

/**
 * After a load. A reload within a moment keeps counting (the group kept talking); a timer left running
 * when the app was closed stops where it was last seen, so reopening tomorrow does not show 14 hours over.
 */
export function restoreBook(book: TimerBook, now: number): TimerBook {
  const running = runningStep(book);
  if (!running || now - book.seenAt <= STALE_AFTER_MS) return book;
  const clock = clockOf(book, running);
  const stoppedAt = Math.max(book.seenAt, clock.startedAt ?? book.seenAt);
  return withClock(book, running, paused(clock, stoppedAt), now);
}
