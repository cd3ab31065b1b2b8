import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecoveryReason } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { applyMigrations, databaseVersion, LATEST_DB_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron); Node's own build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Run `PRAGMA integrity_check` before anything is written and throw a DatabaseDamagedError when it is not
   * `ok` (the start-up path; see recovery.ts).
   */
  verify?: boolean;
}

/** The file is there but is not a sound SQLite database; recovery.ts moves it aside. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly reason: RecoveryReason,
    readonly detail: string,
  ) {
    super(`Database damaged (${reason}): ${detail}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's own words for a damaged file: SQLITE_CORRUPT (and its extended codes) and SQLITE_NOTADB. */
export function isCorruptionError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** Null when `PRAGMA integrity_check` says `ok`, otherwise its first findings (shortened). */
export function integrityProblem(db: Db): string | null {
  const rows = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
  const findings = rows.map((r) => r.integrity_check);
  if (findings.length === 1 && findings[0] === 'ok') return null;
  return findings.join('; ').slice(0, 1000) || 'integrity_check returned nothing';
}

function describeSqliteError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
  return `${code}: ${error instanceof Error ? error.message : ''}`.slice(0, 500);
}

/**
 * The first read (the schema) and then `PRAGMA integrity_check`. SQLite may answer a damaged page with
 * findings or by failing with SQLITE_CORRUPT: both count as damage found by the check.
 */
function verify(db: Db): void {
  try {
    db.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
  } catch (error) {
    if (isCorruptionError(error)) throw new DatabaseDamagedError('unreadable', describeSqliteError(error));
    throw error;
  }
  let problem: string | null;
  try {
    problem = integrityProblem(db);
  } catch (error) {
    if (isCorruptionError(error)) throw new DatabaseDamagedError('integrity_check', describeSqliteError(error));
    throw error;
  }
  if (problem) throw new DatabaseDamagedError('integrity_check', problem);
}

/** A database written by a newer app is refused before anything (even the journal mode) is changed. */
function refuseNewer(db: Db): void {
  const current = databaseVersion(db);
  if (current > LATEST_DB_VERSION) {
    throw new AppError('db_newer_version', `Database version ${current} is newer than this app supports (${LATEST_DB_VERSION})`, {
      found: current,
      supported: LATEST_DB_VERSION,
    });
  }
}

/**
 * Opens (or creates) the database with durable settings: WAL journal, synchronous=FULL so a commit is on
 * disk before it is acknowledged, foreign keys on. Then applies pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // Checked on a read-only connection first: closing it never checkpoints, so a damaged file (and its
  // write-ahead log) is left exactly as found for recovery to move aside.
  const verified = options.verify && file !== ':memory:' && existsSync(file) ? verifyReadOnly(file, binding) : false;
  const db = new Database(file, { ...binding, ...(options.readonly ? { readonly: true } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    refuseNewer(db);
    if (options.verify && !verified) verify(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Checkpoint every ~100 WAL pages (default 1000). A small WAL is reused from its start sooner, and
    // appending to a WAL that still grows costs a metadata sync on every commit: measured here, this
    // keeps an autosave close to one bare fsync from the first save of a session (npm run bench).
    db.pragma('wal_autocheckpoint = 100');
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Version check, first read and integrity check on a read-only connection. False when SQLite cannot give
 * a read-only view here (e.g. a write-ahead log it may not create shared memory for): the read-write
 * connection then checks instead.
 */
function verifyReadOnly(file: string, binding: { nativeBinding?: string }): boolean {
  let db: Db;
  try {
    db = new Database(file, { ...binding, readonly: true, fileMustExist: true });
  } catch (error) {
    if (isCorruptionError(error)) throw new DatabaseDamagedError('unreadable', describeSqliteError(error));
    return false;
  }
  try {
    db.pragma('busy_timeout = 5000');
    refuseNewer(db);
    verify(db);
    return true;
  } catch (error) {
    if (error instanceof AppError || error instanceof DatabaseDamagedError || isCorruptionError(error)) throw error;
    if (isReadOnlyLimit(error)) return false;
    throw error;
  } finally {
    db.close();
  }
}

function isReadOnlyLimit(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN');
}

/** Runs `fn` in an IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
