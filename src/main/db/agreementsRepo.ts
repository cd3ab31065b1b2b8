import type { Db } from './connection';

/** A row of the agreements table, as stored. */
export interface AgreementRow {
  id: string;
  title: string;
  company: string;
  language: 'es' | 'en';
  status: 'draft' | 'signed' | 'superseded';
  version: number;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  steps_complete: number;
  /** Signatures recorded and participants who must sign, read from the data once signing has started (null for a draft). */
  signed_count: number | null;
  signers_required: number | null;
  /** The model version `data` was written in (src/shared/model/version.ts); set by core on every write. */
  model_version: number;
  /** The id of the first version of this agreement: all its versions share it (and its monthly actuals). */
  lineage_id: string;
}
export interface AgreementRowWithData extends AgreementRow {
  data: string;
}

/** A row written in an older model version, as the start-up upgrade reads it. */
export type StaleAgreementRow = Pick<AgreementRowWithData, 'id' | 'lineage_id' | 'model_version' | 'revision' | 'version' | 'data'>;

/**
 * The signature counts come from the stored JSON, and only for versions that are no longer drafts, so a list
 * of drafts never parses their data.
 */
const SUMMARY_COLUMNS = `id, title, company, language, status, version, revision, created_at, updated_at, deleted_at, steps_complete, model_version, lineage_id,
  CASE WHEN status = 'draft' THEN NULL ELSE json_array_length(data, '$.signatures') END AS signed_count,
  CASE WHEN status = 'draft' THEN NULL ELSE
    (SELECT count(*) FROM json_each(data, '$.participants') WHERE json_extract(value, '$.mustSign') = 1) END AS signers_required`;

