import type { UnreadableAgreement, UnreadableProblem } from '../../shared/api/contract';
import { LIMITS } from '../../shared/model/limits';
import { listBackups, removeBackupsExcept, selectGenerations, takeBackup, type BackupFile, type BackupSettings } from '../db/backups';
import type { Db } from '../db/connection';
import { scanDatabase } from '../db/databaseDigest';
import { errorCode } from '../db/files';
import { checkDatabaseFile, CHECKER, manifestFor, readableIn, unreadableCount, writeManifest, type BackupManifest } from './backupManifest';
import { checkStoredAgreement } from './storedRows';

/**
 * When to back up, what to keep, and which agreements cannot be read.
 *
 * At start-up (and then every `intervalMs`) every row of the database is read once: each agreement is
 * checked (see storedRows.ts) and all rows are hashed into a digest (see db/databaseDigest.ts). A backup is
 * taken only when that digest differs from the newest good backup's, so running `list` ten times, or
 * leaving the app open overnight, adds nothing and rotates nothing away. A new backup is itself checked
 * before it counts: integrity_check, then every agreement in it — and it is refused if a row that reads
 * fine in the database does not read in the copy.
 *
 * What is kept: the generations (the newest `keep`, the newest of each of the last `daily` days and
 * `weekly` weeks that have one), plus — whatever their age — the newest backup in which every agreement
 * reads, and for each agreement that cannot be read now, the newest backup that holds a readable copy of
 * it. So no number of later changes rotates away the last good copy of anything.
 */

export interface LiveRow {
  title: string;
  hash: string;
  readable: boolean;
  problem?: UnreadableProblem;
}

export interface LiveScan {
  digest: string;
  rows: Map<string, LiveRow>;
}

export interface BackupFailure {
  at: string;
  reason: string;
}

export interface BackupServiceOptions {
  dir: string;
  settings: BackupSettings;
  now?: () => Date;
  nativeBinding?: string;
}

function reasonOf(error: unknown): string {
  return (errorCode(error) || (error instanceof Error ? error.message : 'unknown')).slice(0, 200);
}

