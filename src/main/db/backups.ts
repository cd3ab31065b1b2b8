import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { integrityProblem, type Db } from './connection';
import { errorCode, fsyncDir, fsyncFile, moveToUniqueName } from './files';
import { inspectDatabaseFile } from './fileHeader';
import { LATEST_DB_VERSION } from './migrations';

/**
 * Rolling backups of the database in `<dataDir>/backups/sla-workshop-<UTC time>.db`.
 *
 * A backup is `VACUUM INTO` a temporary name: one read transaction on a WAL database, so it is a
 * consistent snapshot and it finishes however much another connection or process keeps writing (the
 * online-backup API, `db.backup()`, restarts on every foreign write and may never finish). The copy is
 * flushed to disk, opened read-only and checked (integrity_check = ok, a known schema version) and only
 * then given its final name: every file named like a backup has been verified once.
 */

export const BACKUPS_DIR = 'backups';
export const BACKUPS_KEEP_ENV = 'SLA_WORKSHOP_BACKUPS_KEEP';
export const DEFAULT_BACKUPS_KEEP = 10;
export const MAX_BACKUPS_KEEP = 1000;
export const DEFAULT_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** setInterval's ceiling (about 24.8 days). */
const MAX_INTERVAL_MS = 2 ** 31 - 1;
const STEM = 'sla-workshop-';
const PARTIAL_MARK = '.partial-';
/** Left-overs of a backup interrupted by a crash are removed once they are this old. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

const BACKUP_NAME = /^sla-workshop-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z(?:-(\d+))?\.db$/;

export interface BackupOptions {
  /** How many backups to keep (newest first); default 10, or SLA_WORKSHOP_BACKUPS_KEEP. */
  keep?: number;
  /** Time between backups while the app runs; default 24 h. */
  intervalMs?: number;
}

export interface BackupSettings {
  keep: number;
  intervalMs: number;
}

export interface BackupFile {
  path: string;
  name: string;
  /** ISO time the backup was taken (from its name). */
  takenAt: string;
  size: number;
}

export interface BackupsSummary {
  count: number;
  newest: string | null;
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_BACKUPS_KEEP;
}

/**
 * The options given to createCore win, then SLA_WORKSHOP_BACKUPS_KEEP, then the defaults. A bad option is
 * a programming error (thrown); a bad environment value is ignored.
 */
export function resolveBackupSettings(options: BackupOptions = {}, env: NodeJS.ProcessEnv = process.env): BackupSettings {
  if (options.keep !== undefined && !isCount(options.keep)) throw new RangeError(`backups.keep must be an integer from 1 to ${MAX_BACKUPS_KEEP}`);
  if (options.intervalMs !== undefined && !(Number.isInteger(options.intervalMs) && options.intervalMs >= 1 && options.intervalMs <= MAX_INTERVAL_MS)) {
    throw new RangeError(`backups.intervalMs must be an integer from 1 to ${MAX_INTERVAL_MS}`);
  }
  const fromEnv = env[BACKUPS_KEEP_ENV]?.trim();
  const envKeep = fromEnv && /^\d+$/.test(fromEnv) && isCount(Number(fromEnv)) ? Number(fromEnv) : undefined;
  return { keep: options.keep ?? envKeep ?? DEFAULT_BACKUPS_KEEP, intervalMs: options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS };
}

