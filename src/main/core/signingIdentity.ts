import type { KeyStatus } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
// Not the packageSignature index: that would load the signing code (node-forge, xml-crypto) with every core.
import { createKeyStore, type StoredIdentity } from './packageSignature/keys/keyStore';
import { createPassphraseProtector, type KeyProtector } from './packageSignature/keys/protector';

export interface IdentityOptions {
  /** The operating system's keychain (Electron `safeStorage`), when this host has one. */
  keychain?: KeyProtector;
  now?: () => Date;
}

export interface UnlockRequest {
  /** Names a new installation certificate when there is no identity yet. */
  organization?: string;
  /** Opens (or, for a new identity, protects) the key where there is no keychain. */
  passphrase?: string;
}

/**
 * The installation's signing identity (`<dataDir>/signing/identity.json`). With a keychain the key opens by
 * itself; otherwise it needs the passphrase once per session, after which it stays open in memory.
 */
export function createIdentityService(dataDir: string, options: IdentityOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))();
  const protection = options.keychain ? 'safeStorage' : 'passphrase';
  let opened: StoredIdentity | null = null;

  const store = (passphrase?: string) => {
    if (options.keychain) return createKeyStore(dataDir, options.keychain);
    if (!passphrase) throw new AppError('signing_key_locked', 'The signing key needs its passphrase');
    return createKeyStore(dataDir, createPassphraseProtector(passphrase));
  };
  // Reading the summary needs no key, so any protector will do.
  const summaryStore = () => createKeyStore(dataDir, options.keychain ?? createPassphraseProtector('-'));

  return {
    status(): KeyStatus {
      const identity = summaryStore().summary();
      return { protection, identity, unlocked: identity !== null && (protection === 'safeStorage' || opened !== null) };
    },

    /** The identity to sign with: opened, or created on first use when an organization is given. */
    async unlock(request: UnlockRequest = {}): Promise<StoredIdentity> {
      if (opened) return opened;
      const exists = summaryStore().summary() !== null;
      if (!exists && !request.organization) throw new AppError('signing_key_required', 'No signing identity yet');
      const keyStore = store(request.passphrase);
      const identity = exists ? await keyStore.current() : await keyStore.loadOrCreate(request.organization ?? '', now());
      if (!identity) throw new AppError('signing_key_required', 'No signing identity yet');
      opened = identity;
      return identity;
    },

    async importP12(bytes: Uint8Array, password: string, passphrase?: string): Promise<KeyStatus> {
      opened = await store(passphrase).importP12(bytes, password, now());
      return this.status();
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
