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
}
export interface AgreementRowWithData extends AgreementRow {
  data: string;
}

const SUMMARY_COLUMNS = 'id, title, company, language, status, version, revision, created_at, updated_at, deleted_at, steps_complete';

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
      `INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, deleted_at, steps_complete, data)
       VALUES (:id, :title, :company, :language, :status, :version, :revision, :created_at, :updated_at, :deleted_at, :steps_complete, :data)`,
    ),
    update: db.prepare<AgreementRowWithData & { expected: number }>(
      `UPDATE agreements SET title = :title, company = :company, language = :language, status = :status, version = :version,
         revision = :revision, updated_at = :updated_at, steps_complete = :steps_complete, data = :data
       WHERE id = :id AND revision = :expected AND deleted_at IS NULL AND status = 'draft'`,
    ),
    /** Signing and superseding: any live version that is not superseded, still guarded by the revision. */
    updateSigning: db.prepare<AgreementRowWithData & { expected: number }>(
      `UPDATE agreements SET status = :status, revision = :revision, updated_at = :updated_at, data = :data
       WHERE id = :id AND revision = :expected AND deleted_at IS NULL AND status != 'superseded'`,
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
  };
}
export type AgreementsRepo = ReturnType<typeof createAgreementsRepo>;
