/** What the preload exposes as `window.api` in Electron. Browser mode has no `window.api`. */
export interface DesktopApi {
  /** Sends one API operation to the main process; the reply is validated by the renderer's client. */
  invoke(name: string, input: unknown): Promise<unknown>;
  /** Native open dialog for a .slaw file; null when the user cancels. */
  openSlawFile(): Promise<unknown>;
  /** Native save dialog; resolves to whether a file was written. */
  saveSlawFile(fileName: string, content: string): Promise<unknown>;
  /** The operating system's preferred locale, e.g. "es-ES". */
  locale: string;
}

/** Channel names shared by the preload and the IPC host. */
export const IPC = {
  api: 'sla:api',
  openSlaw: 'sla:open-slaw',
  saveSlaw: 'sla:save-slaw',
} as const;
