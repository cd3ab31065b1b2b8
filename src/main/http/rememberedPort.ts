import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Browser mode keeps its port across restarts. A tab's unsaved text lives in the browser's localStorage,
 * which belongs to one origin — scheme, host *and port* — so a server that came back on another port would
 * open the new link on an origin that cannot see that text.
 */
export const PORT_FILE = 'browser-mode-port';

export function readRememberedPort(dataDir: string): number | null {
  try {
    const text = readFileSync(join(dataDir, PORT_FILE), 'utf8').trim();
    const port = Number(text);
    return /^\d{1,5}$/.test(text) && port >= 1024 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

export function rememberPort(dataDir: string, port: number): void {
  const file = join(dataDir, PORT_FILE);
  try {
    writeFileSync(`${file}.tmp`, `${port}\n`);
    renameSync(`${file}.tmp`, file);
  } catch {
    // A read-only data folder: the next start picks any free port, as before.
  }
}

const isPortTaken = (error: unknown) => error instanceof Error && 'code' in error && (error.code === 'EADDRINUSE' || error.code === 'EACCES');

/**
 * Listens on the remembered port when it is free, otherwise on any free port. `listen(port)` starts a
 * server on that port (0: any).
 */
export async function listenOnRememberedPort<T>(preferred: number | null, listen: (port: number) => Promise<T>): Promise<T> {
  if (preferred !== null) {
    try {
      return await listen(preferred);
    } catch (error) {
      if (!isPortTaken(error)) throw error;
    }
  }
  return listen(0);
}
