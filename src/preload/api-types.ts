/** What the preload exposes as `window.api` in Electron. Browser mode has no `window.api`. */
export interface DesktopApi {
  /** Sends one API operation to the main process; the reply is validated by the renderer's client. */
  invoke(name: string, input: unknown): Promise<unknown>;
  /**
   * Native open dialog for a .slaw file. Replies with a Result: `{ ok: true, value: { fileName, content } | null }`
   * (null when cancelled) or `{ ok: false, error }` (too_large, invalid_file, storage). The renderer validates it.
   */
  openSlawFile(): Promise<unknown>;
  /** Native save dialog. Replies `{ ok: true, value: { saved, path? } }` or `{ ok: false, error }`; validated by the renderer. */
  saveSlawFile(fileName: string, content: string): Promise<unknown>;
  /**
   * Native save dialog for the Word document (`base64` is the .docx). Replies `{ ok: true, value: { saved, path? } }`
   * or `{ ok: false, error }` (`not_writable` with the system code when the folder cannot be written).
   */
  saveDocxFile(fileName: string, base64: string): Promise<unknown>;
  /**
   * Calls `listener` whenever the main process says an agreement changed (after any committed write, from
   * any window). The payload is checked here and again by the renderer. Returns the unsubscribe function.
   */
  onAgreementChanged(listener: (change: { id: string; revision: number | null }) => void): () => void;
  /** The operating system's preferred locale, e.g. "es-ES". */
  locale: string;
}

/** Channel names shared by the preload and the IPC host. */
export const IPC = {
  api: 'sla:api',
  openSlaw: 'sla:open-slaw',
  saveSlaw: 'sla:save-slaw',
  saveDocx: 'sla:save-docx',
  /** Main → renderer only: `{ id, revision }` after every committed write (see changeForwarder.ts). */
  agreementChanged: 'sla:agreement-changed',
} as const;
