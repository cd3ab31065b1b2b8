import { describe, expect, it } from 'vitest';
import {
  clockOf,
  elapsedMs,
  emptyBook,
  EXTEND_MS,
  extendStep,
  followStep,
  formatClock,
  isRunning,
  isStarted,
  MAX_EXTENSION_MS,
  MINUTE_MS,
  pauseStep,
  remainingMs,
  resetStep,
  restoreBook,
  runningStep,
  splitClock,
  STALE_AFTER_MS,
  startStep,
  timerLevel,
  totalMs,
  touchBook,
} from './timer';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const sec = (n: number) => n * 1000;
const min = (n: number) => n * MINUTE_MS;

describe('remaining time', () => {
  it('counts down the time box while running and stands still while paused', () => {
    let book = startStep(emptyBook(T0), 'goals', T0);
    expect(remainingMs(clockOf(book, 'goals'), 30, T0)).toBe(min(30));
    expect(remainingMs(clockOf(book, 'goals'), 30, T0 + min(10))).toBe(min(20));
    book = pauseStep(book, 'goals', T0 + min(10));
    expect(isRunning(clockOf(book, 'goals'))).toBe(false);
    expect(remainingMs(clockOf(book, 'goals'), 30, T0 + min(50))).toBe(min(20));
  });

  it('resumes where it was paused', () => {
    let book = startStep(emptyBook(T0), 'icp', T0);
    book = pauseStep(book, 'icp', T0 + min(5));
    book = startStep(book, 'icp', T0 + min(60));
    expect(elapsedMs(clockOf(book, 'icp'), T0 + min(62))).toBe(min(7));
  });

  it('goes negative past the time box', () => {
    const book = startStep(emptyBook(T0), 'kpis', T0);
    expect(remainingMs(clockOf(book, 'kpis'), 20, T0 + min(21))).toBe(-min(1));
  });

  it('follows a change of the time box at once (the agenda is edited live)', () => {
    const clock = clockOf(startStep(emptyBook(T0), 'goals', T0), 'goals');
    expect(remainingMs(clock, 30, T0 + min(10))).toBe(min(20));
    expect(remainingMs(clock, 45, T0 + min(10))).toBe(min(35));
  });

  it('never counts backwards when the system clock is set back', () => {
    const book = startStep(emptyBook(T0), 'goals', T0);
    expect(elapsedMs(clockOf(book, 'goals'), T0 - min(5))).toBe(0);
  });

  it('starts as the full box, not started', () => {
    const clock = clockOf(emptyBook(T0), 'handoff');
    expect(isStarted(clock)).toBe(false);
    expect(remainingMs(clock, 20, T0 + min(99))).toBe(min(20));
  });
});

describe('colour thresholds', () => {
  const total = min(30);
  it('is amber from 20 % of the time left and red from 5 %', () => {
    expect(timerLevel(min(30), total)).toBe('ok');
    expect(timerLevel(min(6) + 1, total)).toBe('ok');
    expect(timerLevel(min(6), total)).toBe('warning');
    expect(timerLevel(sec(91), total)).toBe('warning');
    expect(timerLevel(sec(90), total)).toBe('critical');
    expect(timerLevel(0, total)).toBe('critical');
    expect(timerLevel(-1, total)).toBe('over');
  });

  it('measures the thresholds against the extended time', () => {
    let book = startStep(emptyBook(T0), 'goals', T0);
    book = extendStep(book, 'goals', T0 + min(29));
    const clock = clockOf(book, 'goals');
    expect(totalMs(clock, 30)).toBe(min(35));
    // 6 min left of 35: above 20 % (7 min) is amber.
    expect(timerLevel(remainingMs(clock, 30, T0 + min(29)), totalMs(clock, 30))).toBe('warning');
  });

  it('treats a zero-minute box as already critical, then over', () => {
    expect(timerLevel(0, 0)).toBe('critical');
    expect(timerLevel(-sec(1), 0)).toBe('over');
  });
});

