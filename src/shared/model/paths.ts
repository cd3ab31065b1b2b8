import type { Agreement } from './schema';

type Leaf = string | number | boolean | null | undefined;

/**
 * Every path into a value of type T, as a tuple: object keys by name, array items by number, the empty path
 * (T itself) included. Derived from the model, so a path with a typo, or one the model lost, does not compile.
 */
export type Path<T> = T extends Leaf
  ? readonly []
  : T extends readonly (infer Item)[]
    ? readonly [] | readonly [number, ...Path<Item>]
    : readonly [] | { [K in keyof T & string]-?: readonly [K, ...Path<T[K]>] }[keyof T & string];

/** The type of the value found at path P inside T. */
export type ValueAt<T, P> = P extends readonly []
  ? T
  : P extends readonly [infer Head, ...infer Rest]
    ? T extends readonly (infer Item)[]
      ? Head extends number
        ? ValueAt<Item, Rest>
        : never
      : Head extends keyof T
        ? ValueAt<T[Head], Rest>
        : never
    : never;

/** A path to something inside an agreement (a field, a list, an item of a list). */
export type AgreementPath = Exclude<Path<Agreement>, readonly []>;

/** The paths whose value is exactly of type V (a text box takes `PathTo<string>`, a switch `PathTo<boolean>`). */
export type PathTo<V> = AgreementPath extends infer P
  ? P extends AgreementPath
    ? [ValueAt<Agreement, P>] extends [V]
      ? [V] extends [ValueAt<Agreement, P>]
        ? P
        : never
      : never
    : never
  : never;

/** The paths whose value fits in V (a select takes the texts and enums: `PathWithin<string | null>`). */
export type PathWithin<V> = AgreementPath extends infer P ? (P extends AgreementPath ? ([ValueAt<Agreement, P>] extends [V] ? P : never) : never) : never;

/** Any path into plain JSON: what walkers that do not know the model (or read a stored key) work with. */
export type JsonPath = readonly (string | number)[];

/** The value at a path inside an agreement (or any plain JSON value); undefined when the path does not exist. */
export function getAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A stable DOM id for the field at a path, e.g. `field-icp-company-industry`; the "still missing" list focuses it. */
export function fieldId(path: JsonPath): string {
  return `field-${path.map((p) => String(p).replace(/[^A-Za-z0-9_]/g, '_')).join('-')}`;
}
