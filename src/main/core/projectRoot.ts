import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's folder (the one holding its package.json), found by walking up from this module. The same code
 * runs from the sources (src/main/core), from the Node build (out/node/<build>/chunks) and from the Electron
 * build (out/main), so a fixed number of `../` would be right in only one of them.
 */
export function findProjectRoot(from: string = fileURLToPath(import.meta.url)): string | null {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
