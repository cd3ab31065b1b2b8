import { afterEach, describe, expect, it } from 'vitest';
import { monthReview } from '../../../../shared/actuals/review';
import { emptyMonth } from '../../../../shared/actuals/store';
import { createExample } from '../../../../shared/model/example';
import type { Agreement } from '../../../../shared/model/schema';
import { resetAppStore, useAppStore } from '../../../store/appStore';
import {
  formatInUnit as format,
  isInLog,
  measureChoices,
  measureFromKey,
  measureKey,
  measureLinksOf,
  monthLabel,
  neighbours,
  pickMonth,
  reviewableMonths,
  withCarriedDecision,
} from './reviewModel';

afterEach(() => resetAppStore());

const agreement = (): Agreement => createExample('en', new Date('2027-01-10T12:00:00Z'));

describe('picking the month to review', () => {
  it('offers the months that have anything stored, oldest first, and opens on the latest', () => {
    const available = reviewableMonths([emptyMonth('2027-03'), emptyMonth('2026-12'), emptyMonth('2027-01')]);
    expect(available).toEqual(['2026-12', '2027-01', '2027-03']);
    expect(pickMonth(available, null)).toBe('2027-03');
    expect(pickMonth(available, '2027-01')).toBe('2027-01');
    expect(pickMonth(available, '2027-02')).toBe('2027-03');
    expect(pickMonth([], null)).toBeNull();
  });

  it('steps to the previous and next month that have figures, skipping gaps', () => {
    const available = ['2026-12', '2027-01', '2027-03'];
    expect(neighbours(available, '2027-01')).toEqual({ previous: '2026-12', next: '2027-03' });
    expect(neighbours(available, '2026-12')).toEqual({ previous: null, next: '2027-01' });
    expect(neighbours(available, '2027-03')).toEqual({ previous: '2027-01', next: null });
  });

  it('names months in the interface language, never shifted by the time zone', () => {
    expect(monthLabel('2027-03', 'en')).toBe('March 2027');
    expect(monthLabel('2027-03', 'es')).toBe('marzo de 2027');
    expect(monthLabel('2027-01', 'es', 'short')).toMatch(/^ene/);
  });
});

describe('figures in their unit', () => {
  it('formats percentages, money, hours, days and counts the interface way', () => {
    // Intl separates units with non-breaking spaces; compared as plain spaces.
    const formatInUnit = (...args: Parameters<typeof format>) => format(...args)?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
    expect(formatInUnit(84, 'percent', 'en', 'EUR')).toBe('84%');
    expect(formatInUnit(84.25, 'percent', 'es', 'EUR')).toBe('84,3 %');
    expect(formatInUnit(1_250_000, 'currency', 'es', 'EUR')).toBe('1.250.000 €');
    expect(formatInUnit(1_250_000, 'currency', 'en', 'USD')).toBe('$1,250,000');
    expect(formatInUnit(3.5, 'hours', 'en', 'EUR')).toBe('3.5 hr');
    expect(formatInUnit(7, 'days', 'es', 'EUR')).toBe('7 días');
    expect(formatInUnit(12345, 'per-month', 'es', 'EUR')).toBe('12.345');
    expect(formatInUnit(null, 'count', 'en', 'EUR')).toBeNull();
  });
});

describe('the measure of a commitment', () => {
  it('offers only figures in the commitment’s unit, and reads its select value back', () => {
    const a = agreement();
    const perMonth = measureChoices({ unit: 'per-month' }, a);
    expect(perMonth.map(measureKey)).toEqual([...a.lifecycle.stages.map((s) => `stage:${s.id}`), 'revenue']);
    expect(measureChoices({ unit: 'hours' }, a)).toEqual([{ kind: 'medianHoursToFirstContact' }]);
    expect(measureChoices({ unit: 'percent' }, a).map(measureKey)).toEqual(['pctContactedWithinSla', 'pctWithRequiredAttempts']);
    const sqlStage = a.lifecycle.stages[2];
    expect(measureFromKey(`stage:${sqlStage?.id}`, perMonth)).toEqual({ kind: 'stage', stageId: sqlStage?.id });
    expect(measureFromKey('stage:gone', perMonth)).toBeNull();
  });

  it('is remembered per agreement in the persisted preferences, and a choice can be undone', () => {
    const a = agreement();
    const conversion = a.protocol.commitments[4];
    if (!conversion) throw new Error('the example has six commitments');
    useAppStore.getState().linkMeasure(a.meta.id, conversion.id, { kind: 'pctWithRequiredAttempts' });
    const persisted = useAppStore.persist.getOptions().partialize?.(useAppStore.getState()) as { measureLinks: unknown };
    expect(measureLinksOf(persisted.measureLinks, a)).toEqual({ [conversion.id]: { kind: 'pctWithRequiredAttempts' } });
    const review = monthReview(a, [{ ...emptyMonth('2027-02'), pctWithRequiredAttempts: 7 }], '2027-02', measureLinksOf(persisted.measureLinks, a));
    expect(review.commitments[4]).toMatchObject({ measureSource: 'linked', value: 7, status: 'missed' });
    useAppStore.getState().linkMeasure(a.meta.id, conversion.id, null);
    expect(measureLinksOf(useAppStore.getState().measureLinks, a)).toEqual({});
  });

  it('treats what storage holds as untrusted: wrong shapes, other units and unknown stages are dropped', () => {
    const a = agreement();
    const [leads, , , , conversion] = a.protocol.commitments;
    if (!leads || !conversion) throw new Error('the example has six commitments');
    const stored = {
      [a.meta.id]: {
        [leads.id]: { kind: 'stage', stageId: 'not-a-stage' },
        [conversion.id]: { kind: 'revenue' },
        other: { kind: 'revenue' },
      },
    };
    expect(measureLinksOf(stored, a)).toEqual({});
    expect(measureLinksOf({ [a.meta.id]: { [leads.id]: { kind: 'revenue', extra: 1 } } }, a)).toEqual({});
    expect(measureLinksOf({ [a.meta.id]: { [leads.id]: { kind: 'revenue' } } }, a)).toEqual({ [leads.id]: { kind: 'revenue' } });
    expect(measureLinksOf(null, a)).toEqual({});
    expect(measureLinksOf('x', a)).toEqual({});
  });
});

describe('carrying a month’s decision into the decision log', () => {
  it('appends it with its id and the day, once: by id or by the same text it counts as in the log', () => {
    const a = agreement();
    const decision = { id: 'd-month-1', text: '  Sales calls every MQL within 4 hours.  ', owner: ' Ana ' };
    expect(isInLog(decision, a.decisions)).toBe(false);
    const next = withCarriedDecision(a, decision, '2027-02-05');
    expect(next.decisions.at(-1)).toEqual({ id: 'd-month-1', date: '2027-02-05', text: 'Sales calls every MQL within 4 hours.', owner: 'Ana' });
    expect(next.decisions).toHaveLength(a.decisions.length + 1);
    expect(isInLog(decision, next.decisions)).toBe(true);
    expect(withCarriedDecision(next, decision, '2027-02-06')).toBe(next);
    const typedByHand = { id: 'other', text: 'sales calls every MQL  within 4 hours.', owner: '' };
    expect(isInLog(typedByHand, next.decisions)).toBe(true);
    expect(isInLog({ id: 'blank', text: '  ', owner: '' }, [{ id: 'x', date: '2027-01-01', text: '', owner: '' }])).toBe(false);
  });
});
