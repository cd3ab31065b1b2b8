import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPkcs12, signPackage, verifyPackageSignature, type SigningIdentity } from '../../src/main/core/packageSignature';
import { AppError } from '../../src/shared/api/errors';
import { useTempDirs } from '../support/tempDirs';
import { libreOfficeVerify } from './libreOffice';
import { issueCertificate } from './pki';
import { sampleDocx } from './sampleDocx';
import { xmlsecVerify } from './xmlsec';

/**
 * An organization certificate, as an IT department would hand it out: issued by a CA (root → issuing CA →
 * signer), exported by OpenSSL as a .p12 (OpenSSL 3 defaults: AES-256-CBC, PBKDF2, SHA-256 MAC, and the
 * legacy RC2/3DES form). Imported, used to sign, and verified by xmlsec1 trusting only the root.
 */
const run = promisify(execFile);
const tempDir = useTempDirs();
const root = issueCertificate('Acme Root CA', { ca: true });
const issuing = issueCertificate('Acme Issuing CA', { ca: true, issuer: root });
const signer = issueCertificate('Acme Marketing', { issuer: issuing });
let dir: string;

async function opensslP12(legacy: boolean): Promise<Buffer> {
  const file = join(dir, legacy ? 'legacy.p12' : 'modern.p12');
  await run('openssl', [
    'pkcs12',
    '-export',
    ...(legacy ? ['-legacy'] : []),
    '-inkey',
    join(dir, 'key.pem'),
    '-in',
    join(dir, 'cert.pem'),
    '-certfile',
    join(dir, 'chain.pem'),
    '-passout',
    'pass:Org pässword',
    '-out',
    file,
  ]);
  return readFileSync(file);
}

beforeAll(() => {
  dir = tempDir('sla-p12-');
  writeFileSync(join(dir, 'key.pem'), signer.privateKeyPem);
  writeFileSync(join(dir, 'cert.pem'), signer.certificatePem);
  writeFileSync(join(dir, 'chain.pem'), issuing.certificatePem + root.certificatePem);
});

describe('an organization certificate exported by OpenSSL', () => {
  let identity: SigningIdentity;
  let signed: Uint8Array;

  it.each([false, true])('imports (legacy format: %s) with the right password, and refuses a wrong one', async (legacy) => {
    const file = await opensslP12(legacy);
    identity = await importPkcs12(file, 'Org pässword');
    expect(identity.certificatePem.replace(/\s/g, '')).toBe(signer.certificatePem.replace(/\s/g, ''));
    expect(identity.chainPems).toHaveLength(2);
    const wrong = await importPkcs12(file, 'org password').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).params?.reason).toBe('p12_wrong_password');
  });

  describe('signing with it', () => {
    beforeAll(async () => {
      identity = await importPkcs12(await opensslP12(false), 'Org pässword');
      signed = await signPackage(await sampleDocx(), identity, { comment: 'Signed with the organization certificate' });
    });

    it('is valid for our verifier, which says the certificate is not self-signed and who issued it', async () => {
      const report = await verifyPackageSignature(signed);
      expect(report).toMatchObject({
        status: 'valid',
        subject: 'CN=Acme Marketing, O=Acme Marketing',
        issuer: 'CN=Acme Issuing CA, O=Acme Issuing CA',
        selfSigned: false,
      });
    });

    it('is verified by xmlsec1 trusting only the root: the chain travels in KeyInfo', async () => {
      const result = await xmlsecVerify(signed, tempDir('sla-xmlsec-'), root.certificatePem);
      expect(result.verified, result.output).toBe(true);
      expect(result.manifest).toEqual({ ok: result.manifestReferences, all: result.manifestReferences });
      const untrusted = await xmlsecVerify(signed, tempDir('sla-xmlsec-'), issueCertificate('Other Root', { ca: true }).certificatePem);
      expect(untrusted.verified).toBe(false);
    });

    it('is valid for LibreOffice', { timeout: 120_000 }, async () => {
      const path = join(tempDir('sla-lo-'), 'org.docx');
      writeFileSync(path, signed);
      const result = (await libreOfficeVerify([path])).get(path);
      expect(result && 'signatures' in result ? result.signatures.map((s) => s.valid) : result).toEqual([true]);
    });
  });
});
