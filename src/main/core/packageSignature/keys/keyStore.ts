import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import { summarize, type IdentitySummary, type SigningIdentity } from './identity';
import { identityFileSchema, legacyIdentityFileSchema, type IdentityFile } from './identityFile';
import { organizationOfCertificate, thumbprintOf } from './organization';
import type { KeyProtector } from './protector';

export const IDENTITY_FOLDER = 'signing';
/** The single identity of earlier versions, migrated into `keys/` the first time the store is read. */
export const LEGACY_IDENTITY_FILE = 'identity.json';
export const KEYS_FOLDER = 'keys';
/** Removed keys are moved here, never deleted: a key that sealed documents may still be wanted one day. */
export const REMOVED_FOLDER = 'removed';

/** What is known about a stored key without opening it. */
export interface StoredKey {
  id: string;
  organization: string;
  source: IdentitySummary['source'];
  protection: KeyProtector['kind'];
  createdAt: string;
  summary: IdentitySummary;
}

export interface StoredIdentity extends SigningIdentity {
  id: string;
  organization: string;
  summary: IdentitySummary;
}

export interface KeyStore {
  readonly folder: string;
  /** Every stored key, by organization then age; the legacy single identity is migrated first. */
  list(): StoredKey[];
  get(id: string): StoredKey | null;
  /** The key with its private part opened by `protector`. */
  open(id: string, protector: KeyProtector): Promise<StoredIdentity>;
  /** Stores a key sealed by `protector` (the same certificate again replaces its file). */
  add(identity: SigningIdentity, source: IdentitySummary['source'], protector: KeyProtector, now?: Date): Promise<StoredIdentity>;
  /** Moves a key's file to `removed/`; it is no longer listed or used. */
  remove(id: string, now?: Date): void;
}

const corrupt = (file: string, why: string) =>
  new AppError('storage', `The signing identity file ${file} cannot be used: ${why}`, { reason: 'identity_corrupt', detail: why });
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const ID = /^[0-9a-f]{64}$/;

/** Write to a temporary name, fsync, rename over: a crash leaves the old file or the new one, never half of one. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function readJson(file: string): unknown | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError('storage', `The signing identity cannot be read (${code})`, { detail: String(code) });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw corrupt(file, 'not JSON');
  }
}

function summaryOf(file: string, stored: IdentityFile): StoredKey {
  let summary: IdentitySummary;
  try {
    summary = summarize({ privateKeyPem: '', certificatePem: stored.certificatePem, chainPems: stored.chainPems }, stored.source);
  } catch {
    throw corrupt(file, 'the certificate cannot be read');
  }
  return { id: stored.id, organization: stored.organization, source: stored.source, protection: stored.protection, createdAt: stored.createdAt, summary };
}

/**
 * The installation's signing keys, one file each in `<dataDir>/signing/keys/` (folders 0700, files 0600): the
 * certificate in clear, the private key sealed by a KeyProtector. Files are validated when read; a damaged
 * file is reported, never silently replaced by a new key.
 */
