import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { integrityProblem, isCorruptionError, type Db } from './connection';
import { errorCode, fsyncDir, fsyncFile, moveToUniqueName } from './files';
import { inspectDatabaseFile } from './fileHeader';
import { LATEST_DB_VERSION } from './migrations';

/**
 * Backup files of the database in `<dataDir>/backups/sla-workshop-<UTC time>.db`: taking, verifying,
 * listing, choosing which generations to keep, and removing. When to take one and which rows of it can be
 * read is decided in core (src/main/core/backupService.ts).
 *
 * A backup is `VACUUM INTO` a temporary name: one read transaction on a WAL database, so it is a
 * consistent snapshot and it finishes however much another connection or process keeps writing (the
 * online-backup API, `db.backup()`, restarts on every foreign write and may never finish). The copy is
 * flushed to disk, opened read-only and checked (integrity_check = ok, a known schema version, and
 * whatever the caller's `inspect` checks) and only then given its final name: every file named like a
 * backup has been verified once.
 */

export const BACKUPS_DIR = 'backups';
export const BACKUPS_KEEP_ENV = 'SLA_WORKSHOP_BACKUPS_KEEP';
/** The newest backups kept whatever their age: one per change of the database. */
export const DEFAULT_BACKUPS_KEEP = 10;
/** Besides those, the newest backup of each of the last 7 days that have one… */
export const DEFAULT_BACKUPS_DAILY = 7;
/** …and of each of the last 4 weeks that have one. */
export const DEFAULT_BACKUPS_WEEKLY = 4;
export const MAX_BACKUPS_KEEP = 1000;
/** How often a running app looks for changes to back up (a look that finds none writes nothing). */
export const DEFAULT_BACKUP_INTERVAL_MS = 60 * 60 * 1000;
/** setInterval's ceiling (about 24.8 days). */
const MAX_INTERVAL_MS = 2 ** 31 - 1;
const STEM = 'sla-workshop-';
const PARTIAL_MARK = '.partial-';
/** Left-overs of a backup interrupted by a crash are removed once they are this old. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;
/** What a backup's check is kept in, next to it: `<backup name>.json` (see core/backupManifest.ts). */
export const MANIFEST_SUFFIX = '.json';

const BACKUP_NAME = /^sla-workshop-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z(?:-(\d+))?\.db$/;

export interface BackupOptions {
  /** How many of the newest backups to keep (one per change); default 10, or SLA_WORKSHOP_BACKUPS_KEEP. */
  keep?: number;
  /** How many days (that have a backup) keep their newest one; default 7. */
  daily?: number;
  /** How many weeks (that have a backup) keep their newest one; default 4. */
  weekly?: number;
  /** How often a running app backs up what changed; default 1 h. */
  intervalMs?: number;
}

export interface BackupSettings {
  keep: number;
  daily: number;
  weekly: number;
  intervalMs: number;
}

export interface BackupFile {
  path: string;
  name: string;
  /** ISO time the backup was taken (from its name). */
  takenAt: string;
  size: number;
}

function isCount(value: number, min = 1): boolean {
  return Number.isInteger(value) && value >= min && value <= MAX_BACKUPS_KEEP;
}

/**
 * The options given to createCore win, then SLA_WORKSHOP_BACKUPS_KEEP, then the defaults. A bad option is
 * a programming error (thrown); a bad environment value is ignored.
 */
export function resolveBackupSettings(options: BackupOptions = {}, env: NodeJS.ProcessEnv = process.env): BackupSettings {
  if (options.keep !== undefined && !isCount(options.keep)) throw new RangeError(`backups.keep must be an integer from 1 to ${MAX_BACKUPS_KEEP}`);
  for (const key of ['daily', 'weekly'] as const) {
    const value = options[key];
    if (value !== undefined && !isCount(value, 0)) throw new RangeError(`backups.${key} must be an integer from 0 to ${MAX_BACKUPS_KEEP}`);
  }
  if (options.intervalMs !== undefined && !(Number.isInteger(options.intervalMs) && options.intervalMs >= 1 && options.intervalMs <= MAX_INTERVAL_MS)) {
    throw new RangeError(`backups.intervalMs must be an integer from 1 to ${MAX_INTERVAL_MS}`);
  }
  const fromEnv = env[BACKUPS_KEEP_ENV]?.trim();
  const envKeep = fromEnv && /^\d+$/.test(fromEnv) && isCount(Number(fromEnv)) ? Number(fromEnv) : undefined;
  return {
    keep: options.keep ?? envKeep ?? DEFAULT_BACKUPS_KEEP,
    daily: options.daily ?? DEFAULT_BACKUPS_DAILY,
    weekly: options.weekly ?? DEFAULT_BACKUPS_WEEKLY,
    intervalMs: options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
  };
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

/** The finished backups in `dir`, newest first. Temporary, empty and non-regular files are not backups. */
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
      // lstat: a symbolic link planted in the folder is not one of our backups.
      const stat = lstatSync(path);
      if (stat.isFile() && stat.size > 0) found.push({ path, name, takenAt, size: stat.size, seq: sequence(name) });
    } catch {
      // removed meanwhile (another process pruning)
    }
  }
  found.sort((a, b) => (a.takenAt === b.takenAt ? b.seq - a.seq : a.takenAt < b.takenAt ? 1 : -1));
  return found.map(({ seq: _seq, ...file }) => file);
}

/** One backup by its file name (never a path), or null when there is no such backup. */
export function findBackup(dir: string, name: string): BackupFile | null {
  if (!backupTime(name) || basename(name) !== name) return null;
  return listBackups(dir).find((b) => b.name === name) ?? null;
}

