import type { AgreementRecord, AgreementSummary } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { fileNameFromTitle } from '../../shared/fileName';
import { checkCompleteness } from '../../shared/model/completeness';
import { DEFAULT_CONTENT } from '../../shared/model/content';
import { createBlank } from '../../shared/model/defaults';
import { createExample } from '../../shared/model/example';
import { newId } from '../../shared/model/ids';
import { LIMITS } from '../../shared/model/limits';
import { STEP_IDS, type Agreement, type Language } from '../../shared/model/schema';
import { signatureCountOf } from '../../shared/signing/displayStatus';
import { MODEL_VERSION } from '../../shared/model/version';
import { serializeSlaw, SLAW_EXTENSION } from '../../shared/slaw/format';
import type { AgreementRow, AgreementRowWithData, AgreementsRepo } from '../db/agreementsRepo';
import { inTransaction, type Db } from '../db/connection';
import type { ActualsService } from './actuals';
import { importSlaw, type ImportResult } from './slawImport';
import { assertNotNewer, readStoredRow } from './storedModel';

export interface AgreementServiceOptions {
  appVersion: string;
  /** Monthly actuals, kept per lineage beside the agreement (exported and imported with it). */
  actuals: ActualsService;
  now?: () => Date;
}

/** Reads and re-validates one stored agreement (see readStoredRow); a missing or trashed one is not_found. */
export function loadAgreement(repo: AgreementsRepo, id: string, { allowTrashed = false } = {}): { agreement: Agreement; row: AgreementRowWithData } {
  const row = repo.get(id);
  if (!row || (!allowTrashed && row.deleted_at !== null)) throw new AppError('not_found', `Agreement ${id} not found`, { id });
  return { agreement: readStoredRow(row), row };
}

export function toSummary(row: AgreementRow): AgreementSummary {
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    language: row.language,
    status: row.status,
    version: row.version,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    stepsComplete: row.steps_complete,
    stepsTotal: STEP_IDS.length,
    signatures: row.signed_count === null || row.signers_required === null ? null : { signed: row.signed_count, required: row.signers_required },
  };
}

/**
 * A row as core writes it: always in the current model version. `lineageId` matters only for a new row (an
 * update never changes it): a first version starts its own lineage, an amendment joins its base's.
 */
export function toRow(agreement: Agreement, revision: number, deletedAt: string | null = null, lineageId: string = agreement.meta.id): AgreementRowWithData {
  const m = agreement.meta;
  return {
    id: m.id,
    title: m.title,
    company: m.company,
    language: m.language,
    status: m.status,
    version: m.version,
    revision,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    deleted_at: deletedAt,
    steps_complete: checkCompleteness(agreement).steps.filter((s) => s.complete).length,
    signed_count: signatureCountOf(agreement)?.signed ?? null,
    signers_required: signatureCountOf(agreement)?.required ?? null,
    model_version: MODEL_VERSION,
    lineage_id: lineageId,
    data: JSON.stringify(agreement),
  };
}

/** A file name safe on every OS, from the agreement's title (see shared/fileName.ts). */
export function slawFileName(title: string): string {
  return fileNameFromTitle(title, SLAW_EXTENSION);
}

/**
 * Agreements as drafts are edited: create, save, rename, duplicate, trash. It is not the only writer of the
 * agreements table: signing (signing/service.ts: sign, amend), `.slaw` import (slawImport.ts) and backup
 * restore (backupRestore.ts) write rows too. The rule every writer keeps: rows change only through the
 * `AgreementsRepo` that core.ts wraps with announceWrites (so other windows hear of it), inside one
 * transaction; an update names the revision it read (a stale one is refused, never overwritten); and every
 * agreement is validated against the model before it is stored. Signed versions change only through signing.
 */