/** SQL only: no validation or business rules here (those live in core). Statements prepared once. */
export function createAgreementsRepo(db: Db) {
  const statements = {
    get: db.prepare<[string], AgreementRowWithData>(`SELECT ${SUMMARY_COLUMNS}, data FROM agreements WHERE id = ?`),
    summary: db.prepare<[string], AgreementRow>(`SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE id = ?`),
    listLive: db.prepare<[], AgreementRow>(`SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`),
    listTrash: db.prepare<[], AgreementRow>(`SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`),
    searchLive: db.prepare<{ q: string }, AgreementRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE deleted_at IS NULL
         AND (title LIKE :q ESCAPE '\\' OR company LIKE :q ESCAPE '\\') ORDER BY updated_at DESC, id`,
    ),
    searchTrash: db.prepare<{ q: string }, AgreementRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE deleted_at IS NOT NULL
         AND (title LIKE :q ESCAPE '\\' OR company LIKE :q ESCAPE '\\') ORDER BY deleted_at DESC, id`,
    ),
    insert: db.prepare<AgreementRowWithData>(
      `INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, deleted_at, steps_complete, model_version, lineage_id, data)
       VALUES (:id, :title, :company, :language, :status, :version, :revision, :created_at, :updated_at, :deleted_at, :steps_complete, :model_version, :lineage_id, :data)`,
    ),
    // Both updates write the current model and never touch a row from a newer model version (it would be lost).
    update: db.prepare<AgreementRowWithData & { expected: number }>(
      `UPDATE agreements SET title = :title, company = :company, language = :language, status = :status, version = :version,
         revision = :revision, updated_at = :updated_at, steps_complete = :steps_complete, data = :data, model_version = :model_version
       WHERE id = :id AND revision = :expected AND deleted_at IS NULL AND status = 'draft' AND model_version <= :model_version`,
    ),
    /** Signing and superseding: any live version that is not superseded, still guarded by the revision. */
    updateSigning: db.prepare<AgreementRowWithData & { expected: number }>(
      `UPDATE agreements SET status = :status, revision = :revision, updated_at = :updated_at, data = :data, model_version = :model_version
       WHERE id = :id AND revision = :expected AND deleted_at IS NULL AND status != 'superseded' AND model_version <= :model_version`,
    ),
    openAmendment: db.prepare<[string], AgreementRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM agreements
       WHERE deleted_at IS NULL AND status = 'draft' AND json_extract(data, '$.meta.amendsId') = ? ORDER BY created_at LIMIT 1`,
    ),
    signedAmendment: db.prepare<[string], AgreementRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM agreements
       WHERE status != 'draft' AND json_extract(data, '$.meta.amendsId') = ? ORDER BY version DESC, created_at DESC LIMIT 1`,
    ),
    setDeleted: db.prepare<{ id: string; deleted_at: string | null }>(`UPDATE agreements SET deleted_at = :deleted_at WHERE id = :id`),
    purge: db.prepare<[string]>(`DELETE FROM agreements WHERE id = ?`),
    exists: db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM agreements WHERE id = ?`),
    amendsId: db.prepare<[string], { amendsId: string | null }>(`SELECT json_extract(data, '$.meta.amendsId') AS amendsId FROM agreements WHERE id = ?`),
    lineage: db.prepare<[string], { lineage_id: string }>(`SELECT lineage_id FROM agreements WHERE id = ?`),
    relink: db.prepare<{ from: string; to: string }, { id: string }>(`UPDATE agreements SET lineage_id = :to WHERE lineage_id = :from RETURNING id`),
    lineageUsed: db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM agreements WHERE lineage_id = ? LIMIT 1`),
    stale: db.prepare<[number], StaleAgreementRow>(
      `SELECT id, lineage_id, model_version, revision, version, data FROM agreements WHERE model_version < ? ORDER BY lineage_id, version, created_at, id`,
    ),
    upgrade: db.prepare<{ id: string; data: string; to: number; from: number; revision: number }>(
      `UPDATE agreements SET data = :data, model_version = :to WHERE id = :id AND model_version = :from AND revision = :revision`,
    ),
  };

  return {
    get: (id: string) => statements.get.get(id),
    summary: (id: string) => statements.summary.get(id),
    exists: (id: string) => statements.exists.get(id) !== undefined,
    /** The version a stored agreement amends (null for none; undefined when there is no such row). */
    amendsId: (id: string) => statements.amendsId.get(id)?.amendsId,
    list(options: { query?: string; trash?: boolean }): AgreementRow[] {
      const query = options.query?.trim();
      if (!query) return (options.trash ? statements.listTrash : statements.listLive).all();
      const q = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return (options.trash ? statements.searchTrash : statements.searchLive).all({ q });
    },
    insert: (row: AgreementRowWithData) => void statements.insert.run(row),
    /** Returns false when the row is missing, trashed, not a draft, or not at the expected revision. */
    update: (row: AgreementRowWithData, expected: number) => statements.update.run({ ...row, expected }).changes === 1,
    /** Status and content only (title, version and the rest of the summary stay as they are). */
    updateSigning: (row: AgreementRowWithData, expected: number) => statements.updateSigning.run({ ...row, expected }).changes === 1,
    /** The draft that amends a version, if one is open. */
    openAmendment: (amendsId: string) => statements.openAmendment.get(amendsId),
    /** The signed (or since superseded) version that amends this one, if any. */
    signedAmendment: (amendsId: string) => statements.signedAmendment.get(amendsId),
    setDeleted: (id: string, deletedAt: string | null) => statements.setDeleted.run({ id, deleted_at: deletedAt }).changes === 1,
    purge: (id: string) => statements.purge.run(id).changes === 1,
    /** The lineage a stored version belongs to (undefined when there is no such row). */
    lineageOf: (id: string) => statements.lineage.get(id)?.lineage_id,
    /** Moves every version of lineage `from` to lineage `to` (a version that was missing has arrived); the ids moved. */
    relinkLineage: (from: string, to: string) => statements.relink.all({ from, to }).map((r) => r.id),
    /** Whether any version (live or trashed) still belongs to the lineage. */
    lineageInUse: (lineageId: string) => statements.lineageUsed.get(lineageId) !== undefined,
    /** Rows written in a model version older than `current`, lineage by lineage, oldest version first. */
    staleRows: (current: number) => statements.stale.all(current),
    /**
     * Rewrites a row's JSON in model version `to` — not an edit: revision, dates and summary stay. False when
     * the row is no longer at `from` and `revision` (another process upgraded or changed it meanwhile).
     */
    upgradeRow: (row: StaleAgreementRow, data: string, to: number) =>
      statements.upgrade.run({ id: row.id, data, to, from: row.model_version, revision: row.revision }).changes === 1,
  };
}
export type AgreementsRepo = ReturnType<typeof createAgreementsRepo>;
