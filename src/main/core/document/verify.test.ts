import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { signaturePng, signedExample } from '../../../../test/support/signedExample';
import { createExample } from '../../../shared/model/example';
import type { Agreement } from '../../../shared/model/schema';
import { sha256Hex } from '../signing/fingerprint';
import { exportDocx } from './exportDocx';
import { verifyDocx } from './verify';

const now = new Date('2026-03-10T12:00:00Z');
const exportOf = async (agreement: Agreement) => (await exportDocx(agreement, { appVersion: '1', now })).bytes;

/** The same document with some parts rewritten (or removed, with `null`). */
async function tamper(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const ITEM = 'customXml/item1.xml';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/** Rewrites one base64 payload (`agreement` or `record`) of the embedded part. */
async function editPayload(zip: JSZip, element: 'agreement' | 'record', edit: (json: string) => string): Promise<void> {
  const xml = await zip.file(ITEM)!.async('string');
  const re = new RegExp(`(<${element}[^>]*>)([^<]*)(</${element}>)`);
  zip.file(
    ITEM,
    xml.replace(re, (_, open: string, body: string, close: string) => `${open}${b64(edit(unb64(body)))}${close}`),
  );
}

describe('verifying an exported document', () => {
  let signed: Uint8Array;
  let agreement: Agreement;
  beforeAll(async () => {
    agreement = signedExample('en');
    signed = await exportOf(agreement);
  });

  it('matches when untouched, naming the agreement and its signatures', async () => {
    const report = await verifyDocx(signed);
    expect(report).toMatchObject({ status: 'match', title: agreement.meta.title, version: 1, fingerprint: agreement.signatures[0]?.fingerprint, signers: 2 });
    expect(report.status === 'match' && report.signatures.map((s) => s.name)).toEqual(['Laura Méndez', 'Daniel Ortega']);
  });

  it('catches edited embedded data', async () => {
    const edited = await tamper(signed, (zip) => editPayload(zip, 'agreement', (json) => json.replace('"monthly":500', '"monthly":50')));
    expect(await verifyDocx(edited)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'data_changed' }] });
  });

  it('catches a changed fingerprint', async () => {
    const edited = await tamper(signed, async (zip) => {
      const xml = await zip.file(ITEM)!.async('string');
      zip.file(ITEM, xml.replace(/<fingerprint([^>]*)>[0-9a-f]{64}</, `<fingerprint$1>${'0'.repeat(64)}<`));
    });
    expect(await verifyDocx(edited)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'fingerprint_mismatch', where: 'record' }] });
  });

  it('catches a signature that carries another fingerprint', async () => {
    const edited = await tamper(signed, (zip) =>
      editPayload(zip, 'record', (json) => {
        const record = JSON.parse(json) as { signatures: { fingerprint: string }[] };
        record.signatures[1]!.fingerprint = 'f'.repeat(64);
        return JSON.stringify(record);
      }),
    );
    expect(await verifyDocx(edited)).toMatchObject({
      status: 'mismatch',
      problems: [{ kind: 'fingerprint_mismatch', where: 'signature', name: 'Daniel Ortega' }],
    });
  });

  it('catches a signature removed from the embedded record, naming the signer', async () => {
    const edited = await tamper(signed, (zip) =>
      editPayload(zip, 'record', (json) => {
        const record = JSON.parse(json) as { signatures: { name: string }[] };
        record.signatures = record.signatures.filter((s) => s.name !== 'Daniel Ortega');
        return JSON.stringify(record);
      }),
    );
    expect(await verifyDocx(edited)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'signature_missing', name: 'Daniel Ortega' }] });
  });

  it('catches a signature picture deleted from the document, or replaced', async () => {
    const parts = Object.keys((await JSZip.loadAsync(signed)).files).filter((n) => n.startsWith('word/media/'));
    expect(parts).toHaveLength(2);
    const removed = await tamper(signed, async (zip) => void zip.remove(parts[1]!));
    expect(await verifyDocx(removed)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'signature_image_missing', name: 'Daniel Ortega' }] });
    const replaced = await tamper(signed, async (zip) => void zip.file(parts[0]!, signaturePng(42)));
    expect(await verifyDocx(replaced)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'signature_image_changed', name: 'Laura Méndez' }] });
  });

  it('catches text edited in the body after export', async () => {
    const edited = await tamper(signed, async (zip) => {
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace('At least 500 per month', 'At least 50 per month'));
    });
    expect(await verifyDocx(edited)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'document_modified', part: 'word/document.xml' }] });
  });

  it('reports a draft as not signed, and a partly signed document by who is missing', async () => {
    expect(await verifyDocx(await exportOf(createExample('es', now)))).toMatchObject({ status: 'mismatch', problems: [{ kind: 'not_signed' }] });
    expect(await verifyDocx(await exportOf(signedExample('es', { signed: 1 })))).toMatchObject({
      status: 'mismatch',
      problems: [{ kind: 'signature_missing', name: 'Daniel Ortega' }],
    });
  });
});

describe('verifying something that is not our document', () => {
  it('says a text file, a truncated file and an empty file are unreadable', async () => {
    const signed = await exportOf(signedExample('en'));
    expect(await verifyDocx(Buffer.from('{"format":"sla-workshop"}'))).toEqual({ status: 'unreadable', reason: 'not_zip' });
    expect(await verifyDocx(signed.subarray(0, Math.floor(signed.length / 2)))).toEqual({ status: 'unreadable', reason: 'not_zip' });
    expect(await verifyDocx(new Uint8Array())).toEqual({ status: 'unreadable', reason: 'not_zip' });
  });

  it('says a random zip is not a Word document, and a Word document without our data has none', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    expect(await verifyDocx(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ status: 'unreadable', reason: 'not_docx' });
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hello')] }] }));
    expect(await verifyDocx(plain)).toEqual({ status: 'unreadable', reason: 'no_embedded_data' });
  });

  it('says garbled embedded data is damaged, never crashing', async () => {
    const signed = await exportOf(signedExample('en'));
    const garble = async (edit: (xml: string) => string) =>
      verifyDocx(await tamper(signed, async (zip) => void zip.file(ITEM, edit(await zip.file(ITEM)!.async('string')))));
    const cases = [
      (xml: string) => xml.replace('</signedAgreement>', ''),
      (xml: string) => xml.replace(/<record([^>]*)>[^<]*</, '<record$1>@@not base64@@<'),
      (xml: string) => xml.replace(/<record([^>]*)>[^<]*</, `<record$1>${b64('{"signatures": 5}')}<`),
      // Consistent, but what was hashed is not an agreement at all.
      (xml: string) =>
        xml
          .replace(/<agreement([^>]*)>[^<]*</, `<agreement$1>${b64('not json')}<`)
          .replace(/<fingerprint([^>]*)>[0-9a-f]{64}</, `<fingerprint$1>${sha256Hex('not json')}<`),
      (xml: string) => xml.replace('formatVersion="2"', 'formatVersion="7"'),
      (xml: string) => xml.replace(/<fingerprint[^>]*>[0-9a-f]{64}<\/fingerprint>/, ''),
    ];
    for (const edit of cases) expect(await garble(edit)).toEqual({ status: 'unreadable', reason: 'bad_embedded_data' });
    // Data replaced by something else entirely no longer hashes to the fingerprint: that is changed data.
    expect(await garble((xml) => xml.replace(/<agreement([^>]*)>[^<]*</, `<agreement$1>${b64('not json')}<`))).toMatchObject({
      status: 'mismatch',
      problems: [{ kind: 'data_changed' }],
    });
  });
});
