import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { UNREADABLE_PROBLEMS, type UnreadableProblem } from '../../shared/api/contract';
import { SLAW_SCHEMA_VERSION } from '../../shared/slaw/format';
import { MANIFEST_SUFFIX, openBackupReadOnly, partialName, verifyBackup, type BackupFile } from '../db/backups';
import { scanDatabase } from '../db/databaseDigest';
import { fsyncDir } from '../db/files';
import { APP_VERSION } from './appVersion';
import { checkStoredAgreement } from './storedRows';

/**
 * What checking a backup found, kept beside it as `<backup>.db.json` so the check runs once per backup, not
 * at every start: whether it verifies (integrity_check and schema), the digest of its rows (to tell whether
 * the database changed since), and which agreements in it parse. It is a cache: a missing, unreadable or
 * outdated manifest (another file size or time, another app version) is simply recomputed from the backup.
 */

/** Row verdicts depend on the model: a new app version checks its backups again. */
export const CHECKER = `${APP_VERSION}/${SLAW_SCHEMA_VERSION}`;

const manifestRowSchema = z.strictObject({
  id: z.string().max(10_000),
  /** The content hash from scanDatabase (id and JSON): equal bytes, equal verdict. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  readable: z.boolean(),
  problem: z.enum(UNREADABLE_PROBLEMS).optional(),
});
export type ManifestRow = z.infer<typeof manifestRowSchema>;

const manifestSchema = z.strictObject({
  format: z.literal(1),
  checker: z.string().max(200),
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  ok: z.boolean(),
  problem: z.string().max(1000).optional(),
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  agreements: z.array(manifestRowSchema).max(1_000_000),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupCheck = Omit<BackupManifest, 'format' | 'checker' | 'size' | 'mtimeMs'>;

export interface CheckOptions {
  nativeBinding?: string;
  /** Content hashes already known to parse (rows of the live database that did): not parsed again. */
  knownGood?: ReadonlySet<string>;
}

/**
 * Checks a database file the way a backup is checked: integrity, schema, and every agreement row. Throws
 * when the check itself could not run (the file is not at fault), so nothing is concluded from it.
 */
export function checkDatabaseFile(file: string, options: CheckOptions = {}): BackupCheck {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const verdict = verifyBackup(file, binding);
  if (!verdict.ok) {
    if (!verdict.definite) throw Object.assign(new Error(`The backup could not be checked: ${verdict.problem}`), { code: 'EBACKUPCHECK' });
    return { ok: false, problem: verdict.problem, agreements: [] };
  }
  const db = openBackupReadOnly(file, binding);
  try {
    const agreements: ManifestRow[] = [];
    const scan = scanDatabase(db, (row) => {
      if (options.knownGood?.has(row.contentHash)) return void agreements.push({ id: row.id, hash: row.contentHash, readable: true });
      const checked = checkStoredAgreement(row.data, row.id, row.modelVersion);
      agreements.push(
        checked.ok ? { id: row.id, hash: row.contentHash, readable: true } : { id: row.id, hash: row.contentHash, readable: false, problem: checked.problem },
      );
    });
    return { ok: true, digest: scan.digest, agreements };
  } finally {
    db.close();
  }
}

/** The manifest kept beside `backup`, if it is there and still describes that very file. */
export function readManifest(backup: BackupFile): BackupManifest | null {
  try {
    const stat = statSync(backup.path);
    const text = readSmallFile(`${backup.path}${MANIFEST_SUFFIX}`);
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const manifest = parsed.data;
    return manifest.checker === CHECKER && manifest.size === stat.size && manifest.mtimeMs === stat.mtimeMs ? manifest : null;
  } catch {
    return null;
  }
}

function readSmallFile(path: string): string {
  // A manifest of 100,000 agreements is about 13 MB; anything much larger was not written by us.
  if (statSync(path).size > 64 * 2 ** 20) throw new Error('manifest too large');
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
}

/** Writes the manifest of `backup` durably (temporary file, fsync, rename), so it is whole or absent. */
export function writeManifest(backup: BackupFile, check: BackupCheck): BackupManifest {
  const stat = statSync(backup.path);
  const manifest: BackupManifest = { format: 1, checker: CHECKER, size: stat.size, mtimeMs: stat.mtimeMs, ...check };
  const dir = dirname(backup.path);
  const temp = partialName(dir, 'manifest');
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, JSON.stringify(manifest));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, `${backup.path}${MANIFEST_SUFFIX}`);
    fsyncDir(dir);
  } finally {
    rmSync(temp, { force: true });
  }
  return manifest;
}

/**
 * The manifest of `backup`: the one kept beside it, or a fresh check written beside it. A check that could
 * not run to the end (the file vanished, too many open files…) throws and is tried again another time.
 */
export function manifestFor(backup: BackupFile, options: CheckOptions = {}): BackupManifest {
  const kept = readManifest(backup);
  if (kept) return kept;
  const check = checkDatabaseFile(backup.path, options);
  try {
    return writeManifest(backup, check);
  } catch {
    // A read-only backups folder: the check stands for this run.
    const stat = statSync(backup.path);
    return { format: 1, checker: CHECKER, size: stat.size, mtimeMs: stat.mtimeMs, ...check };
  }
}

export function unreadableCount(manifest: Pick<BackupManifest, 'agreements'>): number {
  return manifest.agreements.filter((a) => !a.readable).length;
}

export function readableIn(manifest: Pick<BackupManifest, 'ok' | 'agreements'>, id: string): boolean {
  return manifest.ok && manifest.agreements.some((a) => a.id === id && a.readable);
}

export type { UnreadableProblem };
