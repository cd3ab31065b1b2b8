import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_MINUTES } from '../../../shared/model/agenda';
import { formatDuration, sessionTotals, stepTimes, wholeMinutes } from './sessionClock';
import { emptyBook, followStep, MINUTE_MS, pauseStep, startStep } from './timer';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const min = (n: number) => n * MINUTE_MS;
const minutes = { ...DEFAULT_AGENDA_MINUTES, participants: 10, icp: 30, lifecycle: 20 };

describe('the session clock', () => {
  it('keeps a step’s overtime after the facilitator moves on, as the session’s delay', () => {
    // Participants: 14 minutes of 10; the ideal customer then runs for 5 of its 30.
    let book = startStep(emptyBook(T0), 'participants', T0);
    book = followStep(book, 'icp', T0 + min(14));
    const times = stepTimes(book, minutes, T0 + min(19));
    const participants = times.find((x) => x.step === 'participants');
    expect(participants).toMatchObject({ plannedMs: min(10), actualMs: min(14), started: true, running: false });
    expect(times.find((x) => x.step === 'icp')).toMatchObject({ actualMs: min(5), running: true });
    // 4 minutes behind: the running step, still within its box, neither adds nor takes away.
    expect(sessionTotals(times).balanceMs).toBe(min(4));
  });

  it('counts the running step once it runs over, and a step finished early as time gained', () => {
    let book = startStep(emptyBook(T0), 'participants', T0);
    book = followStep(book, 'icp', T0 + min(6)); // 4 minutes early
    expect(sessionTotals(stepTimes(book, minutes, T0 + min(6) + min(33))).balanceMs).toBe(min(-4 + 3));
    book = pauseStep(book, 'icp', T0 + min(6) + min(33));
    expect(sessionTotals(stepTimes(book, minutes, T0 + min(200))).balanceMs).toBe(min(-1));
  });

  it('plans the whole agenda, sign-off included, and counts nothing before the timer starts', () => {
    const totals = sessionTotals(stepTimes(emptyBook(T0), minutes, T0));
    expect(totals).toEqual({ plannedMs: min(Object.values(minutes).reduce((a, b) => a + b, 0) + 10), actualMs: 0, balanceMs: 0 });
  });

  it('writes durations like a stopwatch and minutes towards zero', () => {
    expect([formatDuration(min(5) + 9000), formatDuration(min(65) + 9000), formatDuration(-5)]).toEqual(['5:09', '1:05:09', '0:00']);
    expect([wholeMinutes(min(4.9)), wholeMinutes(-min(4.9))]).toEqual([4, -4]);
  });
});
