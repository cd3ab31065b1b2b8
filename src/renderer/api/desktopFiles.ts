import { z } from 'zod';
import { apiErrorSchema, type ApiError } from '../../shared/api/errors';
import type { DesktopApi } from '../../preload/api-types';

const failureSchema = z.object({ ok: z.literal(false), error: apiErrorSchema });
/**
 * The preload's replies cross a process boundary, so they are checked like any API reply: the main process
 * wraps them in a Result (`{ ok, value | error }`) so a refused file arrives as a translatable error.
 */
const saveReplySchema = z.union([z.object({ ok: z.literal(true), value: z.object({ saved: z.boolean(), path: z.string().optional() }) }), failureSchema]);

export const malformedReply: ApiError = { kind: 'internal', message: 'Malformed reply from the desktop host' };

export type SaveOutcome = { kind: 'saved'; path: string | null } | { kind: 'cancelled' } | { kind: 'failed'; error: ApiError };

/** Electron: a native save dialog, then the main process writes the file; cancel, saved and failed told apart. */
export async function saveThroughDesktop(save: (desktop: DesktopApi) => Promise<unknown>): Promise<SaveOutcome> {
  const desktop = window.api;
  if (!desktop) return { kind: 'failed', error: malformedReply };
  let reply: unknown;
  try {
    reply = await save(desktop);
  } catch {
    return { kind: 'failed', error: malformedReply };
  }
  const parsed = saveReplySchema.safeParse(reply);
  if (!parsed.success) return { kind: 'failed', error: malformedReply };
  const data = parsed.data;
  if (!data.ok) return { kind: 'failed', error: data.error };
  return data.value.saved ? { kind: 'saved', path: data.value.path ?? null } : { kind: 'cancelled' };
}

/** Browser mode has no save dialog: the file goes to the browser's downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a short delay is enough.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
