import { join } from 'node:path';
import { contract, isOpName, type HostKind, type StartupReport } from '../../shared/api/contract';
import { AppError, issuesFromZod, toApiError, type Result } from '../../shared/api/errors';
import { SLAW_SCHEMA_VERSION } from '../../shared/slaw/format';
import { createAgreementsRepo } from '../db/agreementsRepo';
import { createSettingsRepo } from '../db/settingsRepo';
import { createCsvMappingService } from './csvMappings';
import { createActualsRepo } from '../db/actualsRepo';
import { createExportsRepo } from '../db/exportsRepo';
import { BACKUPS_DIR, resolveBackupSettings, type BackupOptions } from '../db/backups';
import { DAMAGED_DIR, openDatabaseSafely } from '../db/recovery';
import { createActualsService } from './actuals';
import { createAgreementService, loadAgreement } from './agreements';
import { announceWrites } from './announceWrites';
import { createBackupRestore } from './backupRestore';
import { createBackupService } from './backupService';
import { createCoreEvents } from './coreEvents';
import { checkDataDir, DATABASE_FILE, dataDirFailure } from './dataDir';
import type { DocumentService } from './document/service';
import type { KeyProtector } from './packageSignature';
import { createSettingsService } from './settings';
import { createIdentityService } from './signingIdentity';
import { createSigningService } from './signing/service';
import { upgradeStoredModel } from './modelUpgrade';
import { storageError } from './storageError';
import { createHandlers } from './handlers';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  host: HostKind;
  nativeBinding?: string;
  now?: () => Date;
  /** The operating system's keychain for the signing key (Electron safeStorage); a passphrase otherwise. */
  keychain?: KeyProtector;
  /** Backups: generations kept (10 changes, 7 days, 4 weeks; SLA_WORKSHOP_BACKUPS_KEEP) and how often to look for changes (1 h). */
  backups?: BackupOptions;
}

/** The application core: one database, the services, and `dispatch`, the single door every host calls. */
export function createCore(options: CoreOptions) {
  const backupSettings = resolveBackupSettings(options.backups);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const backupsDir = join(options.dataDir, BACKUPS_DIR);
  // A damaged database is moved aside and the newest good backup restored (see src/main/db/recovery.ts).
  // A data folder that is a file, or that may not be written, is named as such (not as a bare code).
  checkDataDir(options.dataDir);
  let opened: ReturnType<typeof openDatabaseSafely>;
  try {
    opened = openDatabaseSafely({
      file: join(options.dataDir, DATABASE_FILE),
      backupsDir,
      damagedDir: join(options.dataDir, DAMAGED_DIR),
      ...binding,
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    throw dataDirFailure(error, options.dataDir);
  }
  const { db, recovery } = opened;
  const actualsRepo = createActualsRepo(db);
  // Every row is read and checked now; a backup is taken if anything changed since the newest good one,
  // and the timer looks again every hour while the app runs (see backupService.ts).
  const backups = createBackupService(db, { dir: backupsDir, settings: backupSettings, ...binding, ...(options.now ? { now: options.now } : {}) });
  // Rows written by an older model version are upgraded in place before anything reads them, after a backup
  // (the newest good one when nothing changed since; refused, changing nothing, when none can be had).
  try {
    upgradeStoredModel(
      db,
      { agreements: createAgreementsRepo(db), actuals: actualsRepo },
      { ...(options.now ? { now: options.now } : {}), backup: () => backups.ensureBackup() },
    );
  } catch (error) {
    db.close();
    throw error;
  }
  backups.start();
  // Every committed write tells the hosts which agreement changed (Electron forwards it to every window).
  const events = createCoreEvents();
  const repo = announceWrites(createAgreementsRepo(db), events);
  const timing = options.now ? { now: options.now } : {};
  const actuals = createActualsService(db, repo, actualsRepo, timing);
  const restore = createBackupRestore(db, repo, actuals, { dir: backupsDir, backups, now: options.now ?? (() => new Date()), ...binding });
  const agreements = createAgreementService(db, repo, { appVersion: options.appVersion, actuals, ...timing });
  const settingsRepo = createSettingsRepo(db);
  const settings = createSettingsService(settingsRepo, timing);
  const csvMappings = createCsvMappingService(settingsRepo, timing);
  const signing = createSigningService(db, repo, { ...timing, device: settings.deviceFor });
  const identities = createIdentityService(options.dataDir, { ...timing, ...(options.keychain ? { keychain: options.keychain } : {}) });
  let documentService: Promise<DocumentService> | null = null;
  /** The Word document service, loaded on first use: docx and the signing code stay out of every other start. */
  const documents = (): Promise<DocumentService> =>
    (documentService ??= import('./document/service').then(({ createDocumentService }) =>
      createDocumentService({
        identities,
        exports: createExportsRepo(db),
        storedAgreement: (id) => {
          try {
            return loadAgreement(repo, id, { allowTrashed: true }).agreement;
          } catch (error) {
            if (error instanceof AppError && error.kind === 'not_found') return null;
            throw error;
          }
        },
        appVersion: options.appVersion,
        ...timing,
      }),
    ));

  /** What this start found: a recovered database, agreements that cannot be read, a backup that failed. */
  function startupReport(): StartupReport {
    return {
      recovery: recovery
        ? { damagedPath: recovery.damagedPath, restoredFrom: recovery.restoredFrom, backupTakenAt: recovery.backupTakenAt, reason: recovery.reason }
        : null,
      backups: backups.summary(),
      unreadable: backups.unreadable(),
    };
  }

  // One handler map per domain (src/main/core/handlers), over the services built above.
  const handlers = createHandlers({
    info: { appVersion: options.appVersion, schemaVersion: SLAW_SCHEMA_VERSION, dataDir: options.dataDir, host: options.host },
    startupReport,
    agreements,
    actuals,
    signing,
    identities,
    settings,
    csvMappings,
    restore,
    documents,
  });

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
    /** `agreementChanged {id, revision}` after every committed write. */
    events,
    agreements,
    actuals,
    signing,
    identities,
    settings,
    documents,
    db,
    /** What happened at open when the database was found damaged; null on a normal start. */
    recovery,
    startupReport,
    backups,
    close: () => {
      backups.stop();
      db.close();
    },
  };
}
export type Core = ReturnType<typeof createCore>;
