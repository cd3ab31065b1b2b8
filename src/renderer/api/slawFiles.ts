import { z } from 'zod';
import { apiErrorSchema, type ApiError } from '../../shared/api/errors';
import { LIMITS } from '../../shared/model/limits';
import { downloadBlob, malformedReply, saveThroughDesktop, type SaveOutcome } from './desktopFiles';

export interface SlawFile {
  fileName: string;
  content: string;
}

const fileSchema = z.object({ fileName: z.string(), content: z.string() });
const failureSchema = z.object({ ok: z.literal(false), error: apiErrorSchema });

/**
 * The preload's replies cross a process boundary, so they are checked like any API reply. The main process
 * wraps them in a Result (`{ ok, value | error }`) so a refused or oversized file arrives as a translatable
 * error (src/main/electron/slawFiles.ts); anything else is a malformed reply.
 */
const openReplySchema = z.union([z.object({ ok: z.literal(true), value: fileSchema.nullable() }), failureSchema]);

export type OpenedFile = { kind: 'file'; file: SlawFile } | { kind: 'cancelled' } | { kind: 'failed'; error: ApiError };

export async function openSlawFromDesktop(): Promise<OpenedFile> {
  const desktop = window.api;
  if (!desktop) return { kind: 'failed', error: malformedReply };
  let reply: unknown;
  try {
    reply = await desktop.openSlawFile();
  } catch {
    return { kind: 'failed', error: malformedReply };
  }
  const parsed = openReplySchema.safeParse(reply);
  if (!parsed.success) return { kind: 'failed', error: malformedReply };
  const data = parsed.data;
  if (!data.ok) return { kind: 'failed', error: data.error };
  return data.value === null ? { kind: 'cancelled' } : { kind: 'file', file: data.value };
}

export type { SaveOutcome };

/** The native save dialog can be cancelled, and writing can fail; each outcome is told apart. */
export function saveSlawOnDesktop(file: SlawFile): Promise<SaveOutcome> {
  return saveThroughDesktop((desktop) => desktop.saveSlawFile(file.fileName, file.content));
}

export type ReadFileResult = { kind: 'file'; file: SlawFile } | { kind: 'too_large'; limitMb: number } | { kind: 'unreadable' };

/** Browser mode: refuse huge files before reading them into memory and sending them over HTTP. */
export async function readPickedFile(file: File): Promise<ReadFileResult> {
  if (file.size > LIMITS.slawBytes) return { kind: 'too_large', limitMb: Math.round(LIMITS.slawBytes / (1024 * 1024)) };
  try {
    return { kind: 'file', file: { fileName: file.name, content: await file.text() } };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** Browser mode has no save dialog: hand the text to the browser as a download. */
export function downloadSlaw(file: SlawFile): void {
  downloadBlob(new Blob([file.content], { type: 'application/json' }), file.fileName);
}
