import { beforeAll, describe, expect, it } from 'vitest';
import { readerVisibleTampering, removeSeal, rezip } from '../../../../test/support/docxTamper';
import { signedExample } from '../../../../test/support/signedExample';
import type { Agreement } from '../../../shared/model/schema';
import { certificateThumbprint, createInstallationIdentity, type SigningIdentity } from '../packageSignature';
import { digitallySign } from './digitalSignature';
import { exportDocx } from './exportDocx';
import { verifyDocx } from './verify';

const now = new Date('2026-03-10T12:00:00Z');

/** What each edit is reported as, under rules v2. */
const EXPECTED: Record<keyof typeof readerVisibleTampering, { kind: string; part: string }> = {
  styles_hide_all_text: { kind: 'document_modified', part: 'word/styles.xml' },
  numbering_text_changed: { kind: 'document_modified', part: 'word/numbering.xml' },
  signer_image_relationship_swapped: { kind: 'document_modified', part: 'word/_rels/document.xml.rels' },
  part_added: { kind: 'part_added', part: 'word/media/extra.png' },
  content_type_changed: { kind: 'content_type_changed', part: 'word/document.xml' },
  package_relationship_retargeted: { kind: 'document_modified', part: '_rels/.rels' },
  body_text_changed: { kind: 'document_modified', part: 'word/document.xml' },
  settings_changed: { kind: 'document_modified', part: 'word/settings.xml' },
};

let agreement: Agreement;
let identity: SigningIdentity;
let unsealed: Uint8Array;
let sealed: Uint8Array;

async function sealedExport(by: SigningIdentity): Promise<Uint8Array> {
  const { bytes } = await exportDocx(agreement, { appVersion: '1', now, seal: { thumbprint: certificateThumbprint(by.certificatePem) } });
  return digitallySign(bytes, agreement, 'en', by, now);
}

beforeAll(async () => {
  agreement = signedExample('en');
  identity = await createInstallationIdentity('Nortia Analytics', now);
  unsealed = (await exportDocx(agreement, { appVersion: '1', now })).bytes;
  sealed = await sealedExport(identity);
});

describe('rules v2: everything a reader sees is covered', () => {
  it('an untouched export matches, sealed or not, under rules v2', async () => {
    expect(await verifyDocx(unsealed)).toMatchObject({ status: 'match', rules: 2, problems: [], seal: { status: 'none' } });
    expect(await verifyDocx(sealed)).toMatchObject({
      status: 'match',
      rules: 2,
      problems: [],
      seal: { status: 'valid', thumbprint: certificateThumbprint(identity.certificatePem) },
    });
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('catches %s in an export made without a seal', async (name) => {
    const report = await verifyDocx(await rezip(unsealed, readerVisibleTampering[name]));
    expect(report).toMatchObject({ status: 'mismatch', problems: [EXPECTED[name]] });
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('catches %s in a sealed export whose seal was removed', async (name) => {
    const report = await verifyDocx(
      await rezip(sealed, async (zip) => {
        removeSeal(zip);
        await readerVisibleTampering[name](zip);
      }),
    );
    expect(report.status).toBe('mismatch');
    if (report.status === 'unreadable') return;
    expect(report.problems).toEqual(expect.arrayContaining([{ kind: 'seal_missing' }, EXPECTED[name]]));
  });

  it('a re-zipped copy (same parts, stored without compression) still matches', async () => {
    const zip = await import('jszip').then((m) => m.default.loadAsync(sealed));
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    expect(await verifyDocx(stored)).toMatchObject({ status: 'match' });
  });

  it('editing the document properties (unsigned by design) still matches', async () => {
    const edited = await rezip(sealed, async (zip) => {
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      zip.file('docProps/core.xml', core.replace('</cp:coreProperties>', '<dc:subject>Edited</dc:subject></cp:coreProperties>'));
    });
    expect(await verifyDocx(edited)).toMatchObject({ status: 'match' });
  });
});

describe('rules v2: the seal cannot be stripped or swapped silently', () => {
  it('a removed seal is a difference, not a document without one', async () => {
    expect(await verifyDocx(await rezip(sealed, removeSeal))).toMatchObject({
      status: 'mismatch',
      problems: [{ kind: 'seal_missing' }],
      seal: { status: 'none' },
    });
  });

  it('a seal made again with another key of the same name is caught by its thumbprint', async () => {
    const impostor = await createInstallationIdentity('Nortia Analytics', now);
    const stripped = await rezip(sealed, removeSeal);
    const resealed = await digitallySign(stripped, agreement, 'en', impostor, now);
    const report = await verifyDocx(resealed);
    expect(report).toMatchObject({
      status: 'mismatch',
      problems: [
        { kind: 'seal_certificate_changed', expected: certificateThumbprint(identity.certificatePem), found: certificateThumbprint(impostor.certificatePem) },
      ],
      // The package signature itself is valid, and names the same subject: only the thumbprint tells them apart.
      seal: { status: 'valid', subject: 'CN=Nortia Analytics, O=Nortia Analytics' },
    });
  });

  it('a second signature by someone else beside ours is caught too', async () => {
    const other = await createInstallationIdentity('Someone Else', now);
    const report = await verifyDocx(await digitallySign(sealed, agreement, 'en', other, now));
    expect(report).toMatchObject({ status: 'mismatch', problems: [{ kind: 'seal_certificate_changed', found: certificateThumbprint(other.certificatePem) }] });
  });

  it('a seal added to an export made without one is caught', async () => {
    const report = await verifyDocx(await digitallySign(unsealed, agreement, 'en', identity, now));
    expect(report).toMatchObject({ status: 'mismatch', problems: [{ kind: 'seal_unexpected', found: certificateThumbprint(identity.certificatePem) }] });
  });

  it('a broken seal is a difference with the seal’s own problems', async () => {
    const broken = await rezip(sealed, async (zip) => {
      const xml = (await zip.file('_xmlsignatures/sig1.xml')?.async('string')) ?? '';
      zip.file(
        '_xmlsignatures/sig1.xml',
        xml.replace(/<SignatureValue>(.)/, (_match, first: string) => `<SignatureValue>${first === 'A' ? 'B' : 'A'}`),
      );
    });
    const report = await verifyDocx(broken);
    expect(report).toMatchObject({ status: 'mismatch', problems: [{ kind: 'seal_invalid' }], seal: { status: 'invalid' } });
  });
});
