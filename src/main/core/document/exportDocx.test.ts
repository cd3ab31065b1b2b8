import { describe, expect, it } from 'vitest';
import { openDocx, parseXmlStrict, plainSpaces } from '../../../../test/support/docx';
import { signedExample } from '../../../../test/support/signedExample';
import { buildOutline } from '../../../shared/document/outline';
import { createTranslator } from '../../../shared/i18n';
import { createExample } from '../../../shared/model/example';
import type { Agreement, Language } from '../../../shared/model/schema';
import { canonicalAgreementJson } from '../../../shared/signing/canonical';
import { diffAgreements } from '../../../shared/signing/diff';
import { shortFingerprint } from '../../../shared/signing/signers';
import { fingerprintOf, sha256Hex } from '../signing/fingerprint';
import { parseEmbeddedXml, EMBEDDED_NAMESPACE } from './embeddedData';
import { exportDocx } from './exportDocx';

const now = new Date('2026-03-10T12:00:00Z');
const exported = async (agreement: Agreement, lang?: Language) =>
  openDocx((await exportDocx(agreement, { appVersion: '9.9.9', now, ...(lang ? { lang } : {}) })).bytes);
const pngOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

describe.each<[Language, string[]]>([
  ['en', ['$200,000', '$12,500', '200–400 per month', 'At least 8%', 'Tuesday, September 1, 2026']],
  ['es', ['200.000 €', '12.500 €', '200–400 al mes', 'Al menos 8 %', 'martes, 1 de septiembre de 2026']],
])('the Word document of the signed example in %s', (lang, figures) => {
  const agreement = signedExample(lang);
  const t = createTranslator(lang);
  const docx = exported(agreement);

  it('has every section heading, the contents, the signature page and the record', async () => {
    const d = await docx;
    const body = (await d.paragraphs('word/document.xml')).map(plainSpaces);
    const headings = [
      ...buildOutline(agreement, lang).sections.map((s) => (s.number ? `${s.number}\u2002${s.heading}` : s.heading)),
      t('document.headings.contents'),
      t('document.headings.signatures'),
      t('document.headings.record'),
    ];
    for (const heading of headings) expect(body, heading).toContain(heading);
    expect(body).toContain(t('document.cover.kicker').toUpperCase());
  });

  it('shows the example’s numbers, formatted for its language', async () => {
    const body = (await (await docx).paragraphs('word/document.xml')).map(plainSpaces);
    for (const figure of figures) expect(body).toContain(figure);
    // The monthly targets: leads, MQLs, SQLs as the methodology sets them.
    for (const n of ['500', '200', '100']) expect(body).toContain(n);
  });

  it('carries each drawn signature as a picture, with the signer’s name and date', async () => {
    const d = await docx;
    const media = d.names.filter((n) => n.startsWith('word/media/'));
    const digests = await Promise.all(media.map(async (n) => sha256Hex(await d.zip.file(n)!.async('uint8array'))));
    for (const s of agreement.signatures) expect(digests).toContain(sha256Hex(pngOf(s.image)));
    const body = (await d.paragraphs('word/document.xml')).join('\n');
    for (const s of agreement.signatures) expect(body).toContain(s.name);
  });

  it('prints version, short fingerprint and page X of Y in the footer, and no draft mark once signed', async () => {
    const d = await docx;
    const footers = d.names.filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    const footer = (await d.paragraphs(footers[0]!)).join('\n');
    expect(footer).toContain(shortFingerprint(fingerprintOf(agreement)));
    expect(footer).toContain(t('document.header.version', { version: 1 }));
    const xml = await d.text(footers[0]!);
    expect(xml).toContain('PAGE');
    expect(xml).toContain('NUMPAGES');
    const header = (await d.paragraphs(d.names.find((n) => /^word\/header\d+\.xml$/.test(n))!)).join('\n');
    expect(header).not.toContain(t('document.mark.draft'));
  });

  it('embeds the canonical agreement, which hashes to the fingerprint the signatures carry', async () => {
    const d = await docx;
    const item = d.names.find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
    const data = parseEmbeddedXml(await d.text(item));
    expect(data.agreement).toBe(canonicalAgreementJson(agreement));
    expect(sha256Hex(data.agreement)).toBe(data.fingerprint);
    expect(data.fingerprint).toBe(agreement.signatures[0]?.fingerprint);
    expect(data.record.signatures.map((s) => s.name)).toEqual(agreement.signatures.map((s) => s.name));
    expect(data.record.language).toBe(lang);
    // Rules v2: every part but the embedded one, docProps/*, the content types and the package relationships.
    expect(data.rules).toBe(2);
    if (data.rules !== 2) return;
    const expected = d.names.filter((n) => n !== item && !n.startsWith('docProps/') && n !== '[Content_Types].xml' && n !== '_rels/.rels').sort();
    expect(data.record.parts.map((p) => p.name)).toEqual(expected);
    expect(data.record.parts.find((p) => p.name === 'word/document.xml')?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    );
    expect(data.record.seal).toBeNull();
    // Related from the main document, typed in [Content_Types].xml, with its properties part.
    expect(await d.text('word/_rels/document.xml.rels')).toContain(`Target="../${item}"`);
    expect(await d.text('[Content_Types].xml')).toContain(`/customXml/itemProps`);
    expect(await d.text(item.replace('item', 'itemProps'))).toContain(EMBEDDED_NAMESPACE);
  });

  it('is made of well-formed XML parts only', async () => {
    const d = await docx;
    for (const name of d.names.filter((n) => /\.(xml|rels)$/.test(n))) parseXmlStrict(await d.text(name));
  });
});

