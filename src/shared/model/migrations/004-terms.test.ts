import { describe, expect, it } from 'vitest';
import { createExample } from '../example';
import { agreementSchema } from '../schema';
import { canonicalAgreementJson } from '../../signing/canonical';
import { m004 } from './004-terms';
import { upgradeStoredAgreement } from './index';

/** The example as model version 3 stored it: no terms, one signature made with canonical form 1. */
function v3Agreement() {
  const { terms: _t, ...example } = createExample('es', new Date('2026-03-01T10:00:00Z'));
  const signature = {
    id: 'sig',
    participantId: example.participants[0]!.id,
    name: 'L',
    jobTitle: 'J',
    signedAt: '2026-03-01T10:00:00+01:00',
    image: 'data:image/png;base64,AAAA',
    device: 'd',
    fingerprint: 'a'.repeat(64),
    canonicalVersion: 1,
  };
  return { ...example, meta: { ...example.meta, status: 'signed' as const }, signatures: [signature] };
}

const UNSET = {
  effectiveDate: null,
  term: null,
  termMonths: null,
  escalation: { to: '', withinDays: null, remedy: '' },
  amendmentNotes: '',
  confidentiality: { required: null, text: '' },
};

describe('model migration 4 (terms)', () => {
  it('gives an agreement written before every clause unset, and the result is a valid current agreement', () => {
    const v3 = v3Agreement();
    const out = agreementSchema.parse(m004.agreement(structuredClone(v3)).agreement);
    expect(out.terms).toEqual(UNSET);
    expect({ ...out, terms: undefined }).toEqual({ ...v3, terms: undefined });
  });

  it('keeps what a signature covers: a version signed with form 1 hashes exactly as before', () => {
    const v3 = v3Agreement();
    const out = agreementSchema.parse(m004.agreement(structuredClone(v3)).agreement);
    expect(out.signatures[0]?.canonicalVersion).toBe(1);
    expect(canonicalAgreementJson(out)).toBe(canonicalAgreementJson(v3 as unknown as typeof out, 1));
    expect(canonicalAgreementJson(out)).not.toContain('"terms"');
  });

  it('leaves terms that are already there (and anything it does not know) for the schema to judge', () => {
    const terms = { ...UNSET, effectiveDate: '2026-04-01', extra: 1 };
    expect(m004.agreement({ ...v3Agreement(), terms }).agreement).toMatchObject({ terms });
    expect(agreementSchema.safeParse(m004.agreement({ ...v3Agreement(), terms }).agreement).success).toBe(false);
  });

  it('hands on what is not an agreement untouched', () => {
    expect(m004.agreement([1]).agreement).toEqual([1]);
    expect(m004.agreement(null).agreement).toBeNull();
  });

  it('upgrades a stored version-3 row the same way', () => {
    const { agreement } = upgradeStoredAgreement(v3Agreement(), 3);
    expect(agreement.terms).toEqual(UNSET);
  });
});
