import type { AgreementRowWithData } from './agreementsRepo';
import type { Db } from './connection';
import { MODEL_VERSION_BEFORE_COLUMN } from './migrations/005-model-version-lineage-actuals';

/** A stored agreement's JSON as bytes (never decoded with replacement characters), with what a restore needs. */
export interface RawAgreementRow {
  id: string;
  revision: number;
  deleted_at: string | null;
  model_version: number;
  data: Buffer;
}

/** A backup's row: the summary columns it has (older schemas lack some) and its JSON as bytes. */
export interface BackupAgreementRow {
  id: string;
  title: string;
  company: string;
  status: string;
  version: number;
  updated_at: string;
  deleted_at: string | null;
  /** The model version its JSON was written in (older backups lack the column: their rows are all older). */
  model_version: number;
  data: Buffer;
}

/** SQL only, for reading rows as bytes and for putting a restored row in place of a damaged one. */
export function createStoredRowsRepo(db: Db) {
  const statements = {
    raw: db.prepare<[string], RawAgreementRow>('SELECT id, revision, deleted_at, model_version, CAST(data AS BLOB) AS data FROM agreements WHERE id = ?'),
    replace: db.prepare<AgreementRowWithData & { expected: number }>(
      `UPDATE agreements SET title = :title, company = :company, language = :language, status = :status, version = :version,
         revision = :revision, created_at = :created_at, updated_at = :updated_at, deleted_at = :deleted_at,
         steps_complete = :steps_complete, model_version = :model_version, data = :data
       WHERE id = :id AND revision = :expected`,
    ),
  };
  return {
    raw: (id: string) => statements.raw.get(id),
    /** Replaces every column of the row, if it is still at the expected revision. */
    replace: (row: AgreementRowWithData, expected: number) => statements.replace.run({ ...row, expected }).changes === 1,
  };
}
export type StoredRowsRepo = ReturnType<typeof createStoredRowsRepo>;

/** Every agreement row of a backup (opened read-only), whatever schema version it was written with. */
export function readBackupRows(backup: Db, id?: string): BackupAgreementRow[] {
  const columns = new Set((backup.prepare('PRAGMA table_info(agreements)').all() as { name: string }[]).map((c) => c.name));
  const pick = (name: string, fallback: string) => (columns.has(name) ? `"${name}"` : fallback);
  const sql = `SELECT CAST(id AS TEXT) AS id, ${pick('title', "''")} AS title, ${pick('company', "''")} AS company, ${pick('status', "''")} AS status,
      ${pick('version', '0')} AS version, ${pick('updated_at', "''")} AS updated_at, ${pick('deleted_at', 'NULL')} AS deleted_at,
      ${pick('model_version', String(MODEL_VERSION_BEFORE_COLUMN))} AS model_version, CAST(data AS BLOB) AS data FROM agreements${id === undefined ? '' : ' WHERE id = ?'}`;
  const statement = backup.prepare(sql);
  return (id === undefined ? statement.all() : statement.all(id)) as BackupAgreementRow[];
}

/** A backup's monthly actuals for the lineage of agreement `id`: the model version they were written in, and each month's JSON. */
export interface BackupLineageMonths {
  model_version: number;
  months: { month: string; data: string }[];
}

/**
 * The months a backup holds for the lineage of agreement `id`, or null when the backup predates lineage
 * actuals (they were still inside each agreement's JSON then) or has none for it.
 */
export function readBackupLineageMonths(backup: Db, id: string): BackupLineageMonths | null {
  const tables = new Set((backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  if (!tables.has('actuals') || !tables.has('actuals_lineages')) return null;
  const columns = new Set((backup.prepare('PRAGMA table_info(agreements)').all() as { name: string }[]).map((c) => c.name));
  if (!columns.has('lineage_id')) return null;
  const row = backup.prepare<[string], { lineage_id: string }>('SELECT CAST(lineage_id AS TEXT) AS lineage_id FROM agreements WHERE id = ?').get(id);
  if (!row) return null;
  const lineage = backup.prepare<[string], { model_version: number }>('SELECT model_version FROM actuals_lineages WHERE lineage_id = ?').get(row.lineage_id);
  if (!lineage) return null;
  const months = backup
    .prepare<[string], { month: string; data: string }>(
      'SELECT CAST(month AS TEXT) AS month, CAST(data AS TEXT) AS data FROM actuals WHERE lineage_id = ? ORDER BY month',
    )
    .all(row.lineage_id);
  return { model_version: lineage.model_version, months };
}
