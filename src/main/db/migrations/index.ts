import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { m001 } from './001-agreements';
import { m002 } from './002-trash-and-progress';
import { m003 } from './003-document-exports';
import { m004 } from './004-installation-settings';
import { m005 } from './005-model-version-lineage-actuals';
import type { Migration } from './types';

/** Append-only. Never edit a migration that has shipped; add the next one (the versions only need to increase; a test checks it). */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005];
export const LATEST_DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function databaseVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies every pending migration in one transaction. A database written by a newer app is refused before
 * anything is touched.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = databaseVersion(db);
  if (current > latest) {
    throw new AppError('db_newer_version', `Database version ${current} is newer than this app supports (${latest})`, {
      found: current,
      supported: latest,
    });
  }
  if (migrations.every((m) => m.version <= current)) return current;
  // The version is read again inside the write lock: two processes opening a new database at once (two CLI
  // commands) must not both run the same migration; the second finds it done.
  db.transaction(() => {
    const locked = databaseVersion(db);
    for (const migration of migrations.filter((m) => m.version > locked)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return latest;
}