export function createAgreementService(db: Db, repo: AgreementsRepo, options: AgreementServiceOptions) {
  const now = () => (options.now ?? (() => new Date()))();

  const load = (id: string, options?: { allowTrashed?: boolean }) => loadAgreement(repo, id, options);

  function summaryOf(id: string): AgreementSummary {
    const row = repo.summary(id);
    if (!row) throw new AppError('not_found', `Agreement ${id} not found`, { id });
    return toSummary(row);
  }

  function insertNew(agreement: Agreement): AgreementRecord {
    inTransaction(db, () => repo.insert(toRow(agreement, 1)));
    return { agreement, revision: 1 };
  }

  return {
    list(options: { query?: string; trash?: boolean } = {}): AgreementSummary[] {
      return repo.list(options).map(toSummary);
    },

    get(id: string): AgreementRecord {
      const { agreement, row } = load(id);
      return { agreement, revision: row.revision };
    },

    create(source: 'blank' | 'example', language: Language, title?: string): AgreementRecord {
      const at = now();
      const agreement = source === 'example' ? createExample(language, at) : createBlank(language, { now: at, ...(title ? { title } : {}) });
      if (title?.trim()) agreement.meta.title = title.trim();
      return insertNew(agreement);
    },

    /**
     * Stores the whole agreement if the caller saw the latest revision; a stale save is refused, never merged.
     * The server owns the id, status, version, `amendsId`, `createdAt` and `updatedAt`; everything else is the
     * caller's validated content.
     */
    save(id: string, revision: number, agreement: Agreement): { revision: number; summary: AgreementSummary } {
      if (agreement.meta.id !== id) throw new AppError('invalid_input', 'Agreement id does not match', { path: 'agreement.meta.id' });
      const current = repo.summary(id);
      if (!current || current.deleted_at !== null) throw new AppError('not_found', `Agreement ${id} not found`, { id });
      assertNotNewer(current);
      if (current.revision !== revision) {
        throw new AppError('stale_revision', `Revision ${revision} is stale; current is ${current.revision}`, { current: current.revision, given: revision });
      }
      if (current.status !== 'draft') throw new AppError('read_only', 'Only drafts can be edited', { status: current.status });
      // Status, version, creation time and the version it amends belong to the server: a save edits a draft's
      // content, nothing else (a draft claiming to amend another agreement would take over its amendments).
      const meta = {
        ...agreement.meta,
        status: 'draft' as const,
        version: current.version,
        amendsId: repo.amendsId(id) ?? null,
        createdAt: current.created_at,
        updatedAt: now().toISOString(),
      };
      // Signatures are recorded only by signing (core/signing); a draft's save can never bring its own.
      const row = toRow({ ...agreement, meta, signatures: [] }, revision + 1);
      // The conditional UPDATE re-checks revision and status, so a concurrent writer between the read above
      // and this write cannot be overwritten: it is reported as stale instead.
      if (!repo.update(row, revision))
        throw new AppError('stale_revision', 'The agreement changed during the save', { current: revision + 1, given: revision });
      return { revision: revision + 1, summary: toSummary(row) };
    },

    duplicate(id: string): AgreementSummary {
      const { agreement } = load(id);
      const at = now().toISOString();
      const suffix = DEFAULT_CONTENT[agreement.meta.language].copySuffix;
      const copy: Agreement = {
        ...structuredClone(agreement),
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
        signatures: [],
      };
      // A new agreement: a new lineage (its own id), without the original's monthly actuals.
      insertNew(copy);
      return summaryOf(copy.meta.id);
    },

    rename(id: string, title: string): AgreementSummary {
      return inTransaction(db, () => {
        const { agreement, row } = load(id);
        if (row.status !== 'draft') throw new AppError('read_only', 'Only drafts can be renamed', { status: row.status });
        const next = { ...agreement, meta: { ...agreement.meta, title: title.trim(), updatedAt: now().toISOString() } };
        if (!repo.update(toRow(next, row.revision + 1), row.revision)) throw new AppError('stale_revision', 'Changed during rename', { current: row.revision });
        return summaryOf(id);
      });
    },

    trash(id: string): AgreementSummary {
      return inTransaction(db, () => {
        load(id);
        repo.setDeleted(id, now().toISOString());
        return summaryOf(id);
      });
    },

    restore(id: string): AgreementSummary {
      return inTransaction(db, () => {
        const row = repo.summary(id);
        if (!row) throw new AppError('not_found', `Agreement ${id} not found`, { id });
        repo.setDeleted(id, null);
        return summaryOf(id);
      });
    },

    /** Deletes for good; only from the trash, so one click never destroys a live agreement. */
    purge(id: string): { id: string } {
      return inTransaction(db, () => {
        const row = repo.summary(id);
        if (!row || row.deleted_at === null) throw new AppError('not_found', `Agreement ${id} is not in the trash`, { id });
        repo.purge(id);
        options.actuals.forgetIfUnused(row.lineage_id);
        return { id };
      });
    },

    /** The version and its lineage's monthly actuals (top level in the file, outside what was signed). */
    exportSlaw(id: string): { fileName: string; content: string } {
      const { agreement, row } = load(id);
      const months = options.actuals.monthsOf(row.lineage_id);
      return { fileName: slawFileName(agreement.meta.title), content: serializeSlaw(agreement, options.appVersion, now(), months) };
    },

    /** Parses and checks the whole file first; only a valid agreement reaches the database (see slawImport.ts). */
    importSlaw(content: string): ImportResult {
      return importSlaw(db, repo, options.actuals, content, now());
    },
  };
}
export type AgreementService = ReturnType<typeof createAgreementService>;
