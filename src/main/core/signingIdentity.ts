import { timingSafeEqual } from 'node:crypto';
import { MAX_SIGNING_KEYS, type SigningKeyDto, type SigningKeysDto } from '../../shared/api/keysAndSettings';
import { AppError } from '../../shared/api/errors';
// Not the packageSignature index: that would load the signing code (node-forge, xml-crypto) with every core.
import { createKeyStore, type StoredIdentity, type StoredKey } from './packageSignature/keys/keyStore';
import { organizationKey, organizationName } from './packageSignature/keys/organization';
import { createPassphraseProtector, type KeyProtector } from './packageSignature/keys/protector';

export interface IdentityOptions {
  /** The operating system's keychain (Electron `safeStorage`), when this host has one. */
  keychain?: KeyProtector;
  now?: () => Date;
}

/** A passphrase chosen for keys that have none yet must be at least this long (the dialogs say so too). */
export const NEW_PASSPHRASE_MIN = 8;

export interface UnlockRequest {
  /** Seal with this key. */
  keyId?: string;
  /** Else with this organization's key, created if it has none yet. */
  organization?: string;
  /** Else with the key whose organization matches the agreement's company; refused when none does. */
  company?: string;
  /** Opens the keys for this session where there is no system keychain. */
  passphrase?: string;
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The installation's signing keys, one per client organization (`<dataDir>/signing/keys/`). With a keychain
 * keys open by themselves; otherwise one passphrase protects them all, given once per session (in Settings,
 * before the workshop), after which they stay open in memory.
 */
export function createIdentityService(dataDir: string, options: IdentityOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))();
  const protection: KeyProtector['kind'] = options.keychain ? 'safeStorage' : 'passphrase';
  const store = createKeyStore(dataDir);
  let sessionPassphrase: string | null = null;
  const opened = new Map<string, StoredIdentity>();

  const locked = () => new AppError('signing_key_locked', 'The signing keys need their passphrase');
  const unlocked = () => protection === 'safeStorage' || sessionPassphrase !== null;

  function toDto(key: StoredKey): SigningKeyDto {
    const { subject, issuer, selfSigned, notBefore, notAfter } = key.summary;
    return {
      id: key.id,
      organization: key.organization,
      source: key.source,
      protection: key.protection,
      subject,
      issuer,
      selfSigned,
      notBefore,
      notAfter,
      createdAt: key.createdAt,
      unlocked: key.protection === protection && unlocked(),
    };
  }

  function dtoOf(id: string): SigningKeyDto {
    const key = store.get(id);
    if (!key) throw new AppError('not_found', 'No such signing key', { reason: 'no_such_key' });
    return toDto(key);
  }

  function list(): SigningKeysDto {
    const keys = store.list();
    return { protection, unlocked: unlocked(), passphraseSet: keys.some((k) => k.protection === 'passphrase'), keys: keys.map(toDto) };
  }

  /**
   * Takes the session's passphrase. Once one is open, another is simply wrong (no key derivation needed);
   * the first is checked against the keys it must open, or chosen now when no key has one yet.
   */
  async function givePassphrase(passphrase: string): Promise<void> {
    if (options.keychain) return;
    if (sessionPassphrase !== null) {
      if (!sameText(passphrase, sessionPassphrase))
        throw new AppError('unauthorized', 'Another passphrase is open for this session', { reason: 'wrong_passphrase' });
      return;
    }
    const protectedKeys = store.list().filter((k) => k.protection === 'passphrase');
    if (protectedKeys.length === 0) {
      if (passphrase.length < NEW_PASSPHRASE_MIN)
        throw new AppError('invalid_input', 'The new passphrase is too short', { reason: 'passphrase_too_short', min: NEW_PASSPHRASE_MIN });
      sessionPassphrase = passphrase;
      return;
    }
    const protector = createPassphraseProtector(passphrase);
    let firstError: unknown = null;
    for (const key of protectedKeys) {
      try {
        opened.set(key.id, await store.open(key.id, protector));
        sessionPassphrase = passphrase;
        return;
      } catch (error) {
        firstError ??= error;
      }
    }
    throw firstError;
  }

  async function protectorFor(passphrase?: string): Promise<KeyProtector> {
    if (options.keychain) return options.keychain;
    if (passphrase !== undefined) await givePassphrase(passphrase);
    if (sessionPassphrase === null) throw locked();
    return createPassphraseProtector(sessionPassphrase);
  }

  const validNow = (key: StoredKey) => {
    const at = now().toISOString();
    return key.summary.notBefore <= at && at <= key.summary.notAfter;
  };

  /** The key of an organization: one this host can open, valid now, an imported certificate before our own, newest. */
  function keyOf(organization: string): StoredKey | null {
    const wanted = organizationKey(organization);
    if (!wanted) return null;
    const score = (k: StoredKey) => [k.protection === protection ? 1 : 0, validNow(k) ? 1 : 0, k.source === 'imported' ? 1 : 0];
    const matches = store.list().filter((k) => organizationKey(k.organization) === wanted);
    matches.sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (y[i] ?? 0) - (x[i] ?? 0);
      return b.createdAt.localeCompare(a.createdAt);
    });
    return matches[0] ?? null;
  }

  function roomForOneMore(): void {
    if (store.list().length >= MAX_SIGNING_KEYS)
      throw new AppError('invalid_input', 'Too many signing keys', { reason: 'too_many_keys', max: MAX_SIGNING_KEYS });
  }

  async function create(organization: string, passphrase?: string): Promise<StoredIdentity> {
    const name = organizationName(organization);
    const existing = keyOf(name);
    if (existing && existing.source === 'installation' && existing.protection === protection && validNow(existing)) return open(existing.id, passphrase);
    roomForOneMore();
    const protector = await protectorFor(passphrase);
    const at = now();
    // node-forge (certificates) loads only when a key is made, not with every core.
    const { createInstallationIdentity } = await import('./packageSignature/keys/createInstallationIdentity');
    const identity = await store.add(await createInstallationIdentity(name, at), 'installation', protector, at);
    opened.set(identity.id, identity);
    return identity;
  }

  async function open(id: string, passphrase?: string): Promise<StoredIdentity> {
    if (passphrase !== undefined) await protectorFor(passphrase);
    const cached = opened.get(id);
    if (cached) return cached;
    const key = store.get(id);
    if (!key) throw new AppError('not_found', 'No such signing key', { reason: 'no_such_key' });
    const identity = await store.open(id, key.protection === protection ? await protectorFor() : (options.keychain ?? createPassphraseProtector('-')));
    opened.set(id, identity);
    return identity;
  }

  return {
    list,

    async unlockSession(passphrase: string): Promise<SigningKeysDto> {
      await givePassphrase(passphrase);
      return list();
    },

    async create(organization: string, passphrase?: string): Promise<SigningKeyDto> {
      return dtoOf((await create(organization, passphrase)).id);
    },

    async importP12(bytes: Uint8Array, password: string, passphrase?: string): Promise<SigningKeyDto> {
      roomForOneMore();
      const protector = await protectorFor(passphrase);
      const at = now();
      const { importPkcs12 } = await import('./packageSignature/keys/importPkcs12');
      const identity = await store.add(await importPkcs12(bytes, password, at), 'imported', protector, at);
      opened.set(identity.id, identity);
      return dtoOf(identity.id);
    },

    remove(id: string): SigningKeysDto {
      store.remove(id, now());
      opened.delete(id);
      return list();
    },

    /** The key an export for `company` is sealed with by default, or null when no key carries that organization. */
    select(company: string): string | null {
      return keyOf(company)?.id ?? null;
    },

    /**
     * The identity to seal with: the key named, else the organization's (created on first use), else the one
     * matching the agreement's company. Opened keys stay open for the session.
     */
    async unlock(request: UnlockRequest = {}): Promise<StoredIdentity> {
      if (request.passphrase !== undefined) await givePassphrase(request.passphrase);
      if (request.keyId) return open(request.keyId);
      if (request.organization) {
        const key = keyOf(request.organization);
        return key ? open(key.id) : create(request.organization);
      }
      const key = request.company !== undefined ? keyOf(request.company) : null;
      if (!key)
        throw new AppError('signing_key_required', 'No signing key carries this organization', {
          reason: 'no_matching_key',
          company: (request.company ?? '').slice(0, 200),
        });
      return open(key.id);
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