describe('an unsigned or partly signed document', () => {
  it('marks a draft on every page and says it is not signed', async () => {
    const d = await exported(createExample('en', now));
    const header = (await d.paragraphs(d.names.find((n) => /^word\/header\d+\.xml$/.test(n))!)).join('\n');
    expect(header).toContain('DRAFT — NOT SIGNED');
    const footer = (await d.paragraphs(d.names.find((n) => /^word\/footer\d+\.xml$/.test(n))!)).join('\n');
    expect(footer).toContain('Version 1 · Not signed');
    const body = await d.paragraphs('word/document.xml');
    expect(body).toContain('DRAFT — NOT SIGNED'); // on the cover too
    expect(body.filter((p) => p === 'Awaiting signature')).toHaveLength(2);
    expect(d.names.some((n) => n.startsWith('word/media/'))).toBe(false);
  });

  it('says how many signatures it is still waiting for', async () => {
    const d = await exported(signedExample('es', { signed: 1 }));
    const header = (await d.paragraphs(d.names.find((n) => /^word\/header\d+\.xml$/.test(n))!)).join('\n');
    expect(header).toContain('PENDIENTE DE FIRMAS (1 DE 2)');
    const body = await d.paragraphs('word/document.xml');
    expect(body).toContain('Pendiente de firma');
  });
});

describe('the export', () => {
  it('names the file after the title and can write the document in another language', async () => {
    const agreement = createExample('es', now);
    const { fileName, bytes } = await exportDocx(agreement, { appVersion: '1', lang: 'en', now });
    expect(fileName).toBe('SLA-Marketing-Ventas-2027.docx');
    const body = await (await openDocx(bytes)).paragraphs('word/document.xml');
    expect(body).toContain('3\u2002Goals');
    expect(body).toContain(agreement.lifecycle.stages[1]?.definition);
  });

  it('lists what changed since the signed version when given the changes', async () => {
    const before = signedExample('en');
    const after: Agreement = {
      ...structuredClone(before),
      signatures: [],
      meta: { ...before.meta, id: 'v2', version: 2, amendsId: before.meta.id, status: 'draft' },
    };
    after.protocol.contactAttempts = 8;
    const changes = diffAgreements(before, after);
    const body = await (await openDocx((await exportDocx(after, { appVersion: '1', now, changes, baseVersion: 1 })).bytes)).paragraphs('word/document.xml');
    expect(body).toContain('Changes since version 1');
    expect(body.some((p) => p.includes('“6” → “8”'))).toBe(true);
  });

  it('keeps the XML well-formed whatever characters the agreement holds', async () => {
    const agreement = createExample('en', now);
    agreement.meta.title = 'Q3 <SLA> & “more”\u0001\u0007 \uD800 😀';
    agreement.goals.basis = 'Line one\r\nLine two\u000b\u001f\n\n\nLine three';
    const { bytes } = await exportDocx(agreement, { appVersion: '1', now });
    const d = await openDocx(bytes);
    for (const name of d.names.filter((n) => /\.(xml|rels)$/.test(n))) parseXmlStrict(await d.text(name));
    const body = await d.paragraphs('word/document.xml');
    expect(body).toContain('Q3 <SLA> & “more”  😀');
    expect(body).toEqual(expect.arrayContaining(['Line one', 'Line two', 'Line three']));
  });
});
