import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { issueCertificate, pkcs12, withIterationCounts } from '../../../../../test/packageSignature/pki';
import { AppError } from '../../../../shared/api/errors';
import { importPkcs12 } from './importPkcs12';
import * as keyWorker from './keyWorker';
import { MAX_PKCS12_ITERATIONS, pkcs12CostProblem } from './pkcs12Costs';

vi.mock('./keyWorker', async (importOriginal) => {
  const original = await importOriginal<typeof keyWorker>();
  return { ...original, openPkcs12InWorker: vi.fn(original.openPkcs12InWorker) };
});

const reasonOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
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

  it('opens with the right password: the key, its certificate, and the chain from the issuer up', async () => {
    const identity = await importPkcs12(pkcs12(holder, 's3cret', [root.certificatePem, intermediate.certificatePem]), 's3cret');
    expect(new X509Certificate(identity.certificatePem).checkPrivateKey(createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(new X509Certificate(identity.certificatePem).subject).toContain('CN=Acme Marketing');
    expect(identity.chainPems.map((pem) => new X509Certificate(pem).subject.split('\n').pop())).toEqual(['CN=Acme Issuing CA', 'CN=Acme Root CA']);
  });

  it('says which problem it is: wrong password, not a .p12, no key, no certificate, expired, not yet valid', async () => {
    const file = pkcs12(holder, 's3cret');
    expect(await reasonOf(() => importPkcs12(file, 'wrong'))).toEqual(['invalid_input', 'p12_wrong_password']);
    expect(await reasonOf(() => importPkcs12(Buffer.from('definitely not DER'), 's3cret'))).toEqual(['invalid_file', 'p12_unreadable']);
    expect(await reasonOf(() => importPkcs12(new Uint8Array(), 's3cret'))).toEqual(['invalid_file', 'p12_unreadable']);
    expect(await reasonOf(() => importPkcs12(pkcs12(holder, 'pw', [], false), 'pw'))).toEqual(['invalid_input', 'p12_no_key']);
    const expired = issueCertificate('Old', { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    expect(await reasonOf(() => importPkcs12(pkcs12(expired, 'pw'), 'pw'))).toEqual(['invalid_input', 'certificate_expired']);
    expect(await reasonOf(() => importPkcs12(pkcs12(holder, 'pw'), 'pw', new Date('2000-01-01')))).toEqual(['invalid_input', 'certificate_not_yet_valid']);
  });

  it('refuses a key whose certificate is missing from the file', async () => {
    const file = pkcs12({ privateKeyPem: holder.privateKeyPem, certificatePem: issueCertificate('Stranger').certificatePem }, 'pw');
    expect(await reasonOf(() => importPkcs12(file, 'pw'))).toEqual(['invalid_input', 'p12_no_certificate']);
  });

  it('refuses a file asking for absurd key-derivation work before doing any (MAC or key encryption)', async () => {
    const file = pkcs12(holder, 'pw');
    expect(pkcs12CostProblem(file)).toBeNull();
    const hostile = [
      withIterationCounts(file, { mac: 2_000_000_000n }),
      withIterationCounts(file, { pbe: BigInt(MAX_PKCS12_ITERATIONS) + 1n }),
      withIterationCounts(file, { mac: 1n << 200n }),
      withIterationCounts(file, { mac: 0n }),
    ];
    vi.mocked(keyWorker.openPkcs12InWorker).mockClear();
    for (const bytes of hostile) {
      expect(pkcs12CostProblem(bytes)).toBe('too_costly');
      expect(await reasonOf(() => importPkcs12(bytes, 'pw'))).toEqual(['invalid_file', 'p12_too_costly']);
    }
    // Refused on the numbers alone: nothing was handed to the worker that derives keys.
    expect(keyWorker.openPkcs12InWorker).not.toHaveBeenCalled();
    // The same cap leaves a file of ordinary cost alone (the rewrite keeps the structure readable).
    expect(pkcs12CostProblem(withIterationCounts(file, { mac: 10_000n, pbe: 10_000n }))).toBeNull();
  });
});
