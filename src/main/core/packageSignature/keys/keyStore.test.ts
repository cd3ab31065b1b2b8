import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issueCertificate, pkcs12 } from '../../../../../test/packageSignature/pki';
import { useTempDirs } from '../../../../../test/support/tempDirs';
import { AppError } from '../../../../shared/api/errors';
import { createKeyStore } from './keyStore';
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
  it('creates the installation identity on first use, then keeps returning it', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir, passphrase);
    expect(await store.current()).toBeNull();
    expect(store.summary()).toBeNull();
    const created = await store.loadOrCreate('Acme');
    expect(created.summary).toMatchObject({ source: 'installation', subject: 'CN=Acme, O=Acme', selfSigned: true });
    const again = await createKeyStore(dir, createPassphraseProtector('a long passphrase')).loadOrCreate('Another name');
    expect(again.privateKeyPem).toBe(created.privateKeyPem);
    expect(again.certificatePem).toBe(created.certificatePem);
    expect(store.summary()).toEqual(created.summary);
  });

  it('keeps the key encrypted in a 0600 file under signing/, validated when read', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir, passphrase);
    const created = await store.loadOrCreate('Acme');
    expect(store.file).toBe(`${dir}/signing/identity.json`);
    const text = readFileSync(store.file, 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(created.privateKeyPem.split('\n')[1]);
    expect(JSON.parse(text)).toMatchObject({ format: 'sla-workshop-signing-identity', version: 1, source: 'installation', protection: 'passphrase' });
    if (process.platform !== 'win32') {
      expect(statSync(store.file).mode & 0o777).toBe(0o600);
      expect(statSync(`${dir}/signing`).mode & 0o777).toBe(0o700);
    }
    writeFileSync(store.file, JSON.stringify({ ...JSON.parse(text), version: 2 }));
    expect(await errorOf(() => store.current())).toEqual(['storage', 'identity_corrupt']);
    expect(await errorOf(() => store.loadOrCreate('Acme'))).toEqual(['storage', 'identity_corrupt']);
    writeFileSync(store.file, '{not json');
    expect(await errorOf(() => store.summary())).toEqual(['storage', 'identity_corrupt']);
  });

  it('refuses a wrong passphrase, a protector of another kind, and a keychain that cannot open the key', async () => {
    const dir = tempDir('sla-keys-');
    await createKeyStore(dir, passphrase).loadOrCreate('Acme');
    expect(await errorOf(() => createKeyStore(dir, createPassphraseProtector('wrong')).current())).toEqual(['unauthorized', 'wrong_passphrase']);
    expect(await errorOf(() => createKeyStore(dir, fakeSafeStorage).current())).toEqual(['unauthorized', 'identity_protection_mismatch']);
    const safeDir = tempDir('sla-keys-');
    await createKeyStore(safeDir, fakeSafeStorage).loadOrCreate('Acme');
    const otherMachine: KeyProtector = { ...fakeSafeStorage, decrypt: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    expect(await errorOf(() => createKeyStore(safeDir, otherMachine).current())).toEqual(['unauthorized', 'identity_locked']);
  });

  it('works with a safeStorage protector, and an imported certificate replaces the installation one', async () => {
    const dir = tempDir('sla-keys-');
    const store = createKeyStore(dir, fakeSafeStorage);
    await store.loadOrCreate('Acme');
    const ca = issueCertificate('Acme CA', { ca: true });
    const holder = issueCertificate('Acme Marketing', { issuer: ca });
    const imported = await store.importP12(pkcs12(holder, 'pw', [ca.certificatePem]), 'pw');
    expect(imported.summary).toMatchObject({ source: 'imported', subject: 'CN=Acme Marketing, O=Acme Marketing', issuer: 'CN=Acme CA, O=Acme CA', selfSigned: false });
    expect((await store.current())?.privateKeyPem).toBe(holder.privateKeyPem.replace(/\r/g, ''));
    expect((await store.current())?.chainPems).toHaveLength(1);
    expect(await errorOf(() => store.importP12(pkcs12(holder, 'pw'), 'bad'))).toEqual(['invalid_input', 'p12_wrong_password']);
    expect((await store.current())?.summary.source).toBe('imported');
  });
});
