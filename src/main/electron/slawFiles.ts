import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { open, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { safeDialogFileName } from './dialogFileName';
import { writeFileAtomically } from './docxFiles';
import type { ApiError, Result } from '../../shared/api/errors';
import { LIMITS } from '../../shared/model/limits';
import { SLAW_EXTENSION } from '../../shared/slaw/format';

/** What `openSlawFile()` resolves to inside a Result: null when the user cancels. */
export type OpenedSlaw = { fileName: string; content: string } | null;
export type SavedSlaw = { saved: boolean; path?: string };

export interface SlawDialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

const EXTENSION = SLAW_EXTENSION.replace(/^\./, '');
const FILTERS = [{ name: `SLA Workshop (${SLAW_EXTENSION})`, extensions: [EXTENSION] }];

/** The renderer sends (fileName, content); both are checked before any dialog opens. */
export const saveSlawArgs = z.tuple([z.string().min(1).max(255), z.string().max(LIMITS.slawBytes)]);

const fail = (error: ApiError): Result<never> => ({ ok: false, error });
const tooLarge = () => fail({ kind: 'too_large', message: 'The file is too large', params: { limit: LIMITS.slawBytes } });
const storage = (error: unknown) => {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';
  return fail({ kind: 'storage', message: `File system error ${code}`, params: { detail: code.slice(0, 40) } });
};

/** A name safe to suggest in a save dialog: no folders, no characters Windows refuses, ends in .slaw. */
export function safeSlawFileName(name: string): string {
  return safeDialogFileName(name, SLAW_EXTENSION);
}

/** Linux dialogs do not add the extension; respect one the user typed, add ours when there is none. */
export function withSlawExtension(path: string): string {
  return extname(path) ? path : `${path}${SLAW_EXTENSION}`;
}

/**
 * The native open/save dialogs for .slaw files. Every outcome is a Result the renderer can show with
 * describeError: cancel is a success (null / saved: false), a too-big or unreadable file a typed error.
 */
export function createSlawFileHandlers(dialogs: SlawDialogs, defaultDirectory: string) {
  async function openSlaw(): Promise<Result<OpenedSlaw>> {
    const choice = await dialogs.showOpenDialog({ properties: ['openFile'], filters: FILTERS });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { ok: true, value: null };
    try {
      const info = await stat(path);
      if (!info.isFile()) return fail({ kind: 'invalid_file', message: 'Not a file' });
      if (info.size > LIMITS.slawBytes) return tooLarge();
      // Read at most one byte past the limit, so a file that grew after stat() is still refused.
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(info.size, LIMITS.slawBytes) + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > LIMITS.slawBytes) return tooLarge();
        return { ok: true, value: { fileName: basename(path), content: buffer.subarray(0, bytesRead).toString('utf8') } };
      } finally {
        await handle.close();
      }
    } catch (error) {
      return storage(error);
    }
  }

  async function saveSlaw(args: unknown[]): Promise<Result<SavedSlaw>> {
    const parsed = saveSlawArgs.safeParse(args);
    if (!parsed.success) return fail({ kind: 'invalid_input', message: 'Invalid arguments for saveSlawFile' });
    const [fileName, content] = parsed.data;
    if (Buffer.byteLength(content, 'utf8') > LIMITS.slawBytes) return tooLarge();
    const choice = await dialogs.showSaveDialog({
      defaultPath: join(defaultDirectory, safeSlawFileName(fileName)),
      filters: FILTERS,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    const target = withSlawExtension(choice.filePath);
    try {
      await writeFileAtomically(target, content);
      return { ok: true, value: { saved: true, path: target } };
    } catch (error) {
      return storage(error);
    }
  }

  return { openSlaw, saveSlaw };
}
