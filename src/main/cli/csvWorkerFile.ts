import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { findProjectRoot } from '../core/projectRoot';

/** The worker's entry in the Node build (scripts/node-build-state.mjs). */
const BUILT_NAME = 'csv-import-worker.cjs';

export interface WorkerFile {
  path: string;
  /** A TypeScript source, to run through tsx. */
  source: boolean;
}

const buildRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  entries: z.array(z.string()),
  inputs: z.record(z.string(), z.number()),
});

/**
 * The current Node build's worker when that build is fresh — no source it was built from has changed since
 * (the check bin/sla-workshop.mjs makes, scripts/node-build-state.mjs) — else null.
 */
function freshBuiltWorker(root: string): string | null {
  try {
    const record = buildRecordSchema.parse(JSON.parse(readFileSync(join(root, 'out', 'node', 'build.json'), 'utf8')));
    const file = join(root, 'out', 'node', record.id, BUILT_NAME);
    if (!existsSync(file)) return null;
    for (const [input, mtime] of Object.entries(record.inputs)) {
      const path = join(root, input);
      if (existsSync(path) && statSync(path).mtimeMs !== mtime) return null;
    }
    return file;
  } catch {
    return null;
  }
}

/**
 * The file a CSV worker thread runs. In the built command this module is a chunk of the build, and the
 * worker is the build's own entry next to it. From the TypeScript sources (tsx: tests, the bench,
 * SLA_WORKSHOP_DEV=1), the fresh build's worker when there is one — a thread that must compile the sources
 * through tsx first starts half a second later, more than it saves on a file of a few hundred MB —
 * else the source worker. Null when there is none: the import then reads the file in one piece.
 */
export function csvWorkerFile(): WorkerFile | null {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    for (const candidate of [join(dirname(here), BUILT_NAME), join(dirname(here), '..', BUILT_NAME)])
      if (existsSync(candidate)) return { path: candidate, source: false };
    return null;
  }
  const root = findProjectRoot(here);
  const built = root ? freshBuiltWorker(root) : null;
  return built ? { path: built, source: false } : { path: join(dirname(here), 'csvImportWorker.ts'), source: true };
}
