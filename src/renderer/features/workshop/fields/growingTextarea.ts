import type { CSSProperties } from 'react';

/**
 * Grows a textarea with its content using the browser's own `field-sizing: content` (Chromium 123+, so
 * Electron and browser mode alike) instead of a script that measures the text on every keystroke: the
 * script forces two synchronous layouts of the whole page per key, which made typing miss frames.
 */
export function growingTextareaStyle(minRows: number, maxRows = 16): CSSProperties {
  return {
    fieldSizing: 'content',
    minHeight: `calc(${minRows} * 1.55em + 0.75rem)`,
    maxHeight: `calc(${maxRows} * 1.55em + 0.75rem)`,
    overflowY: 'auto',
    resize: 'vertical',
  } as CSSProperties;
}