export function createKeyStore(dataDir: string): KeyStore {
  const folder = join(dataDir, IDENTITY_FOLDER);
  const keysFolder = join(folder, KEYS_FOLDER);
  const fileOf = (id: string) => join(keysFolder, `${id}.json`);

  function write(record: IdentityFile): void {
    mkdirSync(keysFolder, { recursive: true, mode: 0o700 });
    writeAtomically(fileOf(record.id), `${JSON.stringify(record, null, 2)}\n`);
  }

  /**
   * The one identity earlier versions kept becomes a key file (same sealed key, same protection): written
   * first, then the old file removed. The id comes from the certificate, so a crash in between only means
   * the same file is written again next time.
   */
  function migrateLegacy(): void {
    const legacyFile = join(folder, LEGACY_IDENTITY_FILE);
    const json = readJson(legacyFile);
    if (json === null) return;
    const parsed = legacyIdentityFileSchema.safeParse(json);
    if (!parsed.success) throw corrupt(legacyFile, 'not an identity file');
    let id: string;
    let organization: string;
    try {
      id = thumbprintOf(parsed.data.certificatePem);
      organization = organizationOfCertificate(parsed.data.certificatePem);
    } catch {
      throw corrupt(legacyFile, 'the certificate cannot be read');
    }
    write({ ...parsed.data, version: 2, id, organization: organization || 'unnamed' });
    rmSync(legacyFile, { force: true });
  }

  function read(id: string): IdentityFile | null {
    if (!ID.test(id)) return null;
    const file = fileOf(id);
    const json = readJson(file);
    if (json === null) return null;
    const parsed = identityFileSchema.safeParse(json);
    if (!parsed.success || parsed.data.id !== id) throw corrupt(file, 'not an identity file');
    return parsed.data;
  }

  function ids(): string[] {
    try {
      return readdirSync(keysFolder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .filter((id) => ID.test(id));
    } catch (error) {
      if (isMissing(error)) return [];
      throw new AppError('storage', 'The signing keys folder cannot be read', { detail: String((error as NodeJS.ErrnoException).code ?? 'error') });
    }
  }

  async function unlock(stored: IdentityFile, protector: KeyProtector): Promise<StoredIdentity> {
    if (stored.protection !== protector.kind) {
      throw new AppError('unauthorized', `The signing key is protected by ${stored.protection}, not ${protector.kind}`, {
        reason: 'identity_protection_mismatch',
      });
    }
    let privateKeyPem: string;
    try {
      privateKeyPem = (await protector.decrypt(Buffer.from(stored.sealedPrivateKey, 'base64'))).toString('utf8');
    } catch (error) {
      // safeStorage throws plain errors (another user, another machine, a reset keychain).
      if (error instanceof AppError) throw error;
      throw new AppError('unauthorized', `The ${protector.kind} protector cannot open the signing key`, { reason: 'identity_locked' });
    }
    try {
      if (!new X509Certificate(stored.certificatePem).checkPrivateKey(createPrivateKey(privateKeyPem))) throw new Error('mismatch');
    } catch {
      throw corrupt(fileOf(stored.id), 'the key does not match the certificate');
    }
    const identity = { privateKeyPem, certificatePem: stored.certificatePem, chainPems: stored.chainPems };
    return { ...identity, id: stored.id, organization: stored.organization, summary: summarize(identity, stored.source) };
  }

  return {
    folder,
    list() {
      migrateLegacy();
      const keys = ids().flatMap((id) => {
        const stored = read(id);
        return stored ? [summaryOf(fileOf(id), stored)] : [];
      });
      return keys.sort((a, b) => a.organization.localeCompare(b.organization) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    get(id) {
      migrateLegacy();
      const stored = read(id);
      return stored ? summaryOf(fileOf(id), stored) : null;
    },
    async open(id, protector) {
      migrateLegacy();
      const stored = read(id);
      if (!stored) throw new AppError('not_found', 'No such signing key', { reason: 'no_such_key' });
      return unlock(stored, protector);
    },
    async add(identity, source, protector, now = new Date()) {
      const id = thumbprintOf(identity.certificatePem);
      const organization = organizationOfCertificate(identity.certificatePem) || 'unnamed';
      const sealedPrivateKey = (await protector.encrypt(Buffer.from(identity.privateKeyPem, 'utf8'))).toString('base64');
      write({
        format: 'sla-workshop-signing-identity',
        version: 2,
        id,
        organization,
        source,
        protection: protector.kind,
        createdAt: now.toISOString(),
        certificatePem: identity.certificatePem,
        chainPems: identity.chainPems,
        sealedPrivateKey,
      });
      return { ...identity, id, organization, summary: summarize(identity, source) };
    },
    remove(id, now = new Date()) {
      if (!read(id)) throw new AppError('not_found', 'No such signing key', { reason: 'no_such_key' });
      const removed = join(folder, REMOVED_FOLDER);
      mkdirSync(removed, { recursive: true, mode: 0o700 });
      renameSync(fileOf(id), join(removed, `${id}-${now.toISOString().replace(/[:.]/g, '-')}.json`));
    },
  };
}
