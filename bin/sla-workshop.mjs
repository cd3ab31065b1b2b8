#!/usr/bin/env node
// The `sla-workshop` command. Runs the JavaScript build of src/main/cli (out/node/, scripts/node-build.mjs),
// building it first when it is missing or older than its sources, so it works right after `npm install`
// and after every edit. SLA_WORKSHOP_DEV=1 runs the TypeScript sources through tsx instead (no build), as
// does an installation without devDependencies, which has no build tool.
// All the logic, and every message, is in src/main/cli.
import module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, entryFile, readBuild, staleReason } from '../scripts/node-build-state.mjs';

// Node 22.1 and later keep the compiled code of what runs on disk between runs; on older versions,
// scripts/compile-cache.mjs does it for the build (below).
const nodeCompileCache = typeof module.enableCompileCache === 'function';
if (nodeCompileCache) module.enableCompileCache();

/** Only reached when the command itself cannot be loaded or built, so the translations cannot be either. */
function incompleteInstallation(detail) {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  if (detail) process.stderr.write(`${detail}\n`);
  process.stderr.write(
    locale.toLowerCase().startsWith('es')
      ? 'sla-workshop no pudo iniciarse: la instalación está incompleta (ejecuta «npm install»).\n'
      : 'sla-workshop could not start: the installation is incomplete (run "npm install").\n',
  );
  process.exitCode = 2;
}

/**
 * Runs the built command (CommonJS: scripts/node-build-state.mjs) with V8's compiled code of its chunks, and
 * of the packages it loads, kept in its build folder (by Node version: each has its own kind of code).
 */
async function runBuilt(file) {
  if (!nodeCompileCache) {
    const { installCompileCache } = await import('../scripts/compile-cache.mjs');
    const cacheDir = join(dirname(file), 'v8-cache', `${process.version}-${process.arch}`);
    installCompileCache(cacheDir, [dirname(file), join(ROOT, 'node_modules')]);
  }
  await createRequire(import.meta.url)(file).done;
}

/** The file to run: the fresh build, or null for the TypeScript sources; undefined when neither will do. */
async function commandEntry() {
  if (process.env.SLA_WORKSHOP_DEV === '1') return null;
  const current = readBuild();
  if (staleReason(current) === null) return entryFile(current, 'sla-workshop');
  // Missing or stale: build now (the build tool loads only in this case).
  const { BuildToolMissing, ensureNodeBuild } = await import('../scripts/node-build.mjs');
  try {
    return entryFile(await ensureNodeBuild(), 'sla-workshop');
  } catch (error) {
    if (error instanceof BuildToolMissing) return null;
    // The build's own message (a syntax error in a source, say) is for whoever changed the sources.
    incompleteInstallation(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

const entry = await commandEntry();
if (entry !== undefined) {
  try {
    if (entry === null) {
      const { register } = await import('tsx/esm/api');
      register();
      await (
        await import(pathToFileURL(`${ROOT}/src/main/cli/main.ts`).href)
      ).done;
    } else {
      await runBuilt(entry);
    }
  } catch {
    incompleteInstallation();
  }
}
