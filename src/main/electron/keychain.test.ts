import { describe, expect, it, vi } from 'vitest';
import { createKeychainProtector } from './keychain';

vi.mock('electron', () => ({}));

/** A stand-in keychain that really transforms the bytes, so a test would notice if they were stored in clear. */
const keychain = (available = true, backend = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
  decryptString: (sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(7), 'hex').toString();
  },
  getSelectedStorageBackend: () => backend,
});

describe('the signing key in the system keychain', () => {
  it('seals and opens the key bytes through safeStorage, never keeping them in clear', async () => {
    const protector = createKeychainProtector(keychain(), 'darwin');
    expect(protector?.kind).toBe('safeStorage');
    const key = Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const sealed = await protector!.encrypt(key);
    expect(sealed.includes(key)).toBe(false);
    expect(await protector!.decrypt(sealed)).toEqual(key);
  });

  it('reports a key it cannot open as a typed error', () => {
    expect(() => createKeychainProtector(keychain(), 'win32')!.decrypt(Buffer.from('other user'))).toThrow(
      expect.objectContaining({ kind: 'unauthorized', params: { reason: 'identity_locked' } }),
    );
  });

  it('is not offered without a real keychain (then the key needs a passphrase)', () => {
    expect(createKeychainProtector(keychain(false), 'darwin')).toBeNull();
    expect(createKeychainProtector(keychain(true, 'basic_text'), 'linux')).toBeNull();
    expect(createKeychainProtector(keychain(true, 'basic_text'), 'win32')).not.toBeNull();
  });
});
