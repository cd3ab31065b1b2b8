import { AppError, toApiError, type ApiError } from '../../shared/api/errors';
import { createTranslator, describeError, pickLanguage } from '../../shared/i18n';

/**
 * Errors that can stop the app before a window opens, as typed API errors: a database from a newer
 * version (db_newer_version), SQLite or file-system failures, or a native module built for the wrong ABI
 * (ERR_DLOPEN_FAILED, e.g. .native-electron missing in development) — the last two as `storage`.
 */
export function startupApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON();
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code) || code === 'ERR_DLOPEN_FAILED') {
    return { kind: 'storage', message: `Start-up failed: ${code}`, params: { detail: code } };
  }
  return toApiError(error);
}

/** The title and translated sentence for dialog.showErrorBox. */
export function startupErrorText(error: unknown, locale: string): { title: string; message: string } {
  const t = createTranslator(pickLanguage(locale));
  return { title: t('common.appName'), message: describeError(t, startupApiError(error)) };
}
