import { describe, expect, it } from 'vitest';
import { scrollNeeded } from './keepAbove';

describe('keeping the focused field above the presentation bar', () => {
  it('does nothing when the field ends above the bar', () => {
    expect(scrollNeeded({ top: 400, bottom: 500 }, 687, 16)).toBe(0);
    expect(scrollNeeded({ top: 400, bottom: 671 }, 687, 16)).toBe(0);
  });

  it('scrolls a text area that ends under the bar by the overlap and the gap', () => {
    expect(scrollNeeded({ top: 560, bottom: 695 }, 687, 16)).toBe(24);
  });

  it('never pushes the top of a tall field out of view', () => {
    expect(scrollNeeded({ top: 30, bottom: 900 }, 687, 16)).toBe(14);
    expect(scrollNeeded({ top: 10, bottom: 900 }, 687, 16)).toBe(0);
  });
});
