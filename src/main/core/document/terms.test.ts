import { describe, expect, it } from 'vitest';
import { openDocx, plainSpaces } from '../../../../test/support/docx';
import { signedExample } from '../../../../test/support/signedExample';
import { createFormatter } from '../../../shared/document/format';
import { createTranslator } from '../../../shared/i18n';
import { blankTerms } from '../../../shared/model/defaults';
import type { Agreement, Language } from '../../../shared/model/schema';
import { fingerprintOf } from '../signing/fingerprint';
import { exportDocx } from './exportDocx';

const now = new Date('2026-05-20T12:00:00Z');
const bodyOf = async (agreement: Agreement) =>
  (await (await openDocx((await exportDocx(agreement, { appVersion: '9.9.9', now })).bytes)).paragraphs('word/document.xml')).map(plainSpaces);

describe.each<[Language, string, string[]]>([
  [
    'en',
    'Wednesday, April 1, 2026',
    ['12 months from the effective date', 'Chief Executive Officer', '10 days', 'Lead lists, CRM exports and conversion figures'],
  ],
  [
    'es',
    'miércoles, 1 de abril de 2026',
    ['12 meses desde la entrada en vigor', 'Dirección General', '10 días', 'Los listados de leads, las exportaciones del CRM'],
  ],
])('the terms in the Word document of the signed example in %s', (lang, effective, clauses) => {
  const t = createTranslator(lang);
  const agreement = signedExample(lang);

  it('states every clause: effective date, term, escalation, the amendment rule and its notes, confidentiality', async () => {
    const body = await bodyOf(agreement);
    const all = body.join('\n');
    for (const key of ['title', 'escalationTitle', 'escalationIntro', 'amendmentTitle', 'amendmentRule', 'confidentialityTitle'] as const)
      expect(body, key).toContain(t(`document.terms.${key}`));
    for (const clause of clauses) expect(all, clause).toContain(clause);
    expect(all).toContain(agreement.terms.escalation.remedy);
    expect(all).toContain(agreement.terms.amendmentNotes);
  });

  it('dates the cover with the effective date, and the record page with the export date', async () => {
    const body = await bodyOf(agreement);
    const label = body.indexOf(t('document.cover.effectiveDate'));
    expect(label).toBeGreaterThanOrEqual(0);
    // The cover comes before the contents; its date row holds the effective date, not the day of export.
    expect(label).toBeLessThan(body.indexOf(t('document.headings.contents')));
    expect(body[label + 1]).toBe(effective);
    const exportedOn = plainSpaces(t('document.record.exported', { date: createFormatter(lang, agreement.meta.currency).today(now), version: '9.9.9' }));
    expect(body.indexOf(exportedOn)).toBeGreaterThan(body.indexOf(t('document.headings.record'), label + 1));
  });

  it('says "not set" on the cover when no effective date was set', async () => {
    const draft: Agreement = { ...agreement, terms: { ...agreement.terms, effectiveDate: null }, signatures: [], meta: { ...agreement.meta, status: 'draft' } };
    const body = await bodyOf(draft);
    expect(body[body.indexOf(t('document.cover.effectiveDate')) + 1]).toBe(t('document.notSet'));
  });

  it('leaves the terms out of a version signed before they existed (canonical form 1): its signers never agreed to them', async () => {
    const old: Agreement = { ...agreement, terms: blankTerms() };
    const fingerprint = fingerprintOf(old, 1);
    const signedV1: Agreement = { ...old, signatures: old.signatures.map((s) => ({ ...s, canonicalVersion: 1, fingerprint })) };
    const body = await bodyOf(signedV1);
    expect(body).not.toContain(t('document.terms.escalationTitle'));
    expect(body).not.toContain(t('document.terms.amendmentRule'));
    expect(body).toContain(t('document.cadence.agendaTitle'));
  });
});
