import { describe, expect, it } from 'vitest';
import { fixedAtom, PAGE_BODY, planPages } from './pagination';
import { lineCount, textWidth } from './textMetrics';

const block = (share: number, keepNext = false) => fixedAtom(Math.round(share * PAGE_BODY), keepNext);

describe('the page plan', () => {
  it('flows a part that fits, with room to spare, onto the current page', () => {
    const plan = planPages(
      [block(0.2)],
      [
        { id: 'a', atoms: [block(0.3)], newPage: true },
        { id: 'b', atoms: [block(0.3)], newPage: false },
      ],
    );
    expect([plan.pages.get('a'), plan.pages.get('b')]).toEqual([2, 2]);
    expect([...plan.breaks]).toEqual(['a']);
    expect(plan.total).toBe(2);
  });

  it('starts a part that does not fit on a new page when little of the current one is left', () => {
    const plan = planPages(
      [block(0.2)],
      [
        { id: 'a', atoms: [block(0.7)], newPage: true },
        { id: 'b', atoms: [block(0.1, true), block(0.4)], newPage: false },
      ],
    );
    expect(plan.pages.get('b')).toBe(3);
    expect(plan.breaks.has('b')).toBe(true);
  });

  it('lets a long part flow on from a page still mostly empty, across as many pages as it needs', () => {
    const plan = planPages(
      [block(0.2)],
      [
        { id: 'a', atoms: [block(0.2)], newPage: true },
        { id: 'b', atoms: Array.from({ length: 10 }, () => block(0.25)), newPage: false },
        { id: 'c', atoms: [block(0.1)], newPage: true },
      ],
    );
    expect(plan.pages.get('b')).toBe(2);
    expect(plan.breaks.has('b')).toBe(false);
    // Page 2: 0.2 + 3 × 0.25; page 3: 4 × 0.25; page 4: the last 3; c opens page 5.
    expect(plan.pages.get('c')).toBe(5);
    expect(plan.total).toBe(5);
  });

  it('never breaks before a part kept together, and moves it whole when it does not fit', () => {
    const plan = planPages(
      [block(0.2)],
      [
        { id: 'a', atoms: [block(0.8)], newPage: true },
        { id: 'b', atoms: [block(0.1, true), block(0.2)], newPage: false, flowOnly: true, alsoStarts: ['c'] },
      ],
    );
    expect(plan.breaks.has('b')).toBe(false);
    expect([plan.pages.get('b'), plan.pages.get('c')]).toEqual([3, 3]);
  });
});

describe('text metrics', () => {
  it('wraps at spaces, and wider text takes more lines', () => {
    const sentence = 'Marketing and sales leads meet on that day to compare actuals with targets and adjust the plan.';
    expect(lineCount(sentence, 100_000, 10)).toBe(1);
    expect(lineCount(sentence, textWidth(sentence, 10) / 2 + 200, 10)).toBe(2);
    expect(lineCount(sentence, textWidth(sentence, 10) / 2 + 200, 12)).toBeGreaterThan(2);
    expect(textWidth('MMMM', 10)).toBeGreaterThan(textWidth('iiii', 10));
  });
});