/** `2026-11-28T16-40-14.123Z`: an ISO time without colons (not allowed in Windows file names). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

/** The ISO time in a backup's file name, or null when the name is not a backup's. */
export function backupTime(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

function sequence(name: string): number {
  return Number(BACKUP_NAME.exec(name)?.[6] ?? 1);
}

/** The finished backups in `dir`, newest first. Temporary and empty files are not backups. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const found: (BackupFile & { seq: number })[] = [];
  for (const name of names) {
    const takenAt = backupTime(name);
    if (!takenAt) continue;
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (stat.isFile() && stat.size > 0) found.push({ path, name, takenAt, size: stat.size, seq: sequence(name) });
    } catch {
      // removed meanwhile (another process pruning)
    }
  }
  found.sort((a, b) => (a.takenAt === b.takenAt ? b.seq - a.seq : a.takenAt < b.takenAt ? 1 : -1));
  return found.map(({ seq: _seq, ...file }) => file);
}

export function summarizeBackups(dir: string): BackupsSummary {
  const all = listBackups(dir);
  return { count: all.length, newest: all[0]?.takenAt ?? null };
}

export type BackupVerdict = { ok: true; userVersion: number } | { ok: false; problem: string };

/**
 * Whether `file` is a backup we can restore: a sound header, opens read-only, integrity_check = ok, a
 * schema version this app knows (1 ≤ user_version ≤ latest) and the agreements table present.
 */
export function verifyBackup(file: string, options: { nativeBinding?: string } = {}): BackupVerdict {
  const outside = inspectDatabaseFile(file);
  if (outside.state !== 'sound') return { ok: false, problem: outside.state === 'damaged' ? outside.detail : `file is ${outside.state}` };
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    if (userVersion < 1 || userVersion > LATEST_DB_VERSION) return { ok: false, problem: `schema version ${userVersion} (this app knows 1–${LATEST_DB_VERSION})` };
    const problem = integrityProblem(db);
    if (problem) return { ok: false, problem };
    const table = db.prepare("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'agreements'").get();
    if (!table) return { ok: false, problem: 'no agreements table' };
    return { ok: true, userVersion };
  } catch (error) {
    return { ok: false, problem: errorCode(error) || 'cannot be opened' };
  } finally {
    db?.close();
  }
}

/**
 * Takes one verified backup of `db` into `dir` and returns it. Throws (leaving no file behind) when the
 * copy cannot be written or does not verify.
 */
export function takeBackup(db: Db, dir: string, options: { now?: Date; nativeBinding?: string } = {}): BackupFile {
  mkdirSync(dir, { recursive: true });
  const stamp = fileStamp(options.now ?? new Date());
  const partial = join(dir, `.${STEM}${stamp}${PARTIAL_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    const verdict = verifyBackup(partial, options);
    if (!verdict.ok) throw Object.assign(new Error(`The new backup failed verification: ${verdict.problem}`), { code: 'EBACKUPVERIFY' });
    const path = moveToUniqueName(partial, dir, `${STEM}${stamp}`, '.db');
    fsyncDir(dir);
    const name = basename(path);
    return { path, name, takenAt: backupTime(name) ?? new Date(stamp).toISOString(), size: statSync(path).size };
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
}

/**
 * Keeps the newest `keep` backups and deletes the older ones, plus temporary files a crash left behind.
 * Returns how many backups were deleted.
 */
export function pruneBackups(dir: string, keep: number, now: Date = new Date()): number {
  let removed = 0;
  for (const old of listBackups(dir).slice(keep)) {
    try {
      unlinkSync(old.path);
      removed++;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(`.${STEM}`) || !name.includes(PARTIAL_MARK)) continue;
    try {
      const path = join(dir, name);
      if (now.getTime() - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
    } catch {
      // gone already
    }
  }
  return removed;
}

export interface BackupSchedule {
  /** Takes a backup now and prunes; null (and lastError set) when it failed. Never throws. */
  takeNow(): BackupFile | null;
  summary(): BackupsSummary;
  /** Why the last attempt failed (an error code or message), or null. */
  lastError(): string | null;
  /** Clears the timer. */
  stop(): void;
}

/**
 * A backup now (after a successful open) and then every `intervalMs` on a timer that never keeps the
 * process alive. A failed backup is remembered, never thrown: the app keeps working without it.
 */
export function startBackups(
  db: Db,
  options: { dir: string; settings: BackupSettings; now?: () => Date; nativeBinding?: string },
): BackupSchedule {
  const now = options.now ?? (() => new Date());
  let failure: string | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  function takeNow(): BackupFile | null {
    try {
      const at = now();
      const file = takeBackup(db, options.dir, { now: at, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      pruneBackups(options.dir, options.settings.keep, at);
      failure = null;
      return file;
    } catch (error) {
      failure = errorCode(error) || (error instanceof Error ? error.message.slice(0, 200) : 'unknown');
      return null;
    }
  }

  takeNow();
  timer = setInterval(() => {
    if (db.open) takeNow();
  }, options.settings.intervalMs);
  timer.unref();

  return {
    takeNow,
    summary: () => summarizeBackups(options.dir),
    lastError: () => failure,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
