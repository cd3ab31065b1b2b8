import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Payload generators for fuzzing the API. Everything generated is JSON-serialisable (what a host can
 * receive), except the numbers ±Infinity/NaN, which `toJsonText` writes as `1e999`/`-1e999`/`null`.
 */

/** Keys that attack prototypes or shadow built-ins when a parser or a merge is careless. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'] as const;

/** Marker a successful pollution would leave on Object.prototype (checked after every payload). */
export const POLLUTION_MARKER = 'polluted_by_fuzz';

/** Sets an own, enumerable property even for `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `{"__proto__": {...}}`, `{"constructor": {"prototype": {...}}}`… as JSON.parse builds them: own keys. */
export const pollutionPayloads: unknown[] = [
  `{"__proto__":{"${POLLUTION_MARKER}":true}}`,
  `{"constructor":{"prototype":{"${POLLUTION_MARKER}":true}}}`,
  `{"prototype":{"${POLLUTION_MARKER}":true}}`,
  `{"__proto__":{"__proto__":{"${POLLUTION_MARKER}":true}}}`,
  `{"__proto__":null}`,
  `{"__proto__":[]}`,
  `{"constructor":{"name":"${POLLUTION_MARKER}"}}`,
].map((text) => JSON.parse(text) as unknown);

const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Strings that have broken parsers, databases and file systems before. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom('a', ' '), lone), maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '   ',
      '\u0000',
      'a\u0000b',
      '\uFEFF',
      '\u202Eevil',
      '../../../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      '%00',
      '%2e%2e%2f',
      '<script>alert(1)</script>',
      "'; DROP TABLE agreements; --",
      '%',
      '_',
      '\\',
      '__proto__',
      'constructor',
      'null',
      'undefined',
      'NaN',
      '{{constructor.constructor("return process")()}}',
      '😀'.repeat(10),
      'e\u0301'.repeat(10),
    ),
  },
);

/** Big strings, from over a field's limit to megabytes. Costly, so callers give them a small weight. */
export const bigString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(201, 257, 20_001, 65_537, 250_000, 1_100_000), fc.constantFrom('x', 'é', '😀', ' ', '\\"'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Numbers a schema has to refuse or clamp: negative, fractional, huge, not finite. */
export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, -0, 0, 0.5, -0.5, 1e-320, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 53) - 1, 1e12 + 1, 10_001, 601, 29, Infinity, -Infinity, NaN),
  fc.double(),
  fc.integer(),
);

const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** Objects with hostile keys (at any depth), sometimes without a prototype. */
export const hostileObject: fc.Arbitrary<unknown> = fc.object({
  key: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: nastyString }),
  maxDepth: 4,
  maxKeys: 5,
  withNullPrototype: true,
  values: [jsonLeaf],
});

/** Arbitrary JSON, with the odd hostile key or pollution payload mixed in. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.constantFrom(...pollutionPayloads) },
  { weight: 2, arbitrary: jsonLeaf },
  { weight: 1, arbitrary: weirdNumber },
);

/** Deep nesting of arrays, objects or both, with something at the bottom. Below JSON.stringify's limit. */
export const deepValue: fc.Arbitrary<unknown> = fc
  .record({ depth: fc.integer({ min: 16, max: 2_000 }), shape: fc.constantFrom('array', 'object', 'mixed', 'proto'), bottom: jsonLeaf })
  .map(({ depth, shape, bottom }) => {
    let value: unknown = bottom;
    for (let i = 0; i < depth; i += 1) {
      const kind = shape === 'mixed' ? (i % 2 ? 'array' : 'object') : shape;
      if (kind === 'array') value = [value];
      else {
        const holder = {};
        setOwn(holder, kind === 'proto' ? '__proto__' : 'a', value);
        value = holder;
      }
    }
    return value;
  });

// ---------------------------------------------------------------------------------------------------------
// Valid values, derived from the contract's zod schemas (so a new operation is fuzzed without new code).

interface ZodDef {
  type: string;
  [key: string]: unknown;
}
type ZodLike = z.ZodType & {
  minLength?: number | null;
  maxLength?: number | null;
  format?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
};
const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (schema: unknown): Record<string, unknown>[] =>
  ((defOf(schema).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Generators for fields by name, where real data beats random (e.g. ids of agreements that exist). */
export type FieldOverrides = Record<string, fc.Arbitrary<unknown>>;

const isoDateTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());

function stringFor(schema: ZodLike): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const regex = checks.find((c) => c.format === 'regex')?.pattern as RegExp | undefined;
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 40);
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
  if (regex) return fc.stringMatching(regex).filter(fits);
  if (schema.format === 'datetime') return isoDateTime;
  if (schema.format === 'date') return isoDateTime.map((s) => s.slice(0, 10));
  if (schema.format === 'email') return fc.constantFrom('ana@example.com', 'j.doe+sla@sub.example.org');
  return fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, max) }) }, { weight: 1, arbitrary: nastyString.filter(fits) });
}

