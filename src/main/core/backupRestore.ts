import type { AgreementSummary, BackupAgreement, BackupInfo, RestoreOutcome } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_CONTENT } from '../../shared/model/content';
import { newId } from '../../shared/model/ids';
import { LIMITS } from '../../shared/model/limits';
import { statusSchema, type Agreement } from '../../shared/model/schema';
import type { AgreementsRepo } from '../db/agreementsRepo';
import type { ActualsService } from './actuals';
import { findBackup, openBackupReadOnly } from '../db/backups';
import { inTransaction, type Db } from '../db/connection';
import { createStoredRowsRepo, readBackupLineageMonths, readBackupRows, type BackupAgreementRow, type BackupLineageMonths } from '../db/storedRowsRepo';
import { actualsSchema, type MonthlyActuals } from '../../shared/model/actuals';
import { migrateModel } from '../../shared/model/migrations';
import { MODEL_VERSION } from '../../shared/model/version';
import { toRow, toSummary } from './agreements';
import { unreadableCount } from './backupManifest';
import type { BackupService } from './backupService';
import { checkStoredAgreement } from './storedRows';

/**
 * Listing backups and bringing one agreement back from one. A backup is named by its file name only (the
 * contract checks the pattern; the file must be one listBackups finds), and is opened read-only.
 *
 * Restoring runs in one transaction and never loses what is there now: a current copy that cannot be read
 * is replaced (its revision moves on, so an editor still holding the old one is told it is stale); a
 * current copy that reads fine stays as it is and the backup's version is added beside it as a new draft;
 * an agreement no longer in the database is added back with its own id.
 */

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isoOrNull = (value: string | null | undefined) => (value && ISO.test(value) && !Number.isNaN(Date.parse(value)) ? value : null);

export interface BackupRestoreOptions {
  dir: string;
  backups: BackupService;
  now: () => Date;
  nativeBinding?: string;
}

/**
 * A backup's lineage months in the current model, through the same migrations as live rows. Months that cannot
 * be read are left in the backup (it is never changed) rather than restored half-understood.
 */
function backupMonths(found: BackupLineageMonths | null): MonthlyActuals[] {
  if (!found || found.model_version > MODEL_VERSION) return [];
  try {
    const raw = found.months.map((m) => JSON.parse(m.data) as unknown);
    return actualsSchema.parse(migrateModel({ agreement: null, actuals: raw }, found.model_version).actuals);
  } catch {
    return [];
  }
}

