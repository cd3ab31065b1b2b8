import { AppError } from '../../shared/api/errors';

/** Codes that mean "this folder or file may not be written", and "the disk is full": each has its own words. */
const READ_ONLY = /^(SQLITE_READONLY|EROFS$|EACCES$|EPERM$)/;
const FULL = /^(SQLITE_FULL|ENOSPC$|EDQUOT$)/;

/**
 * SQLite and file-system error codes mean "the disk or the folder is the problem": reported as a typed
 * `storage` error carrying the code, so every host (dispatch, CLI, browser mode) says the same thing.
 * Returns null for anything else.
 */
export function storageError(error: unknown): AppError | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const code = error.code.slice(0, 40);
  if (!code.startsWith('SQLITE_') && !/^E[A-Z]+$/.test(code)) return null;
  const reason: Record<string, string> = READ_ONLY.test(code) ? { reason: 'storage_read_only' } : FULL.test(code) ? { reason: 'storage_full' } : {};
  return new AppError('storage', code.startsWith('SQLITE_') ? `Database error ${code}` : `File system error ${code}`, { detail: code, ...reason });
}
