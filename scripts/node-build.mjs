#!/usr/bin/env node
// The Node side of the app built to JavaScript, so it starts without compiling TypeScript at every run:
// the `sla-workshop` command, the browser-mode server and the launcher's one-line messages.
//
// `node scripts/node-build.mjs` builds (part of `npm run build`; `prepare` runs it after `npm install`);
// `--if-stale` builds only when out/node is missing or older than a source it was built from.
//
// Each build goes to its own folder, out/node/<id>/, and out/node/build.json names the current one (written
// last, by rename): a command that is running keeps its own folder, and its lazily loaded chunks, while
// another process rebuilds. The previous build, and any built in the last hour, are kept for that reason.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMONJS_ENTRIES, MANIFEST, NODE_ENTRIES, OUT_DIR, ROOT, mtimeOf, readBuild, staleReason } from './node-build-state.mjs';

export { COMMONJS_ENTRIES, NODE_ENTRIES, OUT_DIR, ROOT, entryFile, readBuild, staleReason } from './node-build-state.mjs';

const LOCK = '.building';
/** Builds older than the previous one are removed once they are this old (a server may still run one). */
const KEEP_OLD_BUILDS_MS = 60 * 60_000;
/** A lock older than this belongs to a build that died: builds take seconds. */
const STALE_LOCK_MS = 120_000;

/**
 * Small pure-JavaScript packages bundled into the build: Node's module loader spends more time finding and
 * reading their many files (zod's ~100, jszip's ~40) than running them. Native and large packages
 * (better-sqlite3, docx, node-forge, xml-crypto) stay external, loaded from node_modules by the commands that
 * use them.
 */
export const BUNDLED_PACKAGES = ['zod', 'i18next', 'commander', 'canonicalize', 'jszip', '@xmldom/xmldom'];

/** Records each project file's modification time just before the bundler reads it. */
function recordInputs(root, inputs) {
  return {
    name: 'sla-record-inputs',
    enforce: 'pre',
    load(id) {
      if (id.startsWith('\0') || !isAbsolute(id)) return null;
      const file = id.split('?')[0];
      const path = relative(root, file);
      if (path.startsWith('..') || path.split(sep).includes('node_modules')) return null;
      const mtime = mtimeOf(file);
      if (mtime !== null) inputs[path.split(sep).join('/')] = mtime;
      return null;
    },
  };
}

/** The build tool (vite, a devDependency) is not installed: an installation made with --omit=dev. */
export class BuildToolMissing extends Error {
  constructor() {
    super('vite is not installed (devDependencies omitted), so the Node build cannot be made');
    this.name = 'BuildToolMissing';
  }
}

async function loadVite() {
  try {
    return await import('vite');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes("'vite'")) throw new BuildToolMissing();
    throw error;
  }
}

const isBundled = (id) => BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));

async function bundle({ root, entries, outDir, inputs, quiet, format }) {
  const { build } = await loadVite();
  const extension = format === 'cjs' ? 'cjs' : 'js';
  await build({
    configFile: false,
    envDir: false,
    root,
    // stdout belongs to the command being started (a CLI's output, web mode's URL line): never log there.
    logLevel: quiet ? 'silent' : 'warn',
    publicDir: false,
    plugins: [recordInputs(root, inputs)],
    ssr: { noExternal: BUNDLED_PACKAGES, target: 'node' },
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      minify: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(root, source)])),
        // Every package but the bundled ones is loaded from node_modules at run time.
        external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0') && !isBundled(id),
        // An import of an external package whose bindings go unused is dropped, so a command does not load
        // docx or node-forge because a module next to the one it needs mentions them.
        treeshake: { moduleSideEffects: 'no-external' },
        output: { format, entryFileNames: `[name].${extension}`, chunkFileNames: `chunks/[name]-[hash].${extension}` },
      },
    },
  });
  // The build scripts are inputs too: changing them (the bundled packages, say) calls for a new build.
  for (const script of [fileURLToPath(import.meta.url), fileURLToPath(new URL('./node-build-state.mjs', import.meta.url))]) {
    const path = relative(root, script);
    if (!path.startsWith('..')) inputs[path.split(sep).join('/')] = mtimeOf(script) ?? 0;
  }
}

