import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { issueCertificate, pkcs12 } from '../../../../../test/packageSignature/pki';
import { writeLegacyIdentity } from '../../../../../test/support/legacyIdentity';
import { useTempDirs } from '../../../../../test/support/tempDirs';
import { AppError } from '../../../../shared/api/errors';
import { createInstallationIdentity } from './createInstallationIdentity';
import { importPkcs12 } from './importPkcs12';
import { createKeyStore } from './keyStore';
import { organizationKey, organizationOfCertificate, thumbprintOf } from './organization';
import { createPassphraseProtector, type KeyProtector } from './protector';

const tempDir = useTempDirs();
const passphrase = createPassphraseProtector('a long passphrase');
/** Stands in for Electron's safeStorage, which only exists inside the app. */
const fakeSafeStorage: KeyProtector = {
  kind: 'safeStorage',
  encrypt: (plain) => Buffer.from(plain.toString('base64').split('').reverse().join('')),
  decrypt: (sealed) => Buffer.from(sealed.toString().split('').reverse().join(''), 'base64'),
};
const errorOf = async (fn: () => unknown) => {
  try {
    await fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? [error.kind, error.params?.reason] : String(error);
  }
};

describe('the signing key store', () => {
  it('keeps one key per organization, each named by its certificate thumbprint, listed by organization', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir);
    expect(store.list()).toEqual([]);
    const nortia = await store.add(await createInstallationIdentity('Nortia Analítica, S.L.'), 'installation', passphrase);
    const acme = await store.add(await createInstallationIdentity('Acme'), 'installation', passphrase);
    expect(nortia.id).toBe(thumbprintOf(nortia.certificatePem));
    expect(nortia.organization).toBe('Nortia Analítica, S.L.');
    expect(store.list().map((k) => k.organization)).toEqual(['Acme', 'Nortia Analítica, S.L.']);
    expect(store.get(acme.id)).toMatchObject({
      id: acme.id,
      source: 'installation',
      protection: 'passphrase',
      summary: { subject: 'CN=Acme, O=Acme', selfSigned: true },
    });
    const reopened = await createKeyStore(dir).open(nortia.id, createPassphraseProtector('a long passphrase'));
    expect(reopened.privateKeyPem).toBe(nortia.privateKeyPem);
    expect(reopened.certificatePem).toBe(nortia.certificatePem);
  });

  it('keeps each key encrypted in a 0600 file under signing/keys/, validated when read', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir);
    const created = await store.add(await createInstallationIdentity('Acme'), 'installation', passphrase);
    const file = join(dir, 'signing', 'keys', `${created.id}.json`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(created.privateKeyPem.split('\n')[1]);
    expect(JSON.parse(text)).toMatchObject({
      format: 'sla-workshop-signing-identity',
      version: 2,
      id: created.id,
      organization: 'Acme',
      source: 'installation',
      protection: 'passphrase',
    });
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'signing')).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'signing', 'keys')).mode & 0o777).toBe(0o700);
    }
    writeFileSync(file, JSON.stringify({ ...JSON.parse(text), version: 3 }));
    expect(await errorOf(() => store.list())).toEqual(['storage', 'identity_corrupt']);
    expect(await errorOf(() => store.open(created.id, passphrase))).toEqual(['storage', 'identity_corrupt']);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(text), id: 'f'.repeat(64) }));
    expect(await errorOf(() => store.get(created.id))).toEqual(['storage', 'identity_corrupt']);
    writeFileSync(file, '{not json');
    expect(await errorOf(() => store.list())).toEqual(['storage', 'identity_corrupt']);
    expect(await errorOf(() => store.open('../../etc/passwd', passphrase))).toEqual(['not_found', 'no_such_key']);
  });

  it('migrates the single identity of earlier versions in place: the same key opens with the same passphrase', async () => {
    const dir = tempDir('sla-keys-');
    const legacy = await writeLegacyIdentity(dir, 'Compañía Ñandú, S.L.', passphrase);
    const store = createKeyStore(dir);
    const [key, ...others] = store.list();
    expect(others).toEqual([]);
    expect(key).toMatchObject({
      id: thumbprintOf(legacy.certificatePem),
      organization: 'Compañía Ñandú, S.L.',
      source: 'installation',
      protection: 'passphrase',
      createdAt: '2026-01-05T10:00:00.000Z',
    });
    expect(existsSync(join(dir, 'signing', 'identity.json'))).toBe(false);
    expect((await store.open(key!.id, createPassphraseProtector('a long passphrase'))).privateKeyPem).toBe(legacy.privateKeyPem);
    expect(await errorOf(() => store.open(key!.id, createPassphraseProtector('wrong')))).toEqual(['unauthorized', 'wrong_passphrase']);
    // A crash after the new file was written but before the old one was removed only writes the same file again.
    await writeLegacyIdentity(dir, 'Acme', passphrase);
    const twice = createKeyStore(dir);
    expect(twice.list().map((k) => k.organization)).toEqual(['Acme', 'Compañía Ñandú, S.L.']);
    expect(readdirSync(join(dir, 'signing', 'keys'))).toHaveLength(2);
  });

  it('reports a damaged legacy identity instead of replacing it', async () => {
    const dir = tempDir('sla-keys-');
    mkdirSync(join(dir, 'signing'), { recursive: true });
    writeFileSync(join(dir, 'signing', 'identity.json'), '{"format":"sla-workshop-signing-identity","version":1}');
    expect(await errorOf(() => createKeyStore(dir).list())).toEqual(['storage', 'identity_corrupt']);
    expect(existsSync(join(dir, 'signing', 'identity.json'))).toBe(true);
  });

  it('refuses a wrong passphrase, a protector of another kind, and a keychain that cannot open the key', async () => {
    const dir = tempDir('sla-keys-');
    const { id } = await createKeyStore(dir).add(await createInstallationIdentity('Acme'), 'installation', passphrase);
    expect(await errorOf(() => createKeyStore(dir).open(id, createPassphraseProtector('wrong')))).toEqual(['unauthorized', 'wrong_passphrase']);
    expect(await errorOf(() => createKeyStore(dir).open(id, fakeSafeStorage))).toEqual(['unauthorized', 'identity_protection_mismatch']);
    const safeDir = tempDir('sla-keys-');
    const safe = await createKeyStore(safeDir).add(await createInstallationIdentity('Acme'), 'installation', fakeSafeStorage);
    const otherMachine: KeyProtector = {
      ...fakeSafeStorage,
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(await errorOf(() => createKeyStore(safeDir).open(safe.id, otherMachine))).toEqual(['unauthorized', 'identity_locked']);
  });

  it('adds an imported certificate beside the others, and moves a removed key aside instead of deleting it', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir);
    const own = await store.add(await createInstallationIdentity('Acme'), 'installation', fakeSafeStorage);
    const ca = issueCertificate('Acme CA', { ca: true });
    const holder = issueCertificate('Acme Marketing', { issuer: ca });
    const imported = await store.add(await importPkcs12(pkcs12(holder, 'pw', [ca.certificatePem]), 'pw'), 'imported', fakeSafeStorage);
    expect(imported.summary).toMatchObject({
      source: 'imported',
      subject: 'CN=Acme Marketing, O=Acme Marketing',
      issuer: 'CN=Acme CA, O=Acme CA',
      selfSigned: false,
    });
    expect((await store.open(imported.id, fakeSafeStorage)).privateKeyPem).toBe(holder.privateKeyPem.replace(/\r/g, ''));
    expect((await store.open(imported.id, fakeSafeStorage)).chainPems).toHaveLength(1);
    expect(store.list()).toHaveLength(2);
    store.remove(own.id, new Date('2026-04-01T08:00:00Z'));
    expect(store.list().map((k) => k.id)).toEqual([imported.id]);
    expect(readdirSync(join(dir, 'signing', 'removed'))).toEqual([`${own.id}-2026-04-01T08-00-00-000Z.json`]);
    expect(await errorOf(() => store.remove(own.id))).toEqual(['not_found', 'no_such_key']);
  });
});

describe('organization names', () => {
  it('are read from the certificate: O first, CN otherwise, escapes undone', async () => {
    expect(organizationOfCertificate((await createInstallationIdentity('Compañía Ñandú, S.L.')).certificatePem)).toBe('Compañía Ñandú, S.L.');
    expect(organizationOfCertificate(issueCertificate('Acme Marketing').certificatePem)).toBe('Acme Marketing');
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const onlyCn = forge.pki.createCertificate();
    onlyCn.publicKey = forge.pki.publicKeyFromPem(publicKey);
    onlyCn.serialNumber = '01';
    onlyCn.setSubject([{ name: 'commonName', value: 'Just A Name' }]);
    onlyCn.setIssuer([{ name: 'commonName', value: 'Just A Name' }]);
    onlyCn.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
    expect(organizationOfCertificate(forge.pki.certificateToPem(onlyCn))).toBe('Just A Name');
  });

  it('match whatever the accents, case, punctuation and spacing', async () => {
    expect(organizationKey('Nortia Analítica, S.L.')).toBe(organizationKey('  nortia ANALITICA s.l '));
    expect(organizationKey('Nortia Analytics')).not.toBe(organizationKey('Nortia Analítica'));
    expect(organizationKey('—')).toBe('');
  });
});
