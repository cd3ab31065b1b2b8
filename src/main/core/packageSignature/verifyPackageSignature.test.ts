import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDocx } from '../../../../test/packageSignature/sampleDocx';
import { createInstallationIdentity } from './keys/createInstallationIdentity';
import type { SigningIdentity } from './keys/identity';
import type { PackageSignatureReport } from './report';
import { signPackage } from './signPackage';
import { verifyPackageSignature } from './verifyPackageSignature';

let identity: SigningIdentity;
let signed: Uint8Array;

beforeAll(async () => {
  identity = await createInstallationIdentity('Acme');
  signed = await signPackage(await sampleDocx(), identity, { comment: 'test' });
});

async function edited(edit: (zip: JSZip) => unknown): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(signed);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const text = async (zip: JSZip, name: string) => (await zip.file(name)?.async('string')) ?? '';
const codes = (report: PackageSignatureReport) => (report.status === 'none' ? [] : report.problems.map((p) => p.code));
const SIG = '_xmlsignatures/sig1.xml';

describe('verifying a package signature', () => {
  it('says none for a package that announces no signature, even if signature parts linger', async () => {
    expect(await verifyPackageSignature(await sampleDocx())).toEqual({ status: 'none' });
    const unannounced = await edited(async (zip) =>
      zip.file('_rels/.rels', (await text(zip, '_rels/.rels')).replace(/<Relationship [^>]*digital-signature\/origin"[^>]*\/>/, '')),
    );
    expect(await verifyPackageSignature(unannounced)).toEqual({ status: 'none' });
  });

  it('finds a changed content type although [Content_Types].xml is unsigned', async () => {
    const report = await verifyPackageSignature(
      await edited(async (zip) => zip.file('[Content_Types].xml', (await text(zip, '[Content_Types].xml')).replace('image/png', 'image/x-other'))),
    );
    expect(codes(report)).toContain('content_type_mismatch');
    expect(report.status).toBe('invalid');
  });

  it('finds parts and relationships added after signing', async () => {
    const addedPart = await verifyPackageSignature(await edited((zip) => void zip.file('word/extra.xml', '<x/>')));
    expect(codes(addedPart)).toEqual(['unsigned_part']);
    const addedRelationship = await verifyPackageSignature(
      await edited(async (zip) =>
        zip.file(
          'word/_rels/document.xml.rels',
          (await text(zip, 'word/_rels/document.xml.rels')).replace(
            '</Relationships>',
            '<Relationship Id="rIdNew" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument" Target="styles.xml"/></Relationships>',
          ),
        ),
      ),
    );
    expect(codes(addedRelationship)).toEqual(['unsigned_relationship']);
  });

  it('finds a retargeted hyperlink, even one whose target needs escaping', async () => {
    const report = await verifyPackageSignature(
      await edited(async (zip) =>
        zip.file(
          'word/_rels/document.xml.rels',
          (await text(zip, 'word/_rels/document.xml.rels')).replace('https://example.com/sla', 'https://evil.example/?a=1&amp;b=2'),
        ),
      ),
    );
    expect(codes(report)).toEqual(['reference_digest']);
  });

  it('refuses a signature wrapped around a second element with a signed Id, and an unsigned manifest', async () => {
    const wrapped = await verifyPackageSignature(
      await edited(async (zip) =>
        zip.file(SIG, (await text(zip, SIG)).replace('</Signature>', '<Object><Manifest Id="idPackageObject"/></Object></Signature>')),
      ),
    );
    expect(wrapped.status).toBe('invalid');
    expect(codes(wrapped)).toEqual(['unreadable_signature']);
    const moved = await verifyPackageSignature(
      await edited(async (zip) => zip.file(SIG, (await text(zip, SIG)).replace('URI="#idPackageObject"', 'URI="#idOfficeObject"'))),
    );
    expect(codes(moved)).toContain('no_manifest');
    expect(codes(moved)).toContain('signature_value');
  });

  it('refuses a signature part with a DTD, and one made with another certificate in KeyInfo', async () => {
    const dtd = await verifyPackageSignature(
      await edited(async (zip) => zip.file(SIG, (await text(zip, SIG)).replace('<Signature', '<!DOCTYPE Signature [<!ENTITY x "y">]><Signature'))),
    );
    expect(codes(dtd)).toEqual(['unreadable_signature']);
    const other = await createInstallationIdentity('Mallory');
    const otherDer = other.certificatePem.replace(/-----[^-]+-----|\s/g, '');
    const swapped = await verifyPackageSignature(
      await edited(async (zip) =>
        zip.file(SIG, (await text(zip, SIG)).replace(/<X509Certificate>[^<]+<\/X509Certificate>/, `<X509Certificate>${otherDer}</X509Certificate>`)),
      ),
    );
    expect(codes(swapped)).toEqual(expect.arrayContaining(['signing_certificate_mismatch', 'signature_value']));
  });

  it('never throws, whatever the bytes', async () => {
    expect((await verifyPackageSignature(new Uint8Array())).status).toBe('invalid');
    expect(codes(await verifyPackageSignature(Buffer.from('PK\u0003\u0004 not really')))).toEqual(['unreadable_package']);
    const sig = await text(await JSZip.loadAsync(signed), SIG);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sig.length - 1 }), fc.string({ maxLength: 8 }), async (at, insert) => {
        const report = await verifyPackageSignature(await edited((zip) => void zip.file(SIG, sig.slice(0, at) + insert + sig.slice(at + 1))));
        expect(['valid', 'invalid']).toContain(report.status);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect(['none', 'invalid']).toContain((await verifyPackageSignature(bytes)).status);
      }),
      { numRuns: 100 },
    );
  });
});
