import { downloadBlob, saveThroughDesktop, type SaveOutcome } from './desktopFiles';

/** A Word document as the host's `document.export` returns it. */
export interface DocxFile {
  fileName: string;
  base64: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxSaveOutcome = SaveOutcome;

/** Electron: the native save dialog, then the main process writes the file (or says why it could not). */
export function saveDocxOnDesktop(file: DocxFile): Promise<DocxSaveOutcome> {
  return saveThroughDesktop((desktop) => desktop.saveDocxFile(file.fileName, file.base64));
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
  downloadBlob(new Blob([base64ToBytes(file.base64)], { type: DOCX_MIME }), file.fileName);
}
