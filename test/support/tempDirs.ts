import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * The one place tests get temporary folders. `useTempDirs()` for a test file (removed after its tests);
 * `tempDir()` + `removeDir()` when the folder's life is tied to something else (a host, a server, a process).
 */

/** A fresh, empty folder under the system's temp folder; the caller removes it (removeDir). */
export function tempDir(prefix = 'sla-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Returns a maker of fresh temporary folders, all removed after the calling test file's tests. */
export function useTempDirs(): (prefix: string) => string {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps.splice(0)) removeDir(dir);
  });
  return (prefix) => {
    const dir = tempDir(prefix);
    temps.push(dir);
    return dir;
  };
}

/** One folder for the whole test process, removed when it exits (a default nobody else may write to). */
export function processTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  process.on('exit', () => removeDir(dir));
  return dir;
}
