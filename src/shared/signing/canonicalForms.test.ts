import { describe, expect, it } from 'vitest';
import { createExample } from '../model/example';
import type { Agreement } from '../model/schema';
import { CANONICAL_VERSION } from '../model/version';
import { canonicalJsonOf } from './canonical';
import { CanonicalFormError, canonicalContent, canonicalVersionOf, CANONICAL_FORMS } from './canonicalForms';

/** The example with every list filled, so every field the model has appears at least once. */
function full(): Agreement {
  const a = createExample('en', new Date('2026-01-01T00:00:00Z'));
  a.decisions = [{ id: 'd1', date: '2026-01-02', text: 'Decided', owner: 'Laura' }];
  a.parkingLot = [{ id: 'p1', createdAt: '2026-01-02T10:00:00Z', text: 'Later', resolved: false }];
  a.signatures = [
    {
      id: 's1',
      participantId: a.participants[0]!.id,
      name: 'L',
      jobTitle: 'J',
      signedAt: '2026-01-02T10:00:00+01:00',
      image: 'data:image/png;base64,AAAA',
      device: 'd',
      fingerprint: 'a'.repeat(64),
      canonicalVersion: 1,
    },
  ];
  return a;
}

/** Every path to a value that is not an object (list items as `[]`), e.g. `participants[].name`. */
function leafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : [...new Set(value.flatMap((v) => leafPaths(v, `${path}[]`)))];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  return [path];
}

/** What a signature deliberately does not cover (docs/SIGNOFF.md): everything else the agreement holds, it must. */
const NOT_SIGNED = [/^meta\.status$/, /^meta\.updatedAt$/, /^agenda\./, /^notes\./, /^signatures/];

describe('canonical forms', () => {
  it('version 1 is exactly what signatures covered before canonical versions existed', () => {
    const a = full();
    // The signed content as the app computed it up to model version 2 (src/shared/signing/canonical.ts then).
    const { id, title, company, language, currency, version, amendsId, createdAt } = a.meta;
    const before = {
      meta: { id, title, company, language, currency, version, amendsId, createdAt },
      participants: a.participants,
      icp: a.icp,
      lifecycle: a.lifecycle,
      goals: a.goals,
      handoff: a.handoff,
      protocol: a.protocol,
      kpis: a.kpis,
      cadence: a.cadence,
      decisions: a.decisions,
      parkingLot: a.parkingLot,
    };
    expect(canonicalJsonOf(canonicalContent(a, 1))).toBe(canonicalJsonOf(before));
  });

  it('the current form covers every field of the model except the workshop aids, status and signatures', () => {
    const a = full();
    const covered = new Set(leafPaths(canonicalContent(a, CANONICAL_VERSION)));
    const missing = leafPaths(a).filter((path) => !covered.has(path) && !NOT_SIGNED.some((re) => re.test(path)));
    // A field added to the model and left out here would appear on the document without being signed.
    expect(missing).toEqual([]);
  });

  it('version 2 is version 1 plus the terms: a change to a clause moves a form-2 fingerprint, never a form-1 one', () => {
    const a = full();
    const { terms, ...v2 } = canonicalContent(a, 2) as Record<string, unknown>;
    expect(canonicalJsonOf(v2)).toBe(canonicalJsonOf(canonicalContent(a, 1)));
    expect(terms).toEqual(a.terms);
    const changed = { ...a, terms: { ...a.terms, escalation: { ...a.terms.escalation, withinDays: 30 } } };
    expect(canonicalJsonOf(canonicalContent(changed, 2))).not.toBe(canonicalJsonOf(canonicalContent(a, 2)));
    expect(canonicalJsonOf(canonicalContent(changed, 1))).toBe(canonicalJsonOf(canonicalContent(a, 1)));
  });

  it('ignores fields a later model adds, so old fingerprints do not move', () => {
    const a = full();
    const later = { ...a, handoff: { ...a.handoff, escalationContact: 'someone' }, region: 'EU' } as Agreement;
    expect(canonicalJsonOf(canonicalContent(later, 1))).toBe(canonicalJsonOf(canonicalContent(a, 1)));
  });

  it('names a covered field the data no longer has (a reshape without its projection) instead of hashing without it', () => {
    const a = full();
    const { owner: _owner, ...handoff } = a.handoff;
    expect(() => canonicalContent({ ...a, handoff } as unknown as Agreement, 1)).toThrow(CanonicalFormError);
    expect(() => canonicalContent({ ...a, handoff } as unknown as Agreement, 1)).toThrow(/handoff\.owner/);
  });

  it('refuses a canonical version this app does not know', () => {
    expect(Object.keys(CANONICAL_FORMS).map(Number)).toContain(CANONICAL_VERSION);
    expect(() => canonicalContent(full(), CANONICAL_VERSION + 1)).toThrow(RangeError);
  });

  it('a version is hashed in the form of its first signature, or the current one before anyone signs', () => {
    const a = full();
    expect(canonicalVersionOf(a)).toBe(1);
    expect(canonicalVersionOf({ signatures: [] })).toBe(CANONICAL_VERSION);
  });
});
