import { X509Certificate, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { certificateInfo } from '../certificate';
import { createInstallationIdentity, organizationName } from './createInstallationIdentity';

describe('the installation identity', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  let identity: Awaited<ReturnType<typeof createInstallationIdentity>>;
  beforeAll(async () => {
    identity = await createInstallationIdentity('  Compañía  Ñandú, S.L. ', now);
  });

  it('is an RSA-2048 key and a self-signed SHA-256 certificate named after the organization, valid five years', () => {
    const key = createPrivateKey(identity.privateKeyPem);
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 2048]);
    const x509 = new X509Certificate(identity.certificatePem);
    expect(x509.checkPrivateKey(key)).toBe(true);
    const info = certificateInfo(identity.certificatePem);
    expect(info.subject).toBe('CN=Compañía Ñandú\\, S.L., O=Compañía Ñandú\\, S.L.');
    expect(info.selfSigned).toBe(true);
    expect(info.notAfter.getUTCFullYear()).toBe(2031);
    expect(info.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    const parsed = forge.pki.certificateFromPem(identity.certificatePem);
    expect(parsed.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect(parsed.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false, critical: true });
    expect(parsed.getExtension('basicConstraints')).toMatchObject({ cA: false });
    expect(identity.chainPems).toEqual([]);
  });

  it('gets a fresh key and serial number each time', async () => {
    const other = await createInstallationIdentity('Compañía Ñandú, S.L.', now);
    expect(other.privateKeyPem).not.toBe(identity.privateKeyPem);
    expect(new X509Certificate(other.certificatePem).serialNumber).not.toBe(new X509Certificate(identity.certificatePem).serialNumber);
  });

  it('refuses an empty, overlong or control-character organization name', () => {
    for (const bad of ['', '   ', 'x'.repeat(65), 'Acme\u0007']) {
      const error = (() => {
        try {
          organizationName(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).params?.reason).toBe('bad_organization');
    }
    expect(organizationName(' Acme\tSales ')).toBe('Acme Sales');
  });

  it('makes a certificate even from a name with broken Unicode (lone surrogates become U+FFFD)', async () => {
    expect(organizationName('aaa\udda9\ude1a')).toBe('aaa\ufffd\ufffd');
    const identity = await createInstallationIdentity('Acme \ud800', now);
    expect(new X509Certificate(identity.certificatePem).subject).toContain('Acme \ufffd');
  });
});
