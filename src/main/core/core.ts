import { join } from 'node:path';
import { contract, isOpName, type HostKind, type OpName, type OpOutput, type OpParsedInput } from '../../shared/api/contract';
import { AppError, issuesFromZod, toApiError, type Result } from '../../shared/api/errors';
import { signingState } from '../../shared/signing/signers';
import { SLAW_SCHEMA_VERSION } from '../../shared/slaw/format';
import { createAgreementsRepo } from '../db/agreementsRepo';
import { createActualsRepo } from '../db/actualsRepo';
import { BACKUPS_DIR, resolveBackupSettings, startBackups, takeBackup, type BackupOptions } from '../db/backups';
import { DAMAGED_DIR, openDatabaseSafely } from '../db/recovery';
import { createActualsService } from './actuals';
import { createAgreementService } from './agreements';
import { DATABASE_FILE } from './dataDir';
import { digitallySign, exportDocx } from './document';
import type { KeyProtector } from './packageSignature';
import { createIdentityService } from './signingIdentity';
import { assertStoredSignaturesIntact } from './signing/integrity';
import { createSigningService } from './signing/service';
import { upgradeStoredModel } from './modelUpgrade';
import { storageError } from './storageError';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  host: HostKind;
  nativeBinding?: string;
  now?: () => Date;
  /** The device name recorded with signatures (default: the host name). */
  device?: () => string;
  /** The operating system's keychain for the signing key (Electron safeStorage); a passphrase otherwise. */
  keychain?: KeyProtector;
  /** Rolling backups: how many to keep (default 10, or SLA_WORKSHOP_BACKUPS_KEEP) and how often (default 24 h). */
  backups?: BackupOptions;
}

type Handlers = { [K in OpName]: (input: OpParsedInput<K>) => OpOutput<K> | Promise<OpOutput<K>> };