export function createBackupRestore(db: Db, repo: AgreementsRepo, actuals: ActualsService, options: BackupRestoreOptions) {
  const stored = createStoredRowsRepo(db);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  function withBackup<T>(name: string, fn: (backup: Db) => T): T {
    const file = findBackup(options.dir, name);
    if (!file) throw new AppError('not_found', `Backup ${name} not found`, { id: name });
    let backup: Db;
    try {
      backup = openBackupReadOnly(file.path, binding);
    } catch {
      throw new AppError('storage', `Backup ${name} cannot be opened`, { detail: 'backup_unreadable' });
    }
    try {
      return fn(backup);
    } finally {
      backup.close();
    }
  }

  /** What restoring `id` would do now: judged from the current row's bytes, not from a cached verdict. */
  function outcomeFor(id: string): RestoreOutcome {
    const current = stored.raw(id);
    if (!current) return 'add';
    return checkStoredAgreement(current.data, id, current.model_version).ok ? 'copy' : 'replace';
  }

  function describe(row: BackupAgreementRow): BackupAgreement | null {
    if (row.id.length === 0 || row.id.length > 64) return null;
    const status = statusSchema.safeParse(row.status);
    return {
      id: row.id,
      title: row.title.slice(0, LIMITS.shortText),
      company: row.company.slice(0, LIMITS.shortText),
      status: status.success ? status.data : null,
      version: Number.isSafeInteger(row.version) ? row.version : null,
      updatedAt: isoOrNull(row.updated_at),
      deletedAt: isoOrNull(row.deleted_at),
      readable: checkStoredAgreement(row.data, row.id, row.model_version).ok,
      outcome: outcomeFor(row.id),
    };
  }

  /** A draft copy of `agreement` under a new id, its title saying where it came from. */
  function asCopy(agreement: Agreement, takenAt: string): Agreement {
    const at = options.now().toISOString();
    const suffix = DEFAULT_CONTENT[agreement.meta.language].restoredSuffix.replace('{{date}}', takenAt.slice(0, 10));
    return {
      ...agreement,
      meta: {
        ...agreement.meta,
        id: newId(),
        title: `${agreement.meta.title} ${suffix}`.slice(0, LIMITS.shortText),
        status: 'draft',
        version: 1,
        amendsId: null,
        createdAt: at,
        updatedAt: at,
      },
      // Signatures belong to the version that was signed, never to a copy of it.
      signatures: [],
    };
  }

  /** Puts the backup's copy in place (see the rules above); run inside the restore's transaction. */
  function restoreRow(id: string, agreement: Agreement, source: BackupAgreementRow, takenAt: string): { outcome: RestoreOutcome; summary: AgreementSummary } {
    const current = stored.raw(id);
    if (!current) {
      // Back in the lineage of the version it amends, as an import would put it (see slawImport.ts).
      const base = agreement.meta.amendsId;
      const lineage = base === null ? id : (repo.lineageOf(base) ?? base);
      const row = toRow(agreement, 1, isoOrNull(source.deleted_at), lineage);
      repo.insert(row);
      actuals.adoptLineage(id, lineage);
      return { outcome: 'add', summary: toSummary(row) };
    }
    if (checkStoredAgreement(current.data, id, current.model_version).ok) {
      const row = toRow(asCopy(agreement, takenAt), 1);
      repo.insert(row);
      return { outcome: 'copy', summary: toSummary(row) };
    }
    // The damaged row gives way to the backup's; its trash state and lineage are kept, its revision moves on.
    const row = toRow(agreement, current.revision + 1, current.deleted_at);
    if (!stored.replace(row, current.revision)) throw new AppError('stale_revision', 'The agreement changed during the restore', { current: current.revision });
    return { outcome: 'replace', summary: toSummary(row) };
  }

  return {
    list(): BackupInfo[] {
      return options.backups.checkedBackups().map(({ backup, manifest }) => ({
        name: backup.name,
        takenAt: backup.takenAt,
        size: backup.size,
        ok: manifest.ok,
        agreements: manifest.agreements.length,
        unreadable: unreadableCount(manifest),
      }));
    },

    agreements(name: string): BackupAgreement[] {
      return withBackup(name, (backup) => readBackupRows(backup).flatMap((row) => describe(row) ?? []));
    },

    restoreAgreement(name: string, id: string): { outcome: RestoreOutcome; summary: AgreementSummary } {
      const file = findBackup(options.dir, name);
      const { source, lineageMonths } = withBackup(name, (backup) => ({
        source: readBackupRows(backup, id)[0],
        lineageMonths: readBackupLineageMonths(backup, id),
      }));
      if (!source || !file) throw new AppError('not_found', `Agreement ${id} is not in backup ${name}`, { id });
      // A backup taken before a model upgrade is read through the same migrations as the live rows were.
      const verdict = checkStoredAgreement(source.data, id, source.model_version);
      if (!verdict.ok) throw new AppError('storage', `Agreement ${id} cannot be read in backup ${name} either`, { detail: 'corrupt_row' });
      const result = inTransaction(db, () => {
        const restored = restoreRow(id, verdict.agreement, source, file.takenAt);
        // Months the upgrade took out of an older row go to its lineage, for the months the lineage lacks
        // (what is stored now was entered later than the backup).
        // So do the months the backup kept in its own lineage table (backups taken since model version 3).
        const lineage = repo.lineageOf(restored.summary.id);
        if (lineage !== undefined) actuals.addMissingMonths(lineage, [...verdict.actuals, ...backupMonths(lineageMonths)]);
        return restored;
      });
      if (result.outcome !== 'copy') options.backups.markReadable(id, result.summary.title);
      return result;
    },
  };
}
export type BackupRestore = ReturnType<typeof createBackupRestore>;
