import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCertificate, pkcs12 } from '../../../../../test/packageSignature/pki';
import { AppError } from '../../../../shared/api/errors';
import { importPkcs12 } from './importPkcs12';

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return [error.kind, error.params?.reason];
    throw error;
  }
  return null;
};

describe('importing an organization certificate (.p12/.pfx)', () => {
  const root = issueCertificate('Acme Root CA', { ca: true });
  const intermediate = issueCertificate('Acme Issuing CA', { ca: true, issuer: root });
  const holder = issueCertificate('Acme Marketing', { issuer: intermediate });

  it('opens with the right password: the key, its certificate, and the chain from the issuer up', () => {
    const identity = importPkcs12(pkcs12(holder, 's3cret', [root.certificatePem, intermediate.certificatePem]), 's3cret');
    expect(new X509Certificate(identity.certificatePem).checkPrivateKey(createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(new X509Certificate(identity.certificatePem).subject).toContain('CN=Acme Marketing');
    expect(identity.chainPems.map((pem) => new X509Certificate(pem).subject.split('\n').pop())).toEqual(['CN=Acme Issuing CA', 'CN=Acme Root CA']);
  });

  it('says which problem it is: wrong password, not a .p12, no key, no certificate, expired, not yet valid', () => {
    const file = pkcs12(holder, 's3cret');
    expect(reasonOf(() => importPkcs12(file, 'wrong'))).toEqual(['invalid_input', 'p12_wrong_password']);
    expect(reasonOf(() => importPkcs12(Buffer.from('definitely not DER'), 's3cret'))).toEqual(['invalid_file', 'p12_unreadable']);
    expect(reasonOf(() => importPkcs12(new Uint8Array(), 's3cret'))).toEqual(['invalid_file', 'p12_unreadable']);
    expect(reasonOf(() => importPkcs12(pkcs12(holder, 'pw', [], false), 'pw'))).toEqual(['invalid_input', 'p12_no_key']);
    const expired = issueCertificate('Old', { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    expect(reasonOf(() => importPkcs12(pkcs12(expired, 'pw'), 'pw'))).toEqual(['invalid_input', 'certificate_expired']);
    expect(reasonOf(() => importPkcs12(pkcs12(holder, 'pw'), 'pw', new Date('2000-01-01')))).toEqual(['invalid_input', 'certificate_not_yet_valid']);
  });

  it('refuses a key whose certificate is missing from the file', () => {
    const stranger = issueCertificate('Stranger');
    const file = pkcs12({ privateKeyPem: holder.privateKeyPem, certificatePem: stranger.certificatePem }, 'pw');
    expect(reasonOf(() => importPkcs12(file, 'pw'))).toEqual(['invalid_input', 'p12_no_certificate']);
  });
});
