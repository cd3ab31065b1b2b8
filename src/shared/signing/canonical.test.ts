import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExample } from '../model/example';
import { canonicalAgreementJson, canonicalJsonOf, normalizeText } from './canonical';

const shuffleKeys = (value: unknown, seed: number): unknown => {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
  return Object.fromEntries(rotated.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
};

describe('the canonical serialization', () => {
  it('sorts keys, drops whitespace and formats numbers as RFC 8785 does', () => {
    expect(canonicalJsonOf({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.1, x: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.1,"z":1e+21}}');
  });

  it('does not depend on the order keys were written in', () => {
    const example = createExample('en', new Date('2026-01-01T00:00:00Z'));
    fc.assert(
      fc.property(fc.nat(50), (seed) => {
        expect(canonicalJsonOf(shuffleKeys(example, seed))).toBe(canonicalJsonOf(example));
      }),
      { numRuns: 25 },
    );
  });

  it('treats the same words the same: NFC, line ends, lone surrogates', () => {
    expect(normalizeText('Cafe\u0301\r\nline\rend')).toBe('Café\nline\nend');
    expect(normalizeText('a\uD800b')).toBe('a\uFFFDb');
    expect(canonicalJsonOf({ t: 'Cafe\u0301' })).toBe(canonicalJsonOf({ t: 'Café' }));
  });

  it('covers the content and not the workshop aids, status or signatures', () => {
    const example = createExample('es', new Date('2026-01-01T00:00:00Z'));
    const base = canonicalAgreementJson(example);
    const aids = { ...example, notes: { ...example.notes, icp: 'nota privada' }, agenda: { minutes: { ...example.agenda.minutes, icp: 99 } } };
    expect(canonicalAgreementJson(aids)).toBe(base);
    expect(canonicalAgreementJson({ ...example, meta: { ...example.meta, status: 'signed', updatedAt: '2030-01-01T00:00:00Z' } })).toBe(base);
    expect(canonicalAgreementJson({ ...example, handoff: { ...example.handoff, owner: 'Otra persona' } })).not.toBe(base);
    expect(canonicalAgreementJson({ ...example, meta: { ...example.meta, title: `${example.meta.title}.` } })).not.toBe(base);
  });
});
