import type { Migration } from './types';

/**
 * Settings of this installation (not of an agreement), one row per setting: its value as JSON, validated by
 * core when read. The first is the readable device name recorded with each signature made here.
 */
export const m004: Migration = {
  version: 4,
  name: 'installation-settings',
  up(db) {
    db.exec(`
      CREATE TABLE installation_settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
