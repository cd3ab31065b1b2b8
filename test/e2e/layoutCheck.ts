import type { Page } from 'playwright-core';

/**
 * Layout defects a screenshot shows but an assertion can catch too: a page wider than its window (a
 * toolbar pushing past the edge), a control cut off by the window or by a clipping ancestor, and a title
 * overlapping a badge. Returns one sentence per defect, so a failing test says what and where.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate<string[]>(`(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    const describe = (el) => {
      const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (name ? ' "' + name + '"' : '');
    };
    const visible = (el) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
    };
    if (document.documentElement.scrollWidth > width + 1) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px wide in a ' + width + 'px window');
    const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')].filter(visible);
    for (const el of controls) {
      const rect = el.getBoundingClientRect();
      if (rect.left < -1 || rect.right > width + 1) { problems.push(describe(el) + ' goes past the window edge'); continue; }
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        // Scrolling containers (lists, drawers) may hold controls out of view on purpose.
        if (/(auto|scroll)/.test(style.overflowX + style.overflowY)) break;
        const box = parent.getBoundingClientRect();
        if (rect.left < box.left - 1 || rect.right > box.right + 1) problems.push(describe(el) + ' is cut off by ' + describe(parent));
        break;
      }
    }
    const titles = [...document.querySelectorAll('h1, h2, h3, h4, [data-testid="agreement-title"]')].filter(visible);
    const badges = [...document.querySelectorAll('.mantine-Badge-root')].filter(visible);
    for (const title of titles) {
      const a = title.getBoundingClientRect();
      // The text's own box, not the block's: a heading stretches across its column.
      const range = document.createRange();
      range.selectNodeContents(title);
      const textBox = range.getBoundingClientRect();
      // A title that clips its text (an ellipsis) shows it only up to its own edges.
      const clips = getComputedStyle(title).overflowX !== 'visible';
      const text = clips ? { left: Math.max(textBox.left, a.left), right: Math.min(textBox.right, a.right) } : textBox;
      for (const badge of badges) {
        if (title.contains(badge)) continue;
        const b = badge.getBoundingClientRect();
        const overlaps = text.left < b.right - 1 && b.left < text.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        if (overlaps) problems.push(describe(title) + ' overlaps the badge ' + describe(badge));
      }
    }
    return problems;
  })()`);
}
