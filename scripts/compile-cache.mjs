// V8's compiled code of the `sla-workshop` command kept on disk between runs, for Node versions without
// module.enableCompileCache (added in Node 22.1; bin/sla-workshop.mjs uses it where it exists). Without it,
// every run parses and compiles the same few megabytes of JavaScript (the command's chunks, docx) again.
//
// CommonJS modules only (the command is built as CommonJS for this reason, scripts/node-build-state.mjs):
// Node 20 compiles them through a hook we can replace, Module.prototype._compile, and vm.Script accepts
// V8's cached data; Node 20 offers nothing of the kind for ES modules.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/** Cache file layout: a fixed tag, the SHA-256 of the V8 data, then the data. */
const TAG = Buffer.from('sla-v8-cache-1\n');
const DIGEST_BYTES = 32;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/**
 * The cache file of one module. Named after its path, size and modification time, so a file changed in
 * place (a package updated) never meets the code compiled from its old text: V8 itself only compares the
 * length of the source.
 */
function cacheFileOf(cacheDir, filename) {
  const stat = statSync(filename, { throwIfNoEntry: false });
  if (!stat) return null;
  const key = createHash('sha256').update(`${filename}\0${stat.size}\0${stat.mtimeMs}`).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.bin`);
}

/** The V8 data in a cache file, or undefined when there is none or it is not intact. */
function readCache(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(TAG.length + DIGEST_BYTES);
  if (!bytes.subarray(0, TAG.length).equals(TAG) || !bytes.subarray(TAG.length, TAG.length + DIGEST_BYTES).equals(sha256(data))) return undefined;
  return data;
}

/** Written whole or not at all (another run may read it at the same moment); a read-only install skips it. */
function writeCache(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, Buffer.concat([TAG, sha256(data), data]));
    renameSync(temp, file);
  } catch {
    // Only a missed speed-up: the next run compiles again.
  }
}

/** The `require` a module's code receives, as Node's own loader builds it. */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.cache = Module._cache;
  require.extensions = Module._extensions;
  return require;
}

/**
 * From now on, CommonJS files under one of `roots` are compiled with the code V8 left in `cacheDir` on an
 * earlier run, when it is there and V8 accepts it. What is compiled without it is saved as the process
 * exits, functions compiled while the command ran included, so the next run starts from all of it.
 * @param {string} cacheDir
 * @param {string[]} roots folders whose files are cached (the build, node_modules)
 * @returns {{ fromCache: string[], compiled: string[] }} the files loaded so far each way (for the tests)
 */
export function installCompileCache(cacheDir, roots) {
  const prefixes = roots.map((root) => (root.endsWith(sep) ? root : root + sep));
  const compile = Module.prototype._compile;
  /** @type {Array<[vm.Script, string]>} */
  const toSave = [];
  const report = { fromCache: [], compiled: [] };

  Module.prototype._compile = function compileWithCache(content, filename) {
    const file = prefixes.some((prefix) => filename.startsWith(prefix)) ? cacheFileOf(cacheDir, filename) : null;
    if (file === null) return compile.call(this, content, filename);
    const cachedData = readCache(file);
    // A `#!` line is valid only at the very start of a script, and the module's text goes inside a wrapper.
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new vm.Script(Module.wrap(source), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected) {
      toSave.push([script, file]);
      report.compiled.push(filename);
    } else {
      report.fromCache.push(filename);
    }
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  process.once('exit', () => {
    for (const [script, file] of toSave) writeCache(file, script.createCachedData());
  });
  return report;
}
