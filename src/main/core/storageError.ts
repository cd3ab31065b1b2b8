import { AppError } from '../../shared/api/errors';

/**
 * SQLite and file-system error codes mean "the disk or the folder is the problem": reported as a typed
 * `storage` error carrying the code, so every host (dispatch, CLI, browser mode) says the same thing.
 * Returns null for anything else.
 */
export function storageError(error: unknown): AppError | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const code = error.code.slice(0, 40);
  if (code.startsWith('SQLITE_')) return new AppError('storage', `Database error ${code}`, { detail: code });
  if (/^E[A-Z]+$/.test(code)) return new AppError('storage', `File system error ${code}`, { detail: code });
  return null;
}
