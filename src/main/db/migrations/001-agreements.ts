import type { Migration } from './types';

/** The agreements table: one row per agreement version, its full content as validated JSON. */
export const m001: Migration = {
  version: 1,
  name: 'agreements',
  up(db) {
    db.exec(`
      CREATE TABLE agreements (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        company     TEXT NOT NULL DEFAULT '',
        language    TEXT NOT NULL CHECK (language IN ('es', 'en')),
        status      TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'superseded')),
        version     INTEGER NOT NULL,
        revision    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agreements_updated ON agreements (updated_at DESC);
    `);
  },
};
