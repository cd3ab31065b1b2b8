#!/usr/bin/env node
// `npm run native:electron [-- --force] [-- --out DIR]`: builds better-sqlite3 for Electron's ABI into
// .native-electron/better_sqlite3.node, from a temporary copy of the package, so node_modules keeps the
// Node build that tests, browser mode and the CLI load. Skips when an up-to-date build is there. On any
// failure (offline: no Electron headers) it prints one warning line and exits 0 — the desktop app then
// reports the problem itself, and browser mode and the CLI never needed this.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ROOT, isMain, printMessage, run } from './launch-helpers.mjs';

export const DEFAULT_OUT_DIR = join(ROOT, '.native-electron');
export const BINARY_NAME = 'better_sqlite3.node';
export const STAMP_NAME = 'stamp.json';
/** Where node-gyp fetches Electron's headers; a mirror may be named in SLA_WORKSHOP_ELECTRON_HEADERS_URL. */
export const HEADERS_URL = 'https://electronjs.org/headers';
/** Headers are a few MB: if they have not arrived by then, we are offline or behind a wall. */
export const HEADERS_TIMEOUT_MS = 45_000;
/** Compiling SQLite takes ~1.5 min on two cores. */
export const BUILD_TIMEOUT_MS = 15 * 60_000;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** What the build is for; a change in any field means the existing build is stale. */
export function buildStamp(root = ROOT) {
  const electronDir = join(root, 'node_modules', 'electron');
  let abi = null;
  try {
    abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim() || null;
  } catch {
    // Older electron packages have no abi_version file; the version alone then identifies the ABI.
  }
  return {
    electron: readJson(join(electronDir, 'package.json')).version,
    abi,
    betterSqlite3: readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
}

export function isUpToDate(outDir, stamp) {
  try {
    const recorded = readJson(join(outDir, STAMP_NAME));
    return (
      existsSync(join(outDir, BINARY_NAME)) &&
      Object.keys(stamp).every((key) => recorded[key] === stamp[key]) &&
      Object.keys(recorded).length === Object.keys(stamp).length
    );
  } catch {
    return false;
  }
}

/**
 * The environment for node-gyp. npm exports every .npmrc setting as npm_config_*: `nodedir=/usr` would
 * make node-gyp use Node's headers and silently build for Node's ABI, and target/runtime/disturl would
 * fight our own flags. They go; everything else (proxy settings, PATH, python) stays.
 */
export function nodeGypEnv(env = process.env) {
  const dropped = /^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !dropped.test(key)));
}

export function nodeGypArgs(command, stamp, headersUrl = HEADERS_URL) {
  const extra = command === 'install' ? ['--ensure'] : command === 'rebuild' ? ['--release', '--jobs=max'] : [];
  return [command, `--target=${stamp.electron}`, `--dist-url=${headersUrl}`, '--runtime=electron', `--arch=${stamp.arch}`, ...extra];
}

/**
 * Loads the fresh build in this Node: an Electron build must be refused with Electron's
 * NODE_MODULE_VERSION. Loading fine means it was built for Node — the nodedir trap — and is rejected.
 */
async function checkAbi(binary, stamp) {
  const probe = `try { process.dlopen({ exports: {} }, ${JSON.stringify(binary)}); console.log('LOADED'); } catch (e) { console.log(String(e.message)); }`;
  const result = await run(process.execPath, ['-e', probe], { capture: true, timeoutMs: 30_000 });
  if (result.output.includes('LOADED')) return 'built for Node instead of Electron';
  const found = /NODE_MODULE_VERSION (\d+)/.exec(result.output)?.[1];
  if (found && stamp.abi && found !== stamp.abi) return `built for ABI ${found}, Electron needs ${stamp.abi}`;
  return null;
}

