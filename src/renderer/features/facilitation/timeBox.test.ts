import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_MINUTES, SIGN_OFF_MINUTES } from '../../../shared/model/agenda';
import { localIsoDate, newestFirst, newParkingItem, shortLabel } from './logItems';
import { agendaBalance, boxMinutes, hoursAndMinutes, WORKSHOP_MINUTES } from './timeBox';

describe('time boxes', () => {
  it('the default agenda fills exactly three hours', () => {
    expect(agendaBalance(DEFAULT_AGENDA_MINUTES)).toEqual({ total: WORKSHOP_MINUTES, difference: 0, fit: 'fits' });
  });

  it('reports minutes to spare or over', () => {
    expect(agendaBalance({ ...DEFAULT_AGENDA_MINUTES, goals: 20 })).toEqual({ total: 170, difference: 10, fit: 'under' });
    expect(agendaBalance({ ...DEFAULT_AGENDA_MINUTES, goals: 45 })).toEqual({ total: 195, difference: 15, fit: 'over' });
  });

  it('reads a step box from the agenda and gives the review the sign-off slot', () => {
    expect(boxMinutes({ ...DEFAULT_AGENDA_MINUTES, kpis: 33 }, 'kpis')).toBe(33);
    expect(boxMinutes(DEFAULT_AGENDA_MINUTES, 'review')).toBe(SIGN_OFF_MINUTES);
    expect(boxMinutes(undefined, 'goals')).toBe(DEFAULT_AGENDA_MINUTES.goals);
  });

  it('splits minutes into hours', () => {
    expect(hoursAndMinutes(170)).toEqual({ hours: 2, minutes: 50 });
  });
});

describe('log items', () => {
  it('dates a decision in the local calendar', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('parks trimmed text and nothing for blanks', () => {
    const now = new Date(Date.UTC(2026, 10, 28, 10, 0));
    expect(newParkingItem('  Partner leads?  ', now, 100)).toMatchObject({ text: 'Partner leads?', resolved: false, createdAt: '2026-11-28T10:00:00.000Z' });
    expect(newParkingItem('   ', now, 100)).toBeNull();
    expect(newParkingItem('abcdef', now, 3)?.text).toBe('abc');
  });

  it('lists the newest (last stored) first', () => {
    expect(newestFirst(3)).toEqual([2, 1, 0]);
    expect(newestFirst(0)).toEqual([]);
  });

  it('shortens labels on one line', () => {
    expect(shortLabel('a\n b', 'x')).toBe('a b');
    expect(shortLabel('  ', 'untitled')).toBe('untitled');
    expect(shortLabel('x'.repeat(100), '', 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