export function createBackupService(db: Db, options: BackupServiceOptions) {
  const now = options.now ?? (() => new Date());
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let failure: BackupFailure | null = null;
  let live: LiveScan | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  /** Manifests of the backups, newest first; a backup whose check could not run is left out (and kept). */
  function checkedBackups(knownGood?: ReadonlySet<string>): { backup: BackupFile; manifest: BackupManifest }[] {
    const found: { backup: BackupFile; manifest: BackupManifest }[] = [];
    for (const backup of listBackups(options.dir)) {
      try {
        found.push({ backup, manifest: manifestFor(backup, { ...binding, ...(knownGood ? { knownGood } : {}) }) });
      } catch {
        // Checked another time.
      }
    }
    return found;
  }

  /** The newest backup that verifies, checking (once) only as many as needed to find it. */
  function newestGood(): { backup: BackupFile; manifest: BackupManifest } | null {
    for (const backup of listBackups(options.dir)) {
      try {
        const manifest = manifestFor(backup, binding);
        if (manifest.ok) return { backup, manifest };
      } catch {
        // Not checkable now: look further back.
      }
    }
    return null;
  }

  /** Reads every row once: the digest, and which agreements parse. Rows known to parse are not parsed again. */
  function scanLive(knownGood: ReadonlySet<string>): LiveScan {
    const rows = new Map<string, LiveRow>();
    const { digest } = scanDatabase(db, (row) => {
      const title = row.title.slice(0, LIMITS.shortText);
      if (knownGood.has(row.contentHash)) return void rows.set(row.id, { title, hash: row.contentHash, readable: true });
      const verdict = checkStoredAgreement(row.data, row.id, row.modelVersion);
      rows.set(
        row.id,
        verdict.ok ? { title, hash: row.contentHash, readable: true } : { title, hash: row.contentHash, readable: false, problem: verdict.problem },
      );
    });
    return { digest, rows };
  }

  const goodHashes = (scan: LiveScan) => new Set([...scan.rows.values()].filter((r) => r.readable).map((r) => r.hash));
  const unreadableIds = (scan: LiveScan) => new Set([...scan.rows].filter(([, r]) => !r.readable).map(([id]) => id));

  /** Deletes what neither the generations nor the last good copies need. */
  function prune(scan: LiveScan, at: Date): void {
    const checked = checkedBackups(goodHashes(scan));
    const good = checked.filter((c) => c.manifest.ok);
    const keep = selectGenerations(
      good.map((c) => c.backup),
      options.settings,
    );
    const fullyReadable = good.find((c) => unreadableCount(c.manifest) === 0);
    if (fullyReadable) keep.add(fullyReadable.backup.name);
    for (const id of unreadableIds(scan)) {
      const holder = good.find((c) => readableIn(c.manifest, id));
      if (holder) keep.add(holder.backup.name);
    }
    // A backup that fails its check is no copy of anything, but it is not ours to destroy either: kept.
    for (const c of checked) if (!c.manifest.ok) keep.add(c.backup.name);
    // Only what was looked at may go: a backup that could not be checked, or that appeared since, stays.
    removeBackupsExcept(options.dir, keep, at, new Set(checked.map((c) => c.backup.name)));
  }

  /**
   * Backs up if the database changed since the newest good backup; prunes after a new one. Returns the
   * new backup, or null (nothing changed, or it failed: `failure` says why). Never throws.
   */
  function backUpIfChanged(): BackupFile | null {
    const at = now();
    try {
      const newest = newestGood();
      const knownGood =
        newest && newest.manifest.checker === CHECKER ? new Set(newest.manifest.agreements.filter((a) => a.readable).map((a) => a.hash)) : new Set<string>();
      const scan = scanLive(knownGood);
      live = scan;
      if (newest && newest.manifest.digest === scan.digest) {
        failure = null;
        return null;
      }
      const damagedNow = unreadableIds(scan);
      const taken = takeBackup(db, options.dir, {
        now: at,
        ...binding,
        inspect: (file) => {
          const check = checkDatabaseFile(file, { ...binding, knownGood: goodHashes(scan) });
          const worse = check.agreements.find((a) => !a.readable && !damagedNow.has(a.id));
          if (!check.ok || worse)
            throw Object.assign(new Error(`The new backup does not read back: ${worse ? `agreement ${worse.id}` : check.problem}`), { code: 'EBACKUPVERIFY' });
          return check;
        },
      });
      try {
        writeManifest(taken, taken.inspected);
      } catch {
        // The manifest is a cache: without it the backup is checked again next time.
      }
      prune(scan, at);
      failure = null;
      return { path: taken.path, name: taken.name, takenAt: taken.takenAt, size: taken.size };
    } catch (error) {
      failure = { at: at.toISOString(), reason: reasonOf(error) };
      return null;
    }
  }

  /** The agreements that could not be read at the last scan, each with the newest backup holding a readable copy. */
  function unreadable(): UnreadableAgreement[] {
    if (!live) return [];
    const damaged = [...live.rows].filter(([, r]) => !r.readable);
    if (damaged.length === 0) return [];
    const good = checkedBackups().filter((c) => c.manifest.ok);
    return damaged.map(([id, row]) => {
      const holder = good.find((c) => readableIn(c.manifest, id));
      return {
        id,
        title: row.title,
        problem: row.problem ?? 'schema',
        backup: holder ? { name: holder.backup.name, takenAt: holder.backup.takenAt } : null,
      };
    });
  }

  return {
    /** The start-up backup (if anything changed) and the timer that looks again every `intervalMs`. */
    start(): void {
      backUpIfChanged();
      timer = setInterval(() => {
        if (db.open) backUpIfChanged();
      }, options.settings.intervalMs);
      timer.unref();
    },
    /** Backs up now if anything changed since the newest good backup. */
    takeNow: backUpIfChanged,
    /**
     * Makes sure a good backup of the database as it is now exists (taken now, or the newest one when nothing
     * changed since): for a change that rewrites stored rows (the model upgrade). Throws when there is none.
     */
    ensureBackup(): void {
      if (backUpIfChanged() === null && failure !== null)
        throw Object.assign(new Error(`No backup before the upgrade: ${failure.reason}`), { code: failure.reason });
    },
    summary() {
      const all = listBackups(options.dir);
      return { count: all.length, newest: all[0]?.takenAt ?? null, failed: failure };
    },
    /** Why the last attempt failed, or null. */
    lastError: () => failure?.reason ?? null,
    unreadable,
    /** The last scan's verdict on one agreement (undefined when it was not in the database then). */
    liveRow: (id: string) => live?.rows.get(id),
    /** After a restore: the row now reads. */
    markReadable(id: string, title: string): void {
      const row = live?.rows.get(id);
      if (live) live.rows.set(id, { title, hash: row?.hash ?? '', readable: true });
    },
    checkedBackups,
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
