import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

/** File-system steps that backups and recovery share: durable writes and moves that never overwrite. */

export function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** Flushes a file's contents to disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new name in `dir` durable. Windows cannot open a folder for that: nothing to do there. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR / EPERM / EINVAL on platforms that do not sync folders.
  } finally {
    closeSync(fd);
  }
}

/** `<stem><ext>`, then `<stem>-2<ext>`, `<stem>-3<ext>`… */
export function numberedName(stem: string, ext: string, n: number): string {
  return n <= 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`;
}

/**
 * Gives `source` a new name in `dir` without ever replacing an existing file: a hard link fails atomically
 * when the name is taken (even if another process races us), so the next number is tried. File systems
 * without hard links fall back to a checked rename. Returns the new path; `source` no longer exists.
 */
export function moveToUniqueName(source: string, dir: string, stem: string, ext: string): string {
  for (let n = 1; n <= 10_000; n++) {
    const target = join(dir, numberedName(stem, ext, n));
    try {
      linkSync(source, target);
      unlinkSync(source);
      return target;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      if (existsSync(target)) continue;
      renameSync(source, target);
      return target;
    }
  }
  throw Object.assign(new Error(`No free name for ${basename(source)} in ${dir}`), { code: 'EEXIST' });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (start-up only: opening the database is synchronous). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