describe('extend and reset', () => {
  it('adds five minutes per click, also after the time is up', () => {
    let book = startStep(emptyBook(T0), 'protocol', T0);
    const at = T0 + min(27);
    expect(remainingMs(clockOf(book, 'protocol'), 25, at)).toBe(-min(2));
    book = extendStep(book, 'protocol', at);
    expect(remainingMs(clockOf(book, 'protocol'), 25, at)).toBe(min(3));
    book = extendStep(book, 'protocol', at);
    expect(clockOf(book, 'protocol').extension).toBe(2 * EXTEND_MS);
  });

  it('caps the extension', () => {
    let book = emptyBook(T0);
    for (let i = 0; i < 200; i++) book = extendStep(book, 'goals', T0);
    expect(clockOf(book, 'goals').extension).toBe(MAX_EXTENSION_MS);
  });

  it('extending a step that has not started keeps it paused', () => {
    const book = extendStep(emptyBook(T0), 'goals', T0);
    expect(isRunning(clockOf(book, 'goals'))).toBe(false);
    expect(isStarted(clockOf(book, 'goals'))).toBe(true);
  });

  it('reset gives back the full box, paused, without extensions', () => {
    let book = extendStep(startStep(emptyBook(T0), 'goals', T0), 'goals', T0);
    book = resetStep(book, 'goals', T0 + min(3));
    const clock = clockOf(book, 'goals');
    expect(isStarted(clock)).toBe(false);
    expect(remainingMs(clock, 30, T0 + min(40))).toBe(min(30));
  });
});

describe('one running timer that follows the step', () => {
  it('starting a step pauses the one that was running', () => {
    let book = startStep(emptyBook(T0), 'icp', T0);
    book = startStep(book, 'goals', T0 + min(4));
    expect(runningStep(book)).toBe('goals');
    expect(clockOf(book, 'icp')).toEqual({ startedAt: null, elapsed: min(4), extension: 0 });
  });

  it('moving to another step moves the running timer; coming back resumes where it was', () => {
    let book = startStep(emptyBook(T0), 'icp', T0);
    book = followStep(book, 'lifecycle', T0 + min(10));
    expect(runningStep(book)).toBe('lifecycle');
    book = followStep(book, 'icp', T0 + min(12));
    expect(runningStep(book)).toBe('icp');
    expect(elapsedMs(clockOf(book, 'icp'), T0 + min(13))).toBe(min(11));
    expect(elapsedMs(clockOf(book, 'lifecycle'), T0 + min(13))).toBe(min(2));
  });

  it('a paused timer stays paused when the step changes', () => {
    const book = pauseStep(startStep(emptyBook(T0), 'icp', T0), 'icp', T0 + min(1));
    expect(followStep(book, 'goals', T0 + min(2))).toBe(book);
  });

  it('following the step that already runs changes nothing', () => {
    const book = startStep(emptyBook(T0), 'icp', T0);
    expect(followStep(book, 'icp', T0 + min(1))).toBe(book);
  });
});

describe('after a reload', () => {
  it('keeps counting when the app was away only a moment', () => {
    const book = touchBook(startStep(emptyBook(T0), 'goals', T0), T0 + min(10));
    const restored = restoreBook(book, T0 + min(10) + STALE_AFTER_MS);
    expect(restored).toBe(book);
    expect(runningStep(restored)).toBe('goals');
  });

  it('stops a timer left running in a closed app where it was last seen', () => {
    const book = touchBook(startStep(emptyBook(T0), 'goals', T0), T0 + min(10));
    const restored = restoreBook(book, T0 + min(600));
    expect(runningStep(restored)).toBeNull();
    expect(clockOf(restored, 'goals').elapsed).toBe(min(10));
  });

  it('leaves paused timers alone, however old', () => {
    const book = pauseStep(startStep(emptyBook(T0), 'goals', T0), 'goals', T0 + min(3));
    expect(restoreBook(book, T0 + min(6000))).toBe(book);
  });
});

describe('display', () => {
  it('rounds a countdown up and overtime down, with hours from 60 minutes on', () => {
    expect(formatClock(min(30))).toEqual({ text: '30:00', over: false });
    expect(formatClock(min(30) - 1)).toEqual({ text: '30:00', over: false });
    expect(formatClock(min(30) - sec(1))).toEqual({ text: '29:59', over: false });
    expect(formatClock(1)).toEqual({ text: '00:01', over: false });
    expect(formatClock(0)).toEqual({ text: '00:00', over: false });
    expect(formatClock(-sec(2) - 500)).toEqual({ text: '00:02', over: true });
    expect(formatClock(-min(3) - sec(7))).toEqual({ text: '03:07', over: true });
    expect(formatClock(min(90))).toEqual({ text: '1:30:00', over: false });
  });

  it('splits the shown time into minutes and seconds for screen readers', () => {
    expect(splitClock(min(12) + sec(5))).toEqual({ minutes: 12, seconds: 5 });
    expect(splitClock(-(min(1) + sec(30)))).toEqual({ minutes: 1, seconds: 30 });
  });
});
