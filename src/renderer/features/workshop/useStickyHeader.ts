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
      root.style.setProperty(HEADER_HIDE_VAR, `${hide}px`);
      root.style.setProperty(HEADER_VISIBLE_VAR, `${Math.round(box.getBoundingClientRect().bottom - top - hide)}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const element of [paper.current, identity.current, tools.current]) if (element) observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEADER_HIDE_VAR);
      root.style.removeProperty(HEADER_VISIBLE_VAR);
    };
  }, [paper, identity, tools]);
}
