import type { SaveDialogOptions } from 'electron';
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { safeDialogFileName } from './dialogFileName';
import type { ApiError, Result } from '../../shared/api/errors';

export const DOCX_EXTENSION = '.docx';
/** A Word document with drawn signatures stays far below this; the cap keeps a hostile renderer from filling memory. */
export const DOCX_MAX_BASE64 = 80 * 1024 * 1024;
export type SavedDocx = { saved: boolean; path?: string };

export interface DocxDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export const saveDocxArgs = z.tuple([
  z.string().min(1).max(255),
  z
    .string()
    .min(1)
    .max(DOCX_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
]);

/** File-system codes that mean "this place cannot be written": the user can pick another folder. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EEXIST', 'EBUSY']);

const fail = (error: ApiError): Result<never> => ({ ok: false, error });

export function writeFailure(error: unknown): Result<never> {
  const code = (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO').slice(0, 40);
  if (NOT_WRITABLE.has(code)) return fail({ kind: 'not_writable', message: `Cannot write there (${code})`, params: { code } });
  return fail({ kind: 'storage', message: `File system error ${code}`, params: { detail: code } });
}

/** A name safe to suggest in a save dialog: no folders, no characters Windows refuses, ends in .docx. */
export function safeDocxFileName(name: string): string {
  return safeDialogFileName(name, DOCX_EXTENSION);
}

/** Writes beside the target and renames over it: an existing document is replaced whole or not at all. */
export async function writeFileAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The native save dialog for the Word document. Cancel is a success (`saved: false`); a folder that cannot be
 * written is `not_writable` naming the system code. The agreement itself is never touched here.
 */
export function createDocxFileHandlers(dialogs: DocxDialogs, defaultDirectory: string) {
  async function saveDocx(args: unknown[]): Promise<Result<SavedDocx>> {
    const parsed = saveDocxArgs.safeParse(args);
    if (!parsed.success) return fail({ kind: 'invalid_input', message: 'Invalid arguments for saveDocxFile' });
    const [fileName, base64] = parsed.data;
    const choice = await dialogs.showSaveDialog({
      defaultPath: join(defaultDirectory, safeDocxFileName(fileName)),
      filters: [{ name: 'Word (.docx)', extensions: ['docx'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    const target = extname(choice.filePath) ? choice.filePath : `${choice.filePath}${DOCX_EXTENSION}`;
    try {
      await writeFileAtomically(target, Buffer.from(base64, 'base64'));
      return { ok: true, value: { saved: true, path: target } };
    } catch (error) {
      return writeFailure(error);
    }
  }
  return { saveDocx };
}
