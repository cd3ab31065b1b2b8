import { useLayoutEffect, type RefObject } from 'react';

/** CSS variables the sticky layout reads (styles/workshop.css): how much of the header hides, how much shows. */
export const HEADER_HIDE_VAR = '--workshop-header-hide';
export const HEADER_VISIBLE_VAR = '--workshop-header-visible';

/**
 * Measures the sticky workshop header whenever its size changes. On a wide window title and tools share one
 * row and the whole header stays; once the tools wrap below the title (narrow window, 200 % zoom), the header
 * sticks with a negative offset so only the tools' row stays in view and the title scrolls away with the
 * page. The visible height also tells the page how far to keep focused fields from the top.
 */
export function useStickyHeader(paper: RefObject<HTMLElement | null>, identity: RefObject<HTMLElement | null>, tools: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    // Only a changed value is written: a custom property set on the root restyles the whole page.
    const write = (name: string, value: string) => {
      if (root.style.getPropertyValue(name) !== value) root.style.setProperty(name, value);
    };
    const measure = () => {
      const box = paper.current;
      const title = identity.current;
      const bar = tools.current;
      if (!box || !title || !bar) return;
      const top = box.getBoundingClientRect().top;
      const titleBox = title.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      const wrapped = barBox.top >= titleBox.bottom - 1;
      // Wrapped: everything above the tools goes, so they stick 6 px below the top (the CSS adds an 8 px gap).
      const hide = wrapped ? Math.max(0, Math.round(barBox.top - top + 2)) : 0;
      write(HEADER_HIDE_VAR, `${hide}px`);
      write(HEADER_VISIBLE_VAR, `${Math.round(box.getBoundingClientRect().bottom - top - hide)}px`);
    };
    // No measuring here: reading sizes now would lay out the whole new screen synchronously, mid-commit.
    // A ResizeObserver reports every observed element once right after the browser's own layout of the
    // frame, before that frame is painted, so the first paint already has the right offsets.
    const observer = new ResizeObserver(measure);
    for (const element of [paper.current, identity.current, tools.current]) if (element) observer.observe(element);
    // The values stay on the root when the screen closes (only the workshop's rules read them): the next
    // agreement opened in the same window finds them already right and the page is not restyled twice.
    return () => observer.disconnect();
  }, [paper, identity, tools]);
}
