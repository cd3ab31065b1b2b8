// What bin/sla-workshop.mjs needs on every run, kept apart from the build itself (scripts/node-build.mjs,
// which loads vite) so that checking the build costs a few milliseconds: which build is current, and whether
// a source it was built from has changed since.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join('out', 'node');
export const MANIFEST = 'build.json';

/**
 * Entry name → source. The built file is out/node/<id>/<name>.js (.cjs for COMMONJS_ENTRIES).
 * @type {Record<string, string>}
 */
export const NODE_ENTRIES = {
  'sla-workshop': 'src/main/cli/main.ts',
  // The CLI's CSV import reads large files in pieces on worker threads (src/main/cli/csvParallel.ts).
  'csv-import-worker': 'src/main/cli/csvImportWorker.ts',
  'web-server': 'src/main/http/web-entry.ts',
  'launcher-message': 'src/main/electron/launcher/print.ts',
};

/** The current build's record, or null when there is none (or it is unreadable). */
export function readBuild(root = ROOT) {
  let record;
  try {
    record = JSON.parse(readFileSync(join(root, OUT_DIR, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  const valid =
    record !== null &&
    typeof record === 'object' &&
    typeof record.id === 'string' &&
    /^[a-z0-9-]+$/.test(record.id) &&
    Array.isArray(record.entries) &&
    record.entries.every((name) => typeof name === 'string' && /^[a-z0-9-]+$/.test(name)) &&
    record.inputs !== null &&
    typeof record.inputs === 'object' &&
    Object.values(record.inputs).every((mtime) => typeof mtime === 'number');
  return valid ? record : null;
}

/**
 * Entries built as CommonJS (`<name>.cjs`, chunks `.cjs`) rather than ES modules. The command is: Node 20 can
 * keep V8's compiled code of a CommonJS file between runs (scripts/compile-cache.mjs), not of an ES module,
 * and its CommonJS loader is quicker too. The others stay ES modules (the web server's entry awaits at its
 * top level).
 */
export const COMMONJS_ENTRIES = ['sla-workshop', 'csv-import-worker'];

/** The built file of an entry (see NODE_ENTRIES) in a build. */
export function entryFile(build, name, root = ROOT) {
  return join(root, OUT_DIR, build.id, `${name}.${COMMONJS_ENTRIES.includes(name) ? 'cjs' : 'js'}`);
}

export const mtimeOf = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * Why a build cannot be used as it is, or null when it can: missing, an entry file gone, or a source it was
 * built from changed since (its modification time differs from the one read just before the build read it).
 * A source that no longer exists does not count: removing a file means editing the one that imported it,
 * and an installation may ship the build without the sources.
 */
export function staleReason(build, root = ROOT) {
  if (!build) return 'missing';
  for (const name of build.entries) if (!existsSync(entryFile(build, name, root))) return `entry ${name} missing`;
  for (const [file, mtime] of Object.entries(build.inputs)) {
    const now = mtimeOf(join(root, file));
    if (now !== null && now !== mtime) return `${file} changed`;
  }
  return null;
}
