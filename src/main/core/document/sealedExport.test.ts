import { beforeAll, describe, expect, it } from 'vitest';
import { signedExample } from '../../../../test/support/signedExample';
import { certificateThumbprint, createInstallationIdentity, readPackage, verifyPackageSignature, type SigningIdentity } from '../packageSignature';
import { digitallySign } from './digitalSignature';
import { exportDocx } from './exportDocx';
import { verifyDocx } from './verify';

const now = new Date('2026-03-10T12:00:00Z');
const agreement = signedExample('es', { signers: 4 });
let identity: SigningIdentity;
let other: SigningIdentity;

beforeAll(async () => {
  identity = await createInstallationIdentity('Nortia Analytics', now);
  other = await createInstallationIdentity('Nortia Analytics', now);
});

describe('an export sealed before it is zipped (sealWith)', () => {
  it('verifies, sealed by that certificate, with the parts and seal of an export sealed afterwards', async () => {
    const seal = { thumbprint: certificateThumbprint(identity.certificatePem) };
    const sealed = (await exportDocx(agreement, { appVersion: '1', now, seal, sealWith: identity })).bytes;
    const report = await verifyDocx(sealed);
    expect(report.status).toBe('match');
    const signature = await verifyPackageSignature(sealed);
    expect(signature.status).toBe('valid');
    expect(signature.status !== 'none' && signature.signatures.map((s) => s.thumbprint)).toEqual([seal.thumbprint]);

    const later = await digitallySign((await exportDocx(agreement, { appVersion: '1', now, seal })).bytes, agreement, 'es', identity, now);
    const [a, b] = await Promise.all([readPackage(sealed), readPackage(later)]);
    expect([...a.parts.keys()]).toEqual([...b.parts.keys()]);
    // Only these differ between two exports: the custom XML part's random id and what digests it, and the body,
    // where docx numbers the drawings (the drawn signatures) with a counter that runs for the whole process.
    const random = new Set(['customXml/itemProps1.xml', 'customXml/item1.xml', '_xmlsignatures/sig1.xml', 'word/document.xml']);
    for (const [name, bytes] of a.parts) if (!random.has(name)) expect(bytes.equals(b.parts.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  });

  it('refuses a key whose certificate is not the one the document records, or no recorded seal', async () => {
    const seal = { thumbprint: certificateThumbprint(identity.certificatePem) };
    await expect(exportDocx(agreement, { appVersion: '1', now, seal, sealWith: other })).rejects.toThrow(/not the certificate/);
    await expect(exportDocx(agreement, { appVersion: '1', now, sealWith: identity })).rejects.toThrow(/not the certificate/);
  });
});
