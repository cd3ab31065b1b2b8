import { VERIFY_UPLOAD_MAX_BYTES } from '../../../shared/document/verification';
import { bytesToBase64 } from '../signingKeys/certificateFile';

export type DocumentFileRead = { ok: true; base64: string } | { ok: false; problem: 'empty' | 'tooLarge' | 'unreadable' };

/** A chosen .docx as `document.verify` takes it; the size is checked before anything is read. */
export async function readDocumentFile(file: Blob): Promise<DocumentFileRead> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > VERIFY_UPLOAD_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  try {
    return { ok: true, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