/** The application core: one database, the services, and `dispatch`, the single door every host calls. */
export function createCore(options: CoreOptions) {
  const backupSettings = resolveBackupSettings(options.backups);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const backupsDir = join(options.dataDir, BACKUPS_DIR);
  // A damaged database is moved aside and the newest good backup restored (see src/main/db/recovery.ts).
  const { db, recovery } = openDatabaseSafely({
    file: join(options.dataDir, DATABASE_FILE),
    backupsDir,
    damagedDir: join(options.dataDir, DAMAGED_DIR),
    ...binding,
    ...(options.now ? { now: options.now } : {}),
  });
  const repo = createAgreementsRepo(db);
  const actualsRepo = createActualsRepo(db);
  const timing = options.now ? { now: options.now } : {};
  // Rows written by an older model version are upgraded in place, after a backup, before anything reads them.
  try {
    upgradeStoredModel(db, { agreements: repo, actuals: actualsRepo }, { ...timing, backup: () => takeBackup(db, backupsDir, { ...binding, ...(options.now ? { now: options.now() } : {}) }) });
  } catch (error) {
    db.close();
    throw error;
  }
  // A backup now that the database opened and verified, then one every day while the app runs.
  const backups = startBackups(db, { dir: backupsDir, settings: backupSettings, ...binding, ...(options.now ? { now: options.now } : {}) });
  const actuals = createActualsService(db, repo, actualsRepo, timing);
  const agreements = createAgreementService(db, repo, { appVersion: options.appVersion, actuals, ...timing });
  const signing = createSigningService(db, repo, { ...timing, ...(options.device ? { device: options.device } : {}) });
  const identities = createIdentityService(options.dataDir, { ...timing, ...(options.keychain ? { keychain: options.keychain } : {}) });

  const handlers: Handlers = {
    'app.info': () => ({ appVersion: options.appVersion, schemaVersion: SLAW_SCHEMA_VERSION, dataDir: options.dataDir, host: options.host }),
    'app.startupReport': () => ({
      recovery: recovery
        ? { damagedPath: recovery.damagedPath, restoredFrom: recovery.restoredFrom, backupTakenAt: recovery.backupTakenAt, reason: recovery.reason }
        : null,
      backups: backups.summary(),
    }),
    'agreements.list': (input) => agreements.list(input),
    'agreements.get': ({ id }) => agreements.get(id),
    'agreements.create': ({ source, language, title }) => agreements.create(source, language, title),
    'agreements.save': ({ id, revision, agreement }) => agreements.save(id, revision, agreement),
    'agreements.duplicate': ({ id }) => agreements.duplicate(id),
    'agreements.rename': ({ id, title }) => agreements.rename(id, title),
    'agreements.trash': ({ id }) => agreements.trash(id),
    'agreements.restore': ({ id }) => agreements.restore(id),
    'agreements.purge': ({ id }) => agreements.purge(id),
    'actuals.get': ({ id }) => actuals.get(id),
    'actuals.save': ({ id, revision, months }) => actuals.save(id, revision, months),
    'signing.sign': (input) => signing.sign(input),
    'agreements.amend': ({ id }) => signing.amend(id),
    'agreements.changes': ({ id }) => signing.changes(id),
    'document.export': (input) => exportDocument(input),
    'signingKey.status': () => identities.status(),
    'signingKey.importP12': ({ base64, password, passphrase }) => identities.importP12(Buffer.from(base64, 'base64'), password, passphrase),
    'slaw.export': ({ id }) => agreements.exportSlaw(id),
    'slaw.import': ({ content }) => agreements.importSlaw(content),
  };

  /**
   * The Word document of a stored version, listing what changed when it amends a signed one. A fully signed
   * version is also sealed with the installation's digital signature unless the caller says not to.
   */
  async function exportDocument(input: OpParsedInput<'document.export'>): Promise<OpOutput<'document.export'>> {
    const { agreement } = agreements.get(input.id);
    // A version that is no longer what its signers signed gets no document, and so never a seal.
    assertStoredSignaturesIntact(agreement);
    const lang = input.language ?? agreement.meta.language;
    const sealed = input.digitalSignature ?? signingState(agreement).complete;
    // Open the key first: a missing or locked key is reported before any work is done.
    const signer = sealed
      ? identities.unlock({ ...(input.organization ? { organization: input.organization } : {}), ...(input.passphrase ? { passphrase: input.passphrase } : {}) })
      : null;
    const { base, changes } = signing.changes(input.id);
    const at = options.now?.();
    const exported = await exportDocx(agreement, {
      appVersion: options.appVersion,
      lang,
      ...(base ? { changes, baseVersion: base.version } : {}),
      ...(at ? { now: at } : {}),
    });
    const bytes = signer ? await digitallySign(exported.bytes, agreement, lang, signer, at) : exported.bytes;
    return {
      fileName: exported.fileName,
      base64: Buffer.from(bytes).toString('base64'),
      bytes: bytes.byteLength,
      digitalSignature: signer ? { subject: signer.summary.subject, selfSigned: signer.summary.selfSigned } : null,
    };
  }

  /**
   * Validates the operation name and its input, runs it, and always answers with a Result: never throws,
   * never lets a stack trace or an internal message out.
   */
  async function dispatch(name: unknown, input: unknown): Promise<Result<unknown>> {
    try {
      if (typeof name !== 'string' || !isOpName(name)) {
        throw new AppError('invalid_input', 'Unknown operation', { operation: typeof name === 'string' ? name.slice(0, 100) : typeof name });
      }
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) throw new AppError('invalid_input', `Invalid input for ${name}`, { operation: name }, issuesFromZod(parsed.error));
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toApiError(storageError(error) ?? error) };
    }
  }

  return {
    dispatch,
    agreements,
    actuals,
    signing,
    identities,
    db,
    /** What happened at open when the database was found damaged; null on a normal start. */
    recovery,
    backups,
    close: () => {
      backups.stop();
      db.close();
    },
  };
}
export type Core = ReturnType<typeof createCore>;
