import { z } from 'zod';
import { LIMITS } from '../../shared/model/limits';

export interface SlawFile {
  fileName: string;
  content: string;
}

/** The preload's reply crosses a process boundary, so it is checked like any API reply. */
const openedFileSchema = z.object({ fileName: z.string(), content: z.string() }).nullable();

export type OpenedFile = { kind: 'file'; file: SlawFile } | { kind: 'cancelled' } | { kind: 'malformed' };

export async function openSlawFromDesktop(): Promise<OpenedFile> {
  const desktop = window.api;
  if (!desktop) return { kind: 'malformed' };
  const parsed = openedFileSchema.safeParse(await desktop.openSlawFile());
  if (!parsed.success) return { kind: 'malformed' };
  return parsed.data === null ? { kind: 'cancelled' } : { kind: 'file', file: parsed.data };
}

/** Resolves to whether the user actually saved (the native dialog can be cancelled). */
export async function saveSlawOnDesktop(file: SlawFile): Promise<boolean> {
  const desktop = window.api;
  if (!desktop) return false;
  return (await desktop.saveSlawFile(file.fileName, file.content)) === true;
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
  const url = URL.createObjectURL(new Blob([file.content], { type: 'application/json' }));
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