function numberFor(schema: ZodLike): fc.Arbitrary<number> {
  const lo = Math.max(schema.minValue ?? -1e12, -1e12);
  const hi = Math.min(schema.maxValue ?? 1e12, 1e12);
  if (schema.isInt) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** A generator of values the schema accepts (mostly: cross-field rules like trim().min(1) may still refuse). */
export function validFor(schema: unknown, overrides: FieldOverrides = {}, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const s = schema as ZodLike;
  if (depth > 12) return fc.constant(null);
  switch (def.type) {
    case 'string':
      return stringFor(s);
    case 'number':
      return numberFor(s);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'nullable':
      return fc.option(validFor(def.innerType, overrides, depth + 1), { nil: null });
    case 'optional':
      return fc.option(validFor(def.innerType, overrides, depth + 1), { nil: undefined });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return validFor(def.innerType, overrides, depth + 1);
    case 'pipe':
      return validFor(def.in, overrides, depth + 1);
    case 'array': {
      const max = (s.maxLength as number | undefined) ?? checksOf(schema).find((c) => c.check === 'max_length')?.maximum;
      const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum;
      return fc.array(validFor(def.element, overrides, depth + 1), {
        minLength: (min as number | undefined) ?? 0,
        maxLength: Math.min((max as number | undefined) ?? 3, 3),
      });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => validFor(item, overrides, depth + 1)));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => validFor(option, overrides, depth + 1)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), validFor(def.valueType, overrides, depth + 1), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const optional = defOf(field).type === 'optional';
        fields[key] = overrides[key] ?? validFor(optional ? defOf(field).innerType : field, overrides, depth + 1);
        if (!optional) required.push(key);
      }
      return fc.record(fields, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The top-level keys an operation's input expects (empty for non-object inputs). */
export function inputKeys(schema: unknown): string[] {
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

// ---------------------------------------------------------------------------------------------------------
// Near-valid: a valid value with one to three fields mutated.

export type Mutation =
  { kind: 'replace'; value: unknown } | { kind: 'extraKey'; key: string; value: unknown } | { kind: 'deleteKey' } | { kind: 'duplicateArray'; times: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: anyJson }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: weirdNumber }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: nastyString }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: bigString }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: deepValue }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('extraKey' as const),
      key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom('extra', 'id', 'ok', 'value', 'error')),
      value: fc.oneof(fc.constantFrom(...pollutionPayloads), anyJson),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'deleteKey' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateArray' as const), times: fc.constantFrom(2, 201, 5_000) }) },
);

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** Applies a mutation at the node reached by following `path` (each step picks a child, modulo its size). */
export function mutate(root: unknown, path: number[], change: Mutation): unknown {
  const copy: unknown = root === undefined ? undefined : (JSON.parse(JSON.stringify(root)) as unknown);
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | null = null;
  let node: unknown = copy;
  for (const step of path) {
    if (!isContainer(node)) break;
    const keys = Object.keys(node);
    if (!keys.length) break;
    parent = node;
    key = keys[step % keys.length] as string;
    node = (node as Record<string, unknown>)[key];
  }
  const put = (value: unknown): unknown => {
    if (parent === null || key === null) return value;
    setOwn(parent, key, value);
    return copy;
  };
  switch (change.kind) {
    case 'replace':
      return put(change.value);
    case 'deleteKey':
      if (parent === null || key === null) return undefined;
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return copy;
    case 'duplicateArray': {
      // Long lists of small things; a big node is repeated only a few times (payloads stay ≤ ~2 MB).
      const size = (JSON.stringify(node) ?? '').length + 1;
      const times = Math.min(change.times, Math.max(2, Math.floor(2_000_000 / size)));
      return put(Array.isArray(node) && node.length ? Array.from({ length: times }, (_, i) => node[i % node.length]) : Array(times).fill(node ?? null));
    }
    case 'extraKey': {
      const target = isContainer(node) && !Array.isArray(node) ? node : isContainer(parent) && !Array.isArray(parent) ? parent : null;
      if (target) {
        setOwn(target, change.key, change.value);
        return copy;
      }
      const holder = {};
      setOwn(holder, change.key, change.value);
      return put(holder);
    }
  }
}

export const mutations: fc.Arbitrary<[number[], Mutation][]> = fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 8 }), mutation), {
  minLength: 1,
  maxLength: 3,
});

export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, mutations).map(([value, changes]) => changes.reduce((v, [path, change]) => mutate(v, path, change), value));
}

// ---------------------------------------------------------------------------------------------------------
// JSON text.

const INF = '\u0001+inf\u0001';
const NEG_INF = '\u0001-inf\u0001';

/** JSON text for a payload; ±Infinity become `1e999`/`-1e999` (JSON.parse reads them back as ±Infinity). */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v) ? (v > 0 ? INF : NEG_INF) : v));
  if (text === undefined) return '';
  return text.replaceAll(JSON.stringify(INF), '1e999').replaceAll(JSON.stringify(NEG_INF), '-1e999');
}

/** Broken JSON texts: truncated, garbled, with duplicate or hostile keys spelled out. */
export function brokenJsonText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(valid, fc.nat()).map(([v, cut]) => {
      const text = toJsonText(v);
      return text.slice(0, text.length ? cut % text.length : 0);
    }),
    fc.tuple(valid, fc.nat(), fc.constantFrom('\u0000', '}', ']', ',', '"', '\\', '\uFEFF', 'NaN', '/*x*/')).map(([v, at, junk]) => {
      const text = toJsonText(v);
      const i = text.length ? at % text.length : 0;
      return text.slice(0, i) + junk + text.slice(i);
    }),
    fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '"x"',
      '[]',
      '{"__proto__":{"a":1},"__proto__":{"b":2}}',
      '{"a":1,"a":2}',
      '\uFEFF{}',
      '{\u0000}',
      'NaN',
      '1e999',
      '-',
      '{"',
    ),
  );
}
