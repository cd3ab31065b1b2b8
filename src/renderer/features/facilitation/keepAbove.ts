/**
 * How far the page must scroll so that a focused field sits wholly above the presentation bar.
 *
 * The browser's own scroll-into-view on focus (with `scroll-padding-bottom`) is not enough: for a text area it
 * only brings the caret into view, so the lower part of the box could stay under the bar; and the bar can grow
 * (its contents wrap) after the field was reached. Never scrolls the field's top out of view: a field taller than
 * the room left shows its top edge.
 */
export function scrollNeeded(field: { top: number; bottom: number }, barTop: number, gap: number, viewportTop = 0): number {
  const overlap = field.bottom + gap - barTop;
  if (overlap <= 0) return 0;
  const roomAbove = field.top - viewportTop - gap;
  return Math.max(0, Math.min(overlap, roomAbove));
}
