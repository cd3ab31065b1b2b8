import type { Migration } from './types';

/** Trash (soft delete with restore) and a stored count of complete steps for the home list. */
export const m002: Migration = {
  version: 2,
  name: 'trash-and-progress',
  up(db) {
    db.exec(`
      ALTER TABLE agreements ADD COLUMN deleted_at TEXT;
      ALTER TABLE agreements ADD COLUMN steps_complete INTEGER NOT NULL DEFAULT 0;
      DROP INDEX agreements_updated;
      CREATE INDEX agreements_live_updated ON agreements (deleted_at, updated_at DESC);
    `);
  },
};
