import type { FieldPath } from './completeness';

/** The value at a path inside an agreement (or any plain JSON value); undefined when the path does not exist. */
export function getAt(root: unknown, path: FieldPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A stable DOM id for the field at a path, e.g. `field-icp-company-industry`; the "still missing" list focuses it. */
export function fieldId(path: FieldPath): string {
  return `field-${path.map((p) => String(p).replace(/[^A-Za-z0-9_]/g, '_')).join('-')}`;
}
