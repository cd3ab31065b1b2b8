/**
 * Where a merge conflict sits. A list item is named by its key (an id, a target's stage id, a month), never
 * by its index: indexes move when the other side adds, removes or reorders items.
 */
export type MergeSegment = string | { key: string };
export type MergePath = MergeSegment[];

/** A stable text form of a path, to match a conflict with the user's decision about it. */
export function pathKey(path: MergePath): string {
  return JSON.stringify(path);
}

/** The field a path names, without item keys: `lifecycle.stages.definition`. */
export function pathPattern(path: MergePath): string {
  return path.filter((segment): segment is string => typeof segment === 'string').join('.');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Deep equality of JSON values. Reference equality answers first: drafts are edited with immer, so the parts
 * nobody touched are the very same objects on both sides and the comparison stays cheap.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}

/** The value at a path (undefined when an item or field is not there). */
export function valueAt(root: unknown, path: MergePath, keyOf: (listPattern: string) => string | null): unknown {
  let node: unknown = root;
  const seen: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'string') {
      if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = node[segment];
      seen.push(segment);
      continue;
    }
    const field = keyOf(seen.join('.'));
    if (!Array.isArray(node) || field === null) return undefined;
    node = node.find((item) => isPlainObject(item) && item[field] === segment.key);
  }
  return node;
}