/** `definite`: the file itself is at fault (not a passing failure such as too many open files). */
export type BackupVerdict = { ok: true; userVersion: number } | { ok: false; problem: string; definite: boolean };

/**
 * Whether `file` is a backup we can restore: a sound header, opens read-only, integrity_check = ok, a
 * schema version this app knows (1 ≤ user_version ≤ latest) and the agreements table present.
 */
export function verifyBackup(file: string, options: { nativeBinding?: string } = {}): BackupVerdict {
  const outside = inspectDatabaseFile(file);
  if (outside.state !== 'sound')
    return { ok: false, problem: outside.state === 'damaged' ? outside.detail : `file is ${outside.state}`, definite: outside.state !== 'missing' };
  let db: Db | null = null;
  try {
    db = openBackupReadOnly(file, options);
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    if (userVersion < 1 || userVersion > LATEST_DB_VERSION)
      return { ok: false, problem: `schema version ${userVersion} (this app knows 1–${LATEST_DB_VERSION})`, definite: true };
    const problem = integrityProblem(db);
    if (problem) return { ok: false, problem, definite: true };
    const table = db.prepare("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'agreements'").get();
    if (!table) return { ok: false, problem: 'no agreements table', definite: true };
    return { ok: true, userVersion };
  } catch (error) {
    return { ok: false, problem: errorCode(error) || 'cannot be opened', definite: isCorruptionError(error) };
  } finally {
    db?.close();
  }
}

/** A read-only connection to a backup (or any database file that must not change). */
export function openBackupReadOnly(file: string, options: { nativeBinding?: string } = {}): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Takes one verified backup of `db` into `dir` and returns it, with what `inspect` found in the copy (it
 * runs on the finished copy before it is named and may throw to refuse it). Throws (leaving no file
 * behind) when the copy cannot be written or does not verify.
 */
export function takeBackup<T = undefined>(
  db: Db,
  dir: string,
  options: { now?: Date; nativeBinding?: string; inspect?: (file: string) => T } = {},
): BackupFile & { inspected: T } {
  mkdirSync(dir, { recursive: true });
  const stamp = fileStamp(options.now ?? new Date());
  const partial = join(dir, `.${STEM}${stamp}${PARTIAL_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    const verdict = verifyBackup(partial, options);
    if (!verdict.ok) throw Object.assign(new Error(`The new backup failed verification: ${verdict.problem}`), { code: 'EBACKUPVERIFY' });
    const inspected = options.inspect ? options.inspect(partial) : (undefined as T);
    const path = moveToUniqueName(partial, dir, `${STEM}${stamp}`, '.db');
    fsyncDir(dir);
    const name = basename(path);
    return { path, name, takenAt: backupTime(name) ?? new Date(stamp).toISOString(), size: statSync(path).size, inspected };
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
}

/** A name for a temporary file in the backups folder that pruning recognises (and removes once stale). */
export function partialName(dir: string, what: string): string {
  return join(dir, `.${STEM}${what}${PARTIAL_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

export interface GenerationPolicy {
  keep: number;
  daily: number;
  weekly: number;
}

/** `2026-W48`: the ISO 8601 week of a UTC time (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(iso: string): string {
  const DAY = 86_400_000;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
  const mondayBased = (d: Date) => (d.getUTCDay() + 6) % 7;
  // The Thursday of the week decides its year; week 1 is the week holding 4 January.
  const thursday = new Date(date.getTime() + (3 - mondayBased(date)) * DAY);
  const year = thursday.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = january4.getTime() + (3 - mondayBased(january4)) * DAY;
  const week = 1 + Math.round((thursday.getTime() - firstThursday) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups (names, newest first in `backups`) the generations keep: the newest `keep`; the newest of
 * each of the last `daily` days that have a backup; the newest of each of the last `weekly` ISO weeks that
 * have one (UTC). Days and weeks without a backup do not use up a slot, as in restic's `--keep-daily`, so
 * a laptop left closed for a month still keeps its older generations.
 */
export function selectGenerations(backups: readonly Pick<BackupFile, 'name' | 'takenAt'>[], policy: GenerationPolicy): Set<string> {
  const kept = new Set(backups.slice(0, policy.keep).map((b) => b.name));
  const bucket = (limit: number, key: (takenAt: string) => string) => {
    const seen = new Set<string>();
    for (const backup of backups) {
      const k = key(backup.takenAt);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      kept.add(backup.name);
    }
  };
  bucket(policy.daily, (t) => t.slice(0, 10));
  bucket(policy.weekly, isoWeek);
  return kept;
}

/**
 * Deletes the backups not named in `keep` (and their manifests), manifests whose backup is gone, and
 * temporary files a crash left behind once they are stale. Returns how many backups were deleted. With
 * `considered`, only those backups may go: one that another process (the CLI beside the app) wrote after
 * the caller looked is never deleted by a decision that did not see it.
 */
export function removeBackupsExcept(dir: string, keep: ReadonlySet<string>, now: Date = new Date(), considered?: ReadonlySet<string>): number {
  let removed = 0;
  for (const old of listBackups(dir)) {
    if (keep.has(old.name) || (considered && !considered.has(old.name))) continue;
    try {
      unlinkSync(old.path);
      removed++;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    rmSync(`${old.path}${MANIFEST_SUFFIX}`, { force: true });
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const present = new Set(names);
  for (const name of names) {
    if (name.endsWith(MANIFEST_SUFFIX) && backupTime(name.slice(0, -MANIFEST_SUFFIX.length)) && !present.has(name.slice(0, -MANIFEST_SUFFIX.length))) {
      rmSync(join(dir, name), { force: true });
      continue;
    }
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
