import { describe, expect, it } from 'vitest';
import { openDocx, plainSpaces } from '../../../../test/support/docx';
import { signedExample } from '../../../../test/support/signedExample';
import { createTranslator } from '../../../shared/i18n';
import type { Agreement, Language } from '../../../shared/model/schema';
import { shortFingerprint } from '../../../shared/signing/signers';
import { fingerprintOf } from '../signing/fingerprint';
import { exportDocx } from './exportDocx';
import { groupedFingerprint } from './signatureRecord';

const now = new Date('2026-03-10T12:00:00Z');
const THUMBPRINT = 'c0ffee'.repeat(10) + 'abcd';
const exported = async (agreement: Agreement, seal: { thumbprint: string; subject: string } | null = null) =>
  openDocx((await exportDocx(agreement, { appVersion: '9.9.9', now, seal })).bytes);

describe.each<Language>(['en', 'es'])('the Word structure of the document (%s)', (lang) => {
  const t = createTranslator(lang);

  it('stores every page number it shows and leaves no field for Word to update', async () => {
    const d = await exported(signedExample(lang, { signers: 4 }));
    const body = await d.text('word/document.xml');
    expect(body).not.toContain('w:dirty');
    expect(await d.text('word/settings.xml')).not.toContain('updateFields');
    const refs = [...body.matchAll(/<w:fldSimple w:instr="PAGEREF (sla_\w+) \\h"><w:r><w:t[^>]*>(\d+)<\/w:t>/g)];
    // The 10 sections of the example (parties, 7 steps, decisions, parking lot), the signatures and the record.
    expect(refs).toHaveLength(12);
    const pages = refs.map((r) => Number(r[2]));
    expect(pages[0]).toBe(3);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages); // in reading order
    for (const [, bookmark] of refs) expect(body).toContain(`w:name="${bookmark}"`);
    for (const footer of d.names.filter((n) => /^word\/footer\d+\.xml$/.test(n))) expect(await d.text(footer)).not.toContain('w:dirty');
    // The record is one page long here: the last page is the one it starts on.
    expect(await d.text('docProps/app.xml')).toContain(`<Pages>${pages[pages.length - 1]}</Pages>`);
  });

  it('uses Word’s built-in heading styles with outline levels, and names its fonts with their fallbacks', async () => {
    const d = await exported(signedExample(lang));
    const styles = await d.text('word/styles.xml');
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>.*?</w:style>`).exec(styles)?.[0];
      expect(style, `heading ${level}`).toBeDefined();
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    expect(styles).not.toContain('w:val="Heading 1"');
    const body = await d.text('word/document.xml');
    expect(body.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBeGreaterThanOrEqual(13);
    const fonts = await d.text('word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="Calibri"><w:altName w:val="Carlito"\/>/);
    expect(fonts).toContain('<w:font w:name="Consolas">');
  });

  it('fills the document properties: title, subject, keywords, language, version and company', async () => {
    const agreement = signedExample(lang);
    const d = await exported(agreement);
    const core = await d.text('docProps/core.xml');
    expect(core).toContain(`<dc:title>${agreement.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${t('document.cover.kicker')}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${t('document.properties.keywords')}</cp:keywords>`);
    expect(core).toContain(`<dc:language>${lang === 'en' ? 'en-US' : 'es-ES'}</dc:language>`);
    expect(core).toContain('<cp:version>1</cp:version>');
    expect(core).toContain('2026-03-10T12:00:00Z');
    expect(await d.text('docProps/app.xml')).toContain('<Company>Nortia Analytics</Company>');
  });

  it('gives the cover no running header or footer', async () => {
    const d = await exported(signedExample(lang));
    const body = await d.text('word/document.xml');
    expect(body).toContain('<w:titlePg/>');
    const first = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(body)?.[1];
    const rels = await d.text('word/_rels/document.xml.rels');
    const target = new RegExp(`Id="${first}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${first}"`).exec(rels)?.[1];
    expect(target).toBeDefined();
    expect((await d.paragraphs(`word/${target}`)).join('')).toBe('');
  });

  it('has leaders sign for their team and others as witnesses, each with a place-and-date line', async () => {
    const agreement = signedExample(lang, { signers: 4 });
    const body = (await (await exported(agreement)).paragraphs('word/document.xml')).map(plainSpaces);
    const team = (key: 'marketing' | 'sales') => t(`common.teams.${key}`);
    expect(body).toContain(t('document.signatures.capacity.leader', { team: team('marketing') }));
    expect(body).toContain(t('document.signatures.capacity.leader', { team: team('sales') }));
    expect(body).toContain(t('document.signatures.capacity.member', { team: team('sales') }));
    expect(body).toContain(t('document.signatures.capacity.facilitator'));
    expect(body.filter((p) => p === t('document.signatures.placeDate'))).toHaveLength(4);
  });

  it('shows the job title a signer signed with everywhere, not the one on the participant list', async () => {
    const base = signedExample(lang);
    const agreement = { ...base, signatures: base.signatures.map((s, i) => (i === 0 ? { ...s, jobTitle: 'Chief Revenue Officer' } : s)) };
    const body = (await (await exported(agreement)).paragraphs('word/document.xml')).map(plainSpaces);
    const signer = agreement.signatures[0]!;
    const listed = agreement.participants.find((p) => p.id === signer.participantId)!.jobTitle;
    expect(body).toContain(`${signer.name}, Chief Revenue Officer`); // cover
    expect(body.filter((p) => p === 'Chief Revenue Officer').length).toBeGreaterThanOrEqual(2); // signature block and record
    expect(body).not.toContain(`${signer.name}, ${listed}`);
  });
});

describe('the record page', () => {
  it('states the seal’s certificate and thumbprint, and gives no command line', async () => {
    const t = createTranslator('en');
    const d = await exported(signedExample('en'), { thumbprint: THUMBPRINT, subject: 'CN=Nortia Analytics' });
    const body = (await d.paragraphs('word/document.xml')).map(plainSpaces);
    expect(body).toContain(t('document.record.sealed', { subject: 'CN=Nortia Analytics' }));
    expect(body).toContain(groupedFingerprint(THUMBPRINT));
    expect(body.join('\n')).not.toMatch(/sla-workshop verify|\.docx/);
    const unsealed = (await (await exported(signedExample('en'))).paragraphs('word/document.xml')).map(plainSpaces);
    expect(unsealed).toContain(t('document.record.notSealed'));
  });

  it('shows no fingerprint anywhere in a draft, and says why', async () => {
    const draft = signedExample('es', { signed: 0 });
    const d = await exported(draft);
    const fingerprint = fingerprintOf(draft);
    const parts = ['word/document.xml', ...d.names.filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n))];
    for (const part of parts) {
      const text = (await d.paragraphs(part)).join('\n');
      expect(text, part).not.toContain(shortFingerprint(fingerprint));
      expect(text, part).not.toContain(groupedFingerprint(fingerprint).slice(0, 19));
    }
    expect((await d.paragraphs('word/document.xml')).map(plainSpaces)).toContain(createTranslator('es')('document.record.draftFingerprint'));
  });

  it('names the signing device as recorded with each signature', async () => {
    const agreement = signedExample('en', { signers: 4 });
    const body = (await (await exported(agreement)).paragraphs('word/document.xml')).map(plainSpaces);
    for (const s of agreement.signatures) expect(body).toContain(s.device);
  });
});
