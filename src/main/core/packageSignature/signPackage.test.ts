import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDocx } from '../../../../test/packageSignature/sampleDocx';
import { AppError } from '../../../shared/api/errors';
import { CONTENT_TYPE, RELATIONSHIP_TYPE } from './constants';
import { readContentTypes } from './contentTypes';
import { createInstallationIdentity } from './keys/createInstallationIdentity';
import type { SigningIdentity } from './keys/identity';
import { readRelationships } from './relationships';
import { certificateThumbprint } from './certificate';
import { signPackage } from './signPackage';
import { verifyPackageSignature } from './verifyPackageSignature';

const now = new Date('2026-03-10T12:00:00Z');
let identity: SigningIdentity;
let docx: Buffer;
let signed: Uint8Array;

beforeAll(async () => {
  identity = await createInstallationIdentity('Acme Marketing', new Date('2026-01-01T00:00:00Z'));
  docx = await sampleDocx();
  signed = await signPackage(docx, identity, { comment: 'Signed by Ana García & Ben Ruiz\r\nfingerprint sha256:00ff', now });
});

const text = async (bytes: Uint8Array, name: string) => (await (await JSZip.loadAsync(bytes)).file(name)?.async('string')) ?? null;

describe('signing a package', () => {
  it('gives a package our verifier finds valid, naming the certificate, the time and the comment', async () => {
    const report = await verifyPackageSignature(signed);
    expect(report).toMatchObject({
      status: 'valid',
      problems: [],
      subject: 'CN=Acme Marketing, O=Acme Marketing',
      selfSigned: true,
      thumbprint: certificateThumbprint(identity.certificatePem),
      signingTime: '2026-03-10T12:00:00Z',
      comment: 'Signed by Ana García & Ben Ruiz\nfingerprint sha256:00ff',
    });
  });

  it('signs every part except the content types, core.xml and app.xml, relationships through the transform', async () => {
    const report = await verifyPackageSignature(signed);
    if (report.status === 'none') throw new Error('not signed');
    const manifest = report.references.filter((r) => r.kind === 'manifest').map((r) => r.uri.split('?')[0]);
    const zip = await JSZip.loadAsync(docx);
    const expected = Object.keys(zip.files)
      .filter((name) => !['[Content_Types].xml', 'docProps/core.xml', 'docProps/app.xml'].includes(name))
      .map((name) => `/${name}`)
      .sort();
    expect(manifest.sort()).toEqual(expected);
    expect(report.references.filter((r) => r.kind === 'signedInfo').map((r) => r.uri)).toEqual(['#idPackageObject', '#idOfficeObject', '#idSignedProperties']);
    const sig = (await text(signed, '_xmlsignatures/sig1.xml')) ?? '';
    // The package relationships keep the document and custom properties, not core/app properties nor the origin.
    expect(sig).toMatch(
      /\/_rels\/\.rels\?ContentType=[^"]+"><Transforms><Transform Algorithm="http:\/\/schemas.openxmlformats.org\/package\/2006\/RelationshipTransform"><mdssi:RelationshipReference [^>]*SourceId="rId1"\/><mdssi:RelationshipReference [^>]*SourceId="rId4"\/><\/Transform>/,
    );
  });

  it('announces the signature as Word does: origin relationship, origin part, signature relationship, content types', async () => {
    const packageRels = readRelationships((await text(signed, '_rels/.rels')) ?? '');
    expect(packageRels.find((r) => r.type === RELATIONSHIP_TYPE.origin)?.target).toBe('_xmlsignatures/origin.sigs');
    expect(await text(signed, '_xmlsignatures/origin.sigs')).toBe('');
    expect(readRelationships((await text(signed, '_xmlsignatures/_rels/origin.sigs.rels')) ?? '')).toEqual([
      { id: 'rId1', type: RELATIONSHIP_TYPE.signature, target: 'sig1.xml', external: false },
    ]);
    const types = readContentTypes((await text(signed, '[Content_Types].xml')) ?? '');
    expect(types.of('_xmlsignatures/origin.sigs')).toBe(CONTENT_TYPE.origin);
    expect(types.of('_xmlsignatures/sig1.xml')).toBe(CONTENT_TYPE.signature);
    expect(Object.keys((await JSZip.loadAsync(signed)).files).filter((name) => name.endsWith('/'))).toEqual([]);
  });

  it('adds a second signature beside the first, and both stay valid', async () => {
    const second = await createInstallationIdentity('Second Org');
    const twice = await signPackage(signed, second, { comment: 'again', now });
    const report = await verifyPackageSignature(twice);
    expect(report.status).toBe('valid');
    if (report.status === 'none') return;
    expect(report.signatures.map((s) => [s.part, s.subject])).toEqual([
      ['_xmlsignatures/sig1.xml', 'CN=Acme Marketing, O=Acme Marketing'],
      ['_xmlsignatures/sig2.xml', 'CN=Second Org, O=Second Org'],
    ]);
  });

  it('refuses a key that is not the certificate’s, and a file that is not a package, with typed errors', async () => {
    const other = await createInstallationIdentity('Other');
    const mismatch = await signPackage(docx, { ...identity, privateKeyPem: other.privateKeyPem }, { comment: '' }).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(AppError);
    expect((mismatch as AppError).params?.reason).toBe('key_certificate_mismatch');
    const notZip = await signPackage(Buffer.from('not a zip'), identity, { comment: '' }).catch((e: unknown) => e);
    expect([(notZip as AppError).kind, (notZip as AppError).params?.reason]).toEqual(['invalid_file', 'bad_package']);
    const notPackage = await signPackage(await new JSZip().file('a.txt', 'x').generateAsync({ type: 'uint8array' }), identity, { comment: '' }).catch(
      (e: unknown) => e,
    );
    expect((notPackage as AppError).params?.reason).toBe('bad_package');
  });
});
