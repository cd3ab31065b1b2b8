import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, localToday, meetingSchedule, monthlyMeetingDates, parseIsoDate, reviewDates, reviewSchedule, toWorkingDay } from './cadence';

describe('reviewDates', () => {
  it('repeats every N months from the first review', () => {
    expect(reviewDates('2027-01-15', 6, 4)).toEqual(['2027-01-15', '2027-07-15', '2028-01-15', '2028-07-15']);
    expect(reviewDates('2027-11-01', 2, 3)).toEqual(['2027-11-01', '2028-01-01', '2028-03-01']);
  });

  it('clamps to the last day of shorter months, in leap and common years', () => {
    expect(reviewDates('2027-08-31', 6, 2)).toEqual(['2027-08-31', '2028-02-29']);
    expect(reviewDates('2026-08-31', 6, 2)).toEqual(['2026-08-31', '2027-02-28']);
    expect(reviewDates('2028-02-29', 12, 3)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28']);
    // 2100 is not a leap year; 2000 was.
    expect(reviewDates('2099-08-31', 6, 2)).toEqual(['2099-08-31', '2100-02-28']);
    expect(reviewDates('1999-08-31', 6, 2)).toEqual(['1999-08-31', '2000-02-29']);
    expect(reviewDates('2027-01-31', 1, 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('never drifts: a clamped month does not pull the later reviews earlier', () => {
    expect(reviewDates('2027-08-31', 6, 4)).toEqual(['2027-08-31', '2028-02-29', '2028-08-31', '2029-02-28']);
    expect(reviewDates('2027-10-31', 2, 4)).toEqual(['2027-10-31', '2027-12-31', '2028-02-29', '2028-04-30']);
  });

  it('returns nothing for an invalid date, interval or count', () => {
    expect(reviewDates('2027-02-30', 6, 4)).toEqual([]);
    expect(reviewDates('27-01-01', 6, 4)).toEqual([]);
    expect(reviewDates('2027-01-01', 0, 4)).toEqual([]);
    expect(reviewDates('2027-01-01', 1.5, 4)).toEqual([]);
    expect(reviewDates('2027-01-01', 6, 0)).toEqual([]);
  });

  it('keeps every date valid, ordered and N months apart (property)', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 30 }), (first, months, count) => {
        const dates = reviewDates(first, months, count);
        expect(dates).toHaveLength(count);
        expect(dates[0]).toBe(first);
        const start = parseIsoDate(first);
        dates.forEach((iso, i) => {
          const d = parseIsoDate(iso);
          expect(d).not.toBeNull();
          if (!d || !start) return;
          expect(d.year * 12 + d.month - (start.year * 12 + start.month)).toBe(i * months);
          expect(d.day).toBeLessThanOrEqual(start.day);
          if (i > 0) expect(iso > (dates[i - 1] ?? '')).toBe(true);
        });
      }),
    );
  });
});

describe('monthlyMeetingDates', () => {
  it('starts this month when the day is still ahead, or today', () => {
    expect(monthlyMeetingDates(5, '2027-03-01', 3)).toEqual(['2027-03-05', '2027-04-05', '2027-05-05']);
    expect(monthlyMeetingDates(5, '2027-03-05', 2)).toEqual(['2027-03-05', '2027-04-05']);
  });

  it('starts next month when the day has passed, across the year end', () => {
    expect(monthlyMeetingDates(5, '2027-11-20', 3)).toEqual(['2027-12-05', '2028-01-05', '2028-02-05']);
    expect(monthlyMeetingDates(28, '2028-01-31', 2)).toEqual(['2028-02-28', '2028-03-28']);
  });

  it('returns nothing without a valid day or start date', () => {
    expect(monthlyMeetingDates(null, '2027-03-01', 6)).toEqual([]);
    expect(monthlyMeetingDates(0, '2027-03-01', 6)).toEqual([]);
    expect(monthlyMeetingDates(29, '2027-03-01', 6)).toEqual([]);
    expect(monthlyMeetingDates(5, 'soon', 6)).toEqual([]);
  });
});

describe('helpers', () => {
  it('adds negative and large month counts', () => {
    expect(addMonths({ year: 2027, month: 1, day: 31 }, -2)).toEqual({ year: 2026, month: 11, day: 30 });
    expect(addMonths({ year: 2027, month: 12, day: 31 }, 14)).toEqual({ year: 2029, month: 2, day: 28 });
  });

  it('gives today as the local calendar date', () => {
    expect(localToday(new Date(2028, 1, 29, 23, 59))).toBe('2028-02-29');
  });
});

describe('working days', () => {
  it('moves a Saturday or a Sunday to the next Monday and says where from', () => {
    // 2027-01-16 is a Saturday, 2027-01-17 a Sunday, 2027-01-18 a Monday.
    expect(toWorkingDay('2027-01-16')).toEqual({ date: '2027-01-18', movedFrom: '2027-01-16' });
    expect(toWorkingDay('2027-01-17')).toEqual({ date: '2027-01-18', movedFrom: '2027-01-17' });
    expect(toWorkingDay('2027-01-18')).toEqual({ date: '2027-01-18', movedFrom: null });
    expect(toWorkingDay('2027-01-15')).toEqual({ date: '2027-01-15', movedFrom: null });
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(toWorkingDay('2027-07-31')).toEqual({ date: '2027-08-02', movedFrom: '2027-07-31' });
    expect(toWorkingDay('2028-12-31')).toEqual({ date: '2029-01-01', movedFrom: '2028-12-31' });
    expect(toWorkingDay('2032-02-28')).toEqual({ date: '2032-03-01', movedFrom: '2032-02-28' });
    expect(toWorkingDay('2032-02-29').date).toBe('2032-03-01');
  });

  it('leaves text that is not a date alone', () => {
    expect(toWorkingDay('2027-02-30')).toEqual({ date: '2027-02-30', movedFrom: null });
  });

  it('schedules the formal reviews on working days without drifting the rule', () => {
    // 2027-05-15 is a Saturday; six months on, 2027-11-15 is a Monday and stays there.
    expect(reviewSchedule('2027-05-15', 6, 3)).toEqual([
      { date: '2027-05-17', movedFrom: '2027-05-15' },
      { date: '2027-11-15', movedFrom: null },
      { date: '2028-05-15', movedFrom: null },
    ]);
    expect(reviewSchedule('not a date', 6, 3)).toEqual([]);
  });

  it('schedules the monthly meetings on working days, keeping a moved meeting that is still ahead', () => {
    // The 5th of June 2027 is a Saturday: the meeting is on Monday the 7th, still ahead on the 6th.
    expect(meetingSchedule(5, '2027-06-06', 2)).toEqual([
      { date: '2027-06-07', movedFrom: '2027-06-05' },
      { date: '2027-07-05', movedFrom: null },
    ]);
    expect(meetingSchedule(5, '2027-06-08', 1)).toEqual([{ date: '2027-07-05', movedFrom: null }]);
    expect(meetingSchedule(null, '2027-06-08', 3)).toEqual([]);
  });

  it('never lands on a weekend and never moves more than two days (property)', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (iso) => {
        const { date: moved, movedFrom } = toWorkingDay(iso);
        const weekday = new Date(`${moved}T00:00:00Z`).getUTCDay();
        expect(weekday).not.toBe(0);
        expect(weekday).not.toBe(6);
        const days = (Date.parse(`${moved}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(2);
        expect(movedFrom === null).toBe(days === 0);
      }),
    );
  });
});