/** A short reason for the one-line warning (the whole output is in build.log). */
export function failureReason(output, phase) {
  const network =
    /\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED)\b/.exec(
      output,
    )?.[1];
  const status = /\b(?:status|statusCode)[ :]+(\d{3})\b|\b(\d{3}) (?:status|response)/i.exec(output);
  if (phase === 'headers' && network) return `cannot download the Electron headers: ${network}`;
  if (phase === 'headers' && status) return `cannot download the Electron headers: HTTP ${status[1] ?? status[2]}`;
  const noise = /^(stack\s+at\b|System|command|cwd|node -v|node-gyp -v|not ok|install error|configure error|build error)/;
  const lines = output.split(/\r?\n/).map((line) =>
    line
      .replace(/^gyp ERR!\s*/, '')
      .replace(/^stack\s+Error:\s*/, '')
      .trim(),
  );
  const error = lines.find((line) => line && !noise.test(line) && /error|not found|failed|cannot|missing/i.test(line) && !/^gyp (info|http|WARN)/.test(line));
  const fallback = phase === 'headers' ? 'cannot download the Electron headers' : 'the compiler failed';
  return (error ?? fallback).slice(0, 160);
}

/**
 * Resolves to { status: 'up-to-date' | 'built' } or { status: 'skipped', reason }; never throws and never
 * writes inside node_modules. The full node-gyp output goes to <outDir>/build.log.
 */
export async function buildElectronNative({ root = ROOT, outDir = DEFAULT_OUT_DIR, force = false, env = process.env } = {}) {
  let stamp;
  try {
    stamp = buildStamp(root);
  } catch {
    return { status: 'skipped', reason: 'electron or better-sqlite3 is not installed' };
  }
  if (!force && isUpToDate(outDir, stamp)) return { status: 'up-to-date' };

  const headersUrl = env.SLA_WORKSHOP_ELECTRON_HEADERS_URL || HEADERS_URL;
  const gypEnv = nodeGypEnv(env);
  const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'sla-native-'));
  const copy = join(work, 'better-sqlite3');
  const log = [];
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork);
  const finish = (result) => {
    try {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'build.log'), `${JSON.stringify({ ...stamp, headersUrl, result })}\n${log.join('\n')}`);
    } catch {
      // The log is a convenience.
    }
    removeWork();
    process.off('exit', removeWork);
    return result;
  };
  try {
    // The package's sources only: never its build/ (Node's binary) or a nested node_modules.
    cpSync(source, copy, {
      recursive: true,
      filter: (path) => {
        const rel = relative(source, path);
        return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
      },
    });

    const headers = await run(process.execPath, [nodeGyp, ...nodeGypArgs('install', stamp, headersUrl)], {
      cwd: copy,
      env: gypEnv,
      capture: true,
      timeoutMs: HEADERS_TIMEOUT_MS,
    });
    log.push(headers.output);
    if (headers.timedOut) return finish({ status: 'skipped', reason: `no Electron headers after ${HEADERS_TIMEOUT_MS / 1000} s` });
    if (headers.code !== 0) return finish({ status: 'skipped', reason: failureReason(headers.output, 'headers') });

    const build = await run(process.execPath, [nodeGyp, ...nodeGypArgs('rebuild', stamp, headersUrl)], {
      cwd: copy,
      env: gypEnv,
      capture: true,
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    log.push(build.output);
    if (build.timedOut) return finish({ status: 'skipped', reason: `build took over ${BUILD_TIMEOUT_MS / 60_000} min` });
    const built = join(copy, 'build', 'Release', BINARY_NAME);
    if (build.code !== 0 || !existsSync(built)) return finish({ status: 'skipped', reason: failureReason(build.output, 'build') });

    const wrongAbi = await checkAbi(built, stamp);
    if (wrongAbi) return finish({ status: 'skipped', reason: wrongAbi });

    mkdirSync(outDir, { recursive: true });
    const temp = join(outDir, `${BINARY_NAME}.tmp`);
    copyFileSync(built, temp);
    renameSync(temp, join(outDir, BINARY_NAME));
    writeFileSync(join(outDir, STAMP_NAME), `${JSON.stringify(stamp, null, 2)}\n`);
    return finish({ status: 'built' });
  } catch (error) {
    log.push(String(error?.stack ?? error));
    return finish({
      status: 'skipped',
      reason: String(error?.message ?? error)
        .split('\n')[0]
        .slice(0, 160),
    });
  }
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const outAt = argv.indexOf('--out');
  const outDir = outAt >= 0 && argv[outAt + 1] ? resolve(argv[outAt + 1]) : DEFAULT_OUT_DIR;
  const result = await buildElectronNative({ outDir, force: argv.includes('--force') });
  if (result.status === 'skipped') await printMessage('cli.start.nativeSkipped', { reason: result.reason });
  process.exitCode = 0;
}
