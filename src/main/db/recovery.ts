import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { RecoveryReason } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { fileStamp, listBackups, verifyBackup, type BackupFile } from './backups';
import { DatabaseDamagedError, isCorruptionError, openDatabase, type Db } from './connection';
import { hasHotWal, inspectDatabaseFile } from './fileHeader';
import { errorCode, fsyncDir, fsyncFile, moveToUniqueName, sleepSync } from './files';
import { LATEST_DB_VERSION } from './migrations';

/**
 * Opening the database at start-up, with detection of and recovery from a damaged file.
 *
 * Detected: a file too short for its header or its pages, a wrong header (magic string, page size, fixed
 * fields), SQLITE_CORRUPT / SQLITE_NOTADB while opening or on the first reads, and `PRAGMA
 * integrity_check` not `ok`. A damaged file (with its -wal / -shm / -journal) is *moved* to
 * `damaged/<name>-<UTC time>.db`, never deleted; the newest backup that verifies is copied into place
 * and opened; without one a fresh, empty database is started. A database from a newer app version is not
 * damage: it is refused (db_newer_version) and left exactly as it is.
 */

/** Folder of the data folder where a damaged database is moved (never deleted). */
export const DAMAGED_DIR = 'damaged';
/** Files SQLite keeps next to the database, moved aside with it. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;
/** A recovery lock whose owner is gone, or older than this, is taken over. */
const LOCK_STALE_MS = 10 * 60 * 1000;
const LOCK_POLL_MS = 50;

export interface RecoveryReport {
  recovered: true;
  /** Where the damaged file now is. */
  damagedPath: string;
  /** The backup copied into place, or null when a fresh database was started. */
  restoredFrom: string | null;
  backupTakenAt: string | null;
  reason: RecoveryReason;
  /** What exactly was wrong (English, for support). */
  detail: string;
}

export interface SafeOpenOptions {
  /** The database file, e.g. `<dataDir>/sla-workshop.db`. */
  file: string;
  backupsDir: string;
  damagedDir: string;
  nativeBinding?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Db;
  recovery: RecoveryReport | null;
}

interface Damage {
  reason: RecoveryReason;
  detail: string;
}

type Attempt = { db: Db; damage?: undefined } | { db?: undefined; damage: Damage };

function newerVersion(found: number): AppError {
  return new AppError('db_newer_version', `Database version ${found} is newer than this app supports (${LATEST_DB_VERSION})`, {
    found,
    supported: LATEST_DB_VERSION,
  });
}

/** One try at opening `file`: the open database, or what is wrong with it. Other failures are thrown. */
function attemptOpen(options: SafeOpenOptions): Attempt {
  const outside = inspectDatabaseFile(options.file);
  if (outside.state === 'damaged') {
    if (outside.userVersion !== undefined && outside.userVersion > LATEST_DB_VERSION) throw newerVersion(outside.userVersion);
    return { damage: { reason: outside.reason, detail: outside.detail } };
  }
  if (outside.state === 'sound' && outside.userVersion > LATEST_DB_VERSION && !hasHotWal(options.file)) throw newerVersion(outside.userVersion);
  // A zero-byte file is what SQLite leaves before its first write, but once backups exist the database
  // had content: it was cut to nothing.
  if (outside.state === 'empty' && !hasHotWal(options.file) && listBackups(options.backupsDir).length > 0) {
    return { damage: { reason: 'truncated', detail: 'file is empty (0 bytes) but backups of it exist' } };
  }
  try {
    return { db: openDatabase(options.file, { verify: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }) };
  } catch (error) {
    if (error instanceof DatabaseDamagedError) return { damage: { reason: error.reason, detail: error.detail } };
    if (isCorruptionError(error))
      return { damage: { reason: 'unreadable', detail: `${errorCode(error)}: ${error instanceof Error ? error.message : ''}`.slice(0, 500) } };
    throw error;
  }
}

