import type { Db } from './connection';

/** A row of document_exports: one Word document this installation exported. */
export interface DocumentExportRow {
  agreement_id: string;
  version: number;
  /** Null for a draft (nothing signed yet). */
  fingerprint: string | null;
  /** SHA-256 of the exact bytes handed out. */
  sha256: string;
  /** SHA-256 of the certificate that sealed it; null when not sealed. */
  thumbprint: string | null;
  language: 'es' | 'en';
  exported_at: string;
}

/** SQL only. Insert and read: the table refuses updates and deletes (migration 003). */
export function createExportsRepo(db: Db) {
  const statements = {
    insert: db.prepare<DocumentExportRow>(
      `INSERT INTO document_exports (agreement_id, version, fingerprint, sha256, thumbprint, language, exported_at)
       VALUES (:agreement_id, :version, :fingerprint, :sha256, :thumbprint, :language, :exported_at)`,
    ),
    bySha256: db.prepare<[string], DocumentExportRow>(
      `SELECT agreement_id, version, fingerprint, sha256, thumbprint, language, exported_at FROM document_exports WHERE sha256 = ? ORDER BY seq LIMIT 1`,
    ),
    countFor: db.prepare<[string, number], { n: number }>(`SELECT count(*) AS n FROM document_exports WHERE agreement_id = ? AND version = ?`),
  };
  return {
    insert(row: DocumentExportRow): void {
      statements.insert.run(row);
    },
    /** The first time these exact bytes were exported, or null. */
    findBySha256(sha256: string): DocumentExportRow | null {
      return statements.bySha256.get(sha256) ?? null;
    },
    countFor(agreementId: string, version: number): number {
      return statements.countFor.get(agreementId, version)?.n ?? 0;
    },
  };
}
export type ExportsRepo = ReturnType<typeof createExportsRepo>;
