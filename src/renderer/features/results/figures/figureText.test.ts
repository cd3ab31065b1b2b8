import { describe, expect, it } from 'vitest';
import { formatFigure, readFigure } from './figureText';

const count = { limits: { min: 0, max: 1e12, decimals: 0 }, unit: 'count' as const };
const percent = { limits: { min: 0, max: 100, decimals: 2 }, unit: 'percent' as const };
const money = { limits: { min: 0, max: 1e12, decimals: 2 }, unit: 'currency' as const };

describe('the text of a figure cell', () => {
  it('reads the interface’s separators: 1.250 is a thousand two hundred and fifty in Spanish', () => {
    expect(readFigure('1.250', true, 'es', count)).toEqual({ ok: true, value: 1250 });
    expect(readFigure('1,250', true, 'en', count)).toEqual({ ok: true, value: 1250 });
    expect(readFigure('12,5', true, 'es', percent)).toEqual({ ok: true, value: 12.5 });
  });

  it('empty is "not entered" (null), never 0', () => {
    expect(readFigure('', true, 'en', count)).toEqual({ ok: true, value: null });
    expect(readFigure('   ', true, 'es', count)).toEqual({ ok: true, value: null });
  });

  it('never clamps: out of range, fractions of a count and words are problems, not values', () => {
    expect(readFigure('150', true, 'en', percent)).toMatchObject({ ok: false });
    expect(readFigure('-3', true, 'en', count)).toMatchObject({ ok: false });
    expect(readFigure('2.5', true, 'en', count)).toMatchObject({ ok: false, problem: { key: 'workshop.number.wholeNumber' } });
    expect(readFigure('12a', true, 'en', count)).toMatchObject({ ok: false, problem: { key: 'workshop.number.notNumber' } });
  });

  it('writes stored values the interface’s way, money with its cents', () => {
    expect(formatFigure(1250, 'en', count)).toBe('1,250');
    expect(formatFigure(12500, 'es', count)).toBe('12.500');
    expect(formatFigure(1250000.5, 'es', money)).toBe('1.250.000,50');
    expect(formatFigure(1250000.5, 'en', money)).toBe('1,250,000.50');
    expect(formatFigure(null, 'en', money)).toBe('');
  });
});