/**
 * Opens the database; if it is damaged, moves it aside and restores the newest good backup (or starts a
 * fresh one) and says so in `recovery`. Throws db_newer_version untouched, and SQLite / file-system errors
 * that are not damage (locked, unwritable folder…) as they are.
 */
export function openDatabaseSafely(options: SafeOpenOptions): OpenedDatabase {
  mkdirSync(dirname(options.file), { recursive: true });
  const lock = `${options.file}.recovering`;
  // Another process restoring right now: wait, so as not to open (and create) a file it is replacing.
  waitWhileLocked(lock);
  const first = attemptOpen(options);
  if (first.db) return { db: first.db, recovery: null };
  return withLock(lock, () => {
    // Someone else may have recovered the file while we waited for the lock.
    const again = attemptOpen(options);
    if (again.db) return { db: again.db, recovery: null };
    return recover(options, again.damage);
  });
}

function recover(options: SafeOpenOptions, damage: Damage): OpenedDatabase {
  const { file } = options;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const at = (options.now ?? (() => new Date()))();
  const staging = `${file}.restoring`;
  rmSync(staging, { force: true });

  // The copy is made before the damaged file moves, so the data folder is never left without a database
  // for longer than one rename.
  let chosen: BackupFile | null = null;
  for (const backup of listBackups(options.backupsDir)) {
    if (!verifyBackup(backup.path, binding).ok) continue;
    copyFileSync(backup.path, staging);
    fsyncFile(staging);
    chosen = backup;
    break;
  }

  const damagedPath = moveAside(file, options.damagedDir, at);
  const report = (from: BackupFile | null): RecoveryReport => ({
    recovered: true,
    damagedPath,
    restoredFrom: from?.path ?? null,
    backupTakenAt: from?.takenAt ?? null,
    reason: damage.reason,
    detail: damage.detail,
  });

  if (chosen) {
    renameSync(staging, file);
    fsyncDir(dirname(file));
    try {
      return { db: openDatabase(file, { ...binding, verify: true }), recovery: report(chosen) };
    } catch (error) {
      if (!(error instanceof DatabaseDamagedError) && !isCorruptionError(error)) throw error;
      // Verified a moment ago, so this is unexpected; the file is only our copy (the backup stays).
      for (const path of [file, ...COMPANIONS.map((s) => `${file}${s}`)]) rmSync(path, { force: true });
    }
  }
  return { db: openDatabase(file, binding), recovery: report(null) };
}

/** Moves the damaged database and its companions to `damagedDir`, never overwriting anything there. */
function moveAside(file: string, damagedDir: string, at: Date): string {
  mkdirSync(damagedDir, { recursive: true });
  const ext = extname(file);
  const stem = `${basename(file, ext)}-${fileStamp(at)}`;
  const target = existsSync(file) ? moveToUniqueName(file, damagedDir, stem, ext || '.db') : null;
  const base = target ? basename(target) : `${stem}${ext || '.db'}`;
  for (const suffix of COMPANIONS) {
    if (existsSync(`${file}${suffix}`)) moveToUniqueName(`${file}${suffix}`, damagedDir, base, suffix);
  }
  fsyncDir(damagedDir);
  fsyncDir(dirname(file));
  return target ?? join(damagedDir, base);
}

function lockIsStale(lock: string): boolean {
  try {
    const age = Date.now() - statSync(lock).mtimeMs;
    if (age > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return age > 5_000;
    if (pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return errorCode(error) === 'ESRCH';
    }
  } catch {
    return false;
  }
}

function waitWhileLocked(lock: string): void {
  const deadline = Date.now() + LOCK_STALE_MS;
  while (existsSync(lock) && !lockIsStale(lock) && Date.now() < deadline) sleepSync(LOCK_POLL_MS);
}

/** A lock file between processes sharing the data folder (browser mode and the CLI may start together). */
function withLock<T>(lock: string, fn: () => T): T {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if (lockIsStale(lock) || Date.now() > deadline) rmSync(lock, { force: true });
      else sleepSync(LOCK_POLL_MS);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
