import { fieldId, type JsonPath } from '../../../shared/model/paths';

/**
 * Focuses the field at `path`, or the closest enclosing one that exists (a list's add button, say).
 * Retries for a few frames so it also works right after switching to the field's step.
 */
export function focusField(path: JsonPath, attempts = 20): void {
  for (let length = path.length; length > 0; length--) {
    const element = document.getElementById(fieldId(path.slice(0, length)));
    if (element) {
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      element.focus({ preventScroll: true });
      return;
    }
  }
  if (attempts > 0) requestAnimationFrame(() => focusField(path, attempts - 1));
}
