import { checkCompleteness, type Completeness, type MissingItem } from '../../../shared/model/completeness';
import type { Agreement } from '../../../shared/model/schema';

/**
 * Completeness of one draft, computed once however many panels ask (the step's missing list, the step
 * navigation, the review). Drafts are immutable (immer), so the object itself is the cache key, and a draft
 * nobody holds any more takes its entry with it.
 */
const cache = new WeakMap<Agreement, Completeness>();

export function completenessOf(draft: Agreement): Completeness {
  let found = cache.get(draft);
  if (!found) {
    found = checkCompleteness(draft);
    cache.set(draft, found);
  }
  return found;
}

const sameParams = (a: MissingItem['params'], b: MissingItem['params']) => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
};

/** The same missing items in the same order: the list on screen would not change. */
export function sameMissingItems(a: readonly MissingItem[], b: readonly MissingItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        item.key === other.key &&
        sameParams(item.params, other.params) &&
        item.path.length === other.path.length &&
        item.path.every((part, at) => part === other.path[at])
      );
    })
  );
}
