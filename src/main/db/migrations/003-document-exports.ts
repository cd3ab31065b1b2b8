import type { Migration } from './types';

/**
 * Every Word document the installation exports, as a trust anchor outside the file: `verify --data-dir` and the
 * app's "Verify a document" look a file up here by the SHA-256 of its exact bytes. Append-only: triggers refuse
 * UPDATE and DELETE, so a record cannot be rewritten to vouch for another file. No foreign key: the record
 * outlives an agreement purged from the trash.
 */
export const m003: Migration = {
  version: 3,
  name: 'document-exports',
  up(db) {
    db.exec(`
      CREATE TABLE document_exports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        agreement_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        fingerprint TEXT CHECK (fingerprint IS NULL OR length(fingerprint) = 64),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        thumbprint TEXT CHECK (thumbprint IS NULL OR length(thumbprint) = 64),
        language TEXT NOT NULL CHECK (language IN ('es', 'en')),
        exported_at TEXT NOT NULL
      );
      CREATE INDEX document_exports_sha256 ON document_exports (sha256);
      CREATE INDEX document_exports_agreement ON document_exports (agreement_id, version);
      CREATE TRIGGER document_exports_no_update BEFORE UPDATE ON document_exports
        BEGIN SELECT RAISE(ABORT, 'document_exports is append-only'); END;
      CREATE TRIGGER document_exports_no_delete BEFORE DELETE ON document_exports
        BEGIN SELECT RAISE(ABORT, 'document_exports is append-only'); END;
    `);
  },
};
