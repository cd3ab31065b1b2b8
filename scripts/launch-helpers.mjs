// Small process helpers shared by start.mjs, web.mjs and build-electron-native.mjs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_ENTRIES, ensureNodeBuild, entryFile } from './node-build.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** True when `importMetaUrl` is the script node was started with (not merely imported by a test). */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === importMetaUrl;
}

/** The JavaScript file behind a package's bin, run with this node (no .cmd shims, works on Windows). */
export function binScript(pkg, bin = pkg) {
  const manifestPath = requireFromRoot.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (!relative) throw new Error(`${pkg} has no bin ${bin}`);
  return join(dirname(manifestPath), relative);
}

/**
 * Runs a command to completion. `stdio` as for spawn; with `capture`, stdout and stderr are collected
 * instead (returned as `output`). `timeoutMs` kills the whole process group (node-gyp starts make,
 * make starts the compilers), so a hung download or build cannot keep the start script waiting.
 * `forwardSignals` passes SIGINT/SIGTERM/SIGHUP on to the child and waits for it to exit.
 */
export function run(command, args, options = {}) {
  const { cwd = ROOT, env = process.env, stdio = 'inherit', capture = false, timeoutMs, forwardSignals = false } = options;
  const group = process.platform !== 'win32' && timeoutMs !== undefined;
  return new Promise((resolvePromise) => {
    let child;
    try {
      child = spawn(command, args, { cwd, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : stdio, detached: group, windowsHide: true });
    } catch (error) {
      resolvePromise({ code: 1, signal: null, timedOut: false, output: String(error), error });
      return;
    }
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              if (group) process.kill(-child.pid, 'SIGKILL');
              else child.kill('SIGKILL');
            } catch {
              // Already gone.
            }
          }, timeoutMs);
    // A child in its own process group does not see the terminal's Ctrl+C: pass it on, stop the group,
    // and once the group is gone die of the same signal (the caller must not carry on to its next step).
    const signals = forwardSignals || group ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : [];
    let abortedBy = null;
    const forward = (signal) => {
      try {
        if (group) {
          abortedBy = signal;
          process.kill(-child.pid, signal);
        } else child.kill(signal);
      } catch {
        // Already gone.
      }
    };
    for (const signal of signals) process.on(signal, forward);
    let settled = false;
    const finish = (code, signal, error) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      for (const s of signals) process.off(s, forward);
      // Exit rather than re-raise, so callers' 'exit' handlers (temporary folders) still run.
      if (abortedBy) process.exit(128 + (constants.signals[abortedBy] ?? 1));
      resolvePromise({ code: code ?? (signal || error ? 1 : 0), signal, timedOut, output: Buffer.concat(chunks).toString('utf8'), error });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Runs a TypeScript entry of the project under tsx (development: SLA_WORKSHOP_DEV=1). */
export function runTs(entry, args, options = {}) {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args], options);
}

/**
 * Runs one of the Node build's entries (scripts/node-build.mjs: `web-server`, `launcher-message`), building
 * it first when it is missing or stale; with SLA_WORKSHOP_DEV=1, its TypeScript source through tsx instead.
 */
export async function runNodeEntry(name, args, options = {}) {
  if (process.env.SLA_WORKSHOP_DEV === '1') return runTs(NODE_ENTRIES[name], args, options);
  let build;
  try {
    build = await ensureNodeBuild();
  } catch (error) {
    const output = `The Node build failed: ${error instanceof Error ? error.message : String(error)}\n`;
    if (!options.capture) process.stderr.write(output);
    return { code: 1, signal: null, timedOut: false, output, error };
  }
  return run(process.execPath, [entryFile(build, name), ...args], options);
}

/**
 * Prints one translated line (cli.start.*) to stderr in the OS language. The messages live in
 * src/shared/i18n, which is TypeScript, hence the small built entry (src/main/electron/launcher/print.ts).
 */
export async function printMessage(key, params = {}) {
  const pairs = Object.entries(params).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}`);
  const result = await runNodeEntry('launcher-message', [key, ...pairs], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.code !== 0) process.stderr.write(`${key}\n`);
}
