import { z } from 'zod';
import { apiErrorSchema, type ApiError } from '../../shared/api/errors';

/** A Word document as the host's `document.export` returns it. */
export interface DocxFile {
  fileName: string;
  base64: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const failureSchema = z.object({ ok: z.literal(false), error: apiErrorSchema });
/** The preload's reply crosses a process boundary, so it is checked like any API reply (see slawFiles.ts). */
const saveReplySchema = z.union([z.object({ ok: z.literal(true), value: z.object({ saved: z.boolean(), path: z.string().optional() }) }), failureSchema]);

const malformedReply: ApiError = { kind: 'internal', message: 'Malformed reply from the desktop host' };

export type DocxSaveOutcome = { kind: 'saved'; path: string | null } | { kind: 'cancelled' } | { kind: 'failed'; error: ApiError };

/** Electron: the native save dialog, then the main process writes the file (or says why it could not). */
export async function saveDocxOnDesktop(file: DocxFile): Promise<DocxSaveOutcome> {
  const desktop = window.api;
  if (!desktop) return { kind: 'failed', error: malformedReply };
  let reply: unknown;
  try {
    reply = await desktop.saveDocxFile(file.fileName, file.base64);
  } catch {
    return { kind: 'failed', error: malformedReply };
  }
  const parsed = saveReplySchema.safeParse(reply);
  if (!parsed.success) return { kind: 'failed', error: malformedReply };
  const data = parsed.data;
  if (!data.ok) return { kind: 'failed', error: data.error };
  return data.value.saved ? { kind: 'saved', path: data.value.path ?? null } : { kind: 'cancelled' };
}

/** The document's bytes from the base64 the host sends (atob works on Latin-1 strings, one byte per char). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Browser mode has no save dialog: the document goes to the browser's downloads. */
export function downloadDocx(file: DocxFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: DOCX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a short delay is enough.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
