import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/api/errors';
import type { KeyProtector } from '../core/packageSignature';

/**
 * The signing key sealed by the operating system's keychain (Keychain on macOS, DPAPI on Windows, libsecret or
 * KWallet on Linux) through Electron's safeStorage. Null when no keychain is usable (e.g. Linux without a
 * secret service, where safeStorage would fall back to a hard-coded password): the key then needs a passphrase.
 */
export function createKeychainProtector(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string },
  platform: NodeJS.Platform = process.platform,
): KeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'safeStorage',
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt(sealed) {
      try {
        return Buffer.from(safeStorage.decryptString(sealed), 'base64');
      } catch {
        throw new AppError('unauthorized', 'The system keychain cannot open the signing key', { reason: 'identity_locked' });
      }
    },
  };
}