function writeAtomically(file, text) {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * Builds `entries` (name → source, NODE_ENTRIES by default) into a new out/node/<id>/ under `root`, makes it
 * current, and removes builds older than the previous one once they are an hour old.
 * @param {{ root?: string, entries?: Record<string, string>, quiet?: boolean }} [options]
 */
export async function buildNode({ root = ROOT, entries = NODE_ENTRIES, quiet = false } = {}) {
  const base = join(root, OUT_DIR);
  mkdirSync(base, { recursive: true });
  const previous = readBuild(root);
  const id = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const inputs = {};
  // Two passes into the same folder (chunks .js and .cjs): the ES-module entries, then the CommonJS ones.
  const commonjs = Object.fromEntries(Object.entries(entries).filter(([name]) => COMMONJS_ENTRIES.includes(name)));
  const modules = Object.fromEntries(Object.entries(entries).filter(([name]) => !COMMONJS_ENTRIES.includes(name)));
  try {
    for (const [format, subset] of [
      ['es', modules],
      ['cjs', commonjs],
    ]) {
      if (Object.keys(subset).length > 0) await bundle({ root, entries: subset, outDir: join(base, id), inputs, quiet, format });
    }
  } catch (error) {
    rmSync(join(base, id), { recursive: true, force: true });
    throw error;
  }
  const record = { id, builtAt: new Date().toISOString(), entries: Object.keys(entries), inputs };
  writeAtomically(join(base, MANIFEST), `${JSON.stringify(record, null, 1)}\n`);
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === id || entry.name === previous?.id) continue;
    const age = Date.now() - (mtimeOf(join(base, entry.name)) ?? 0);
    if (age > KEEP_OLD_BUILDS_MS) rmSync(join(base, entry.name), { recursive: true, force: true });
  }
  return record;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** True while the process that wrote a lock is still running (signal 0 only checks it exists). */
function holderAlive(lock) {
  let text;
  try {
    text = readFileSync(lock, 'utf8').trim();
  } catch {
    return true; // Just removed: look again shortly.
  }
  if (text === '') return true; // Created, its pid not written yet.
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Runs `fn` while holding out/node/.building (a file holding our pid), so two processes do not build the same
 * thing at once. It saves work only: each build is complete in its own folder whoever finishes first. A lock
 * left by a process that died (Ctrl+C during a first-run build), or older than any build, is taken over.
 */
async function withBuildLock(root, fn) {
  const lock = join(root, OUT_DIR, LOCK);
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const since = mtimeOf(lock);
      if (since !== null && (Date.now() - since > STALE_LOCK_MS || !holderAlive(lock))) rmSync(lock, { force: true });
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * The current build, built first when it is missing or stale (see staleReason). Another process building at
 * the same moment is waited for, and its build used when it is fresh.
 * @param {{ root?: string, entries?: Record<string, string> }} [options]
 */
export async function ensureNodeBuild({ root = ROOT, entries = NODE_ENTRIES } = {}) {
  const current = readBuild(root);
  if (staleReason(current, root) === null) return current;
  return withBuildLock(root, async () => {
    const again = readBuild(root);
    return staleReason(again, root) === null ? again : buildNode({ root, entries, quiet: true });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  // `prepare` (after `npm install`): an install without devDependencies cannot build, and need not fail for
  // it; bin/sla-workshop.mjs then runs the sources through tsx.
  const prepare = process.argv.includes('--prepare');
  try {
    const record = ifStale ? await ensureNodeBuild() : await withBuildLock(ROOT, () => buildNode());
    process.stderr.write(`Node build ${record.id}: ${Object.keys(NODE_ENTRIES).join(', ')} in ${join(OUT_DIR, record.id)}\n`);
  } catch (error) {
    if (prepare && error instanceof BuildToolMissing) {
      process.stderr.write(`${error.message}; sla-workshop will run its sources through tsx.\n`);
      process.exit(0);
    }
    process.stderr.write(`The Node build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
