import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';

export const DATA_DIR_ENV = 'SLA_WORKSHOP_DATA_DIR';
export const DATABASE_FILE = 'sla-workshop.db';

/** The per-user data folder when neither `--data-dir` nor SLA_WORKSHOP_DATA_DIR says otherwise. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SLA Workshop');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'SLA Workshop');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'sla-workshop');
}

/** `--data-dir` wins, then the environment variable, then the per-user default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env[DATA_DIR_ENV];
  return chosen ? resolve(chosen) : defaultDataDir(process.platform, env);
}

const READ_ONLY_CODES = /^(SQLITE_READONLY|EROFS$|EACCES$|EPERM$)/;

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code.slice(0, 40) : '';
}

/** Whether the folder can take new files (false on a read-only disk or without permission). */
function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A data folder that is a file (or lies under one) is refused before anything is opened: without this a
 * command that only reads would find "no agreements" there, and one that writes a confusing file error.
 */
export function checkDataDir(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    if (codeOf(error) !== 'ENOTDIR') throw error;
    isFolder = false;
  }
  if (!isFolder) throw new AppError('storage', 'The data folder is not a folder', { detail: 'ENOTDIR', reason: 'data_dir_not_folder', path: dir });
}

/**
 * Why the database in `dir` could not be opened, in words the user can act on: a read-only folder or disk
 * (SQLite says SQLITE_READONLY_DIRECTORY, or SQLITE_CANTOPEN when it may not create the file) or a full
 * disk. Other errors are returned as they are.
 */
export function dataDirFailure(error: unknown, dir: string): unknown {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  if (READ_ONLY_CODES.test(code) || (code.startsWith('SQLITE_CANTOPEN') && !writable(dir))) {
    return new AppError('storage', `The data folder is read-only (${code})`, { detail: code, reason: 'data_dir_read_only', path: dir });
  }
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL'))
    return new AppError('storage', `The disk is full (${code})`, { detail: code, reason: 'storage_full' });
  return error;
}
