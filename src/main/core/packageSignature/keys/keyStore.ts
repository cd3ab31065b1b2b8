import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import { summarize, type IdentitySummary, type SigningIdentity } from './identity';
import { identityFileSchema, type IdentityFile } from './identityFile';
import type { KeyProtector } from './protector';

export const IDENTITY_FOLDER = 'signing';
export const IDENTITY_FILE = 'identity.json';

export interface StoredIdentity extends SigningIdentity {
  summary: IdentitySummary;
}

export interface KeyStore {
  readonly file: string;
  /** What the stored identity is, without unlocking its key; null when there is none yet. */
  summary(): IdentitySummary | null;
  /** The stored identity with its key unlocked; null when there is none yet. */
  current(): Promise<StoredIdentity | null>;
  /** The stored identity, or a new installation identity named after `organization` (stored first). */
  loadOrCreate(organization: string, now?: Date): Promise<StoredIdentity>;
  /** Replaces the stored identity with an organization certificate from a .p12/.pfx file. */
  importP12(bytes: Uint8Array, password: string, now?: Date): Promise<StoredIdentity>;
}

const corrupt = (file: string, why: string) => new AppError('storage', `The signing identity file ${file} cannot be used: ${why}`, { reason: 'identity_corrupt', detail: why });

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

/**
 * The installation's signing identity in `<dataDir>/signing/identity.json` (folder 0700, file 0600): the
 * certificate in clear, the private key sealed by `protector`. The file is validated when read; a damaged
 * file is reported, never silently replaced by a new key.
 */
export function createKeyStore(dataDir: string, protector: KeyProtector): KeyStore {
  const folder = join(dataDir, IDENTITY_FOLDER);
  const file = join(folder, IDENTITY_FILE);

  function read(): IdentityFile | null {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('storage', `The signing identity cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { detail: String((error as NodeJS.ErrnoException).code ?? 'error') });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw corrupt(file, 'not JSON');
    }
    const parsed = identityFileSchema.safeParse(json);
    if (!parsed.success) throw corrupt(file, 'not an identity file');
    return parsed.data;
  }

  async function unlock(stored: IdentityFile): Promise<StoredIdentity> {
    if (stored.protection !== protector.kind) {
      throw new AppError('unauthorized', `The signing key is protected by ${stored.protection}, not ${protector.kind}`, { reason: 'identity_protection_mismatch' });
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
      throw corrupt(file, 'the key does not match the certificate');
    }
    const identity = { privateKeyPem, certificatePem: stored.certificatePem, chainPems: stored.chainPems };
    return { ...identity, summary: summarize(identity, stored.source) };
  }

  async function save(identity: SigningIdentity, source: IdentityFile['source'], now: Date): Promise<StoredIdentity> {
    const sealedPrivateKey = (await protector.encrypt(Buffer.from(identity.privateKeyPem, 'utf8'))).toString('base64');
    const record: IdentityFile = {
      format: 'sla-workshop-signing-identity',
      version: 1,
      source,
      protection: protector.kind,
      createdAt: now.toISOString(),
      certificatePem: identity.certificatePem,
      chainPems: identity.chainPems,
      sealedPrivateKey,
    };
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeAtomically(file, `${JSON.stringify(record, null, 2)}\n`);
    return { ...identity, summary: summarize(identity, source) };
  }

  return {
    file,
    summary() {
      const stored = read();
      if (!stored) return null;
      try {
        return summarize({ privateKeyPem: '', certificatePem: stored.certificatePem, chainPems: stored.chainPems }, stored.source);
      } catch {
        throw corrupt(file, 'the certificate cannot be read');
      }
    },
    async current() {
      const stored = read();
      return stored ? unlock(stored) : null;
    },
    async loadOrCreate(organization, now = new Date()) {
      const stored = read();
      if (stored) return unlock(stored);
      // node-forge (certificates, PKCS#12) loads only when a key is made or imported, not with every core.
      const { createInstallationIdentity } = await import('./createInstallationIdentity');
      return save(await createInstallationIdentity(organization, now), 'installation', now);
    },
    async importP12(bytes, password, now = new Date()) {
      const { importPkcs12 } = await import('./importPkcs12');
      return save(await importPkcs12(bytes, password, now), 'imported', now);
    },
  };
}
