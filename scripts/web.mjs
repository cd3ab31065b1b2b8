#!/usr/bin/env node
// `npm run web -- [--port N] [--data-dir DIR] [--no-open]`: browser mode. Builds the renderer when it is
// missing or older than its sources (build output on stderr), then serves it; stdout carries exactly one
// line, "SLA Workshop running at http://127.0.0.1:<port>/?token=<token>".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, binScript, isMain, run, runNodeEntry } from './launch-helpers.mjs';

/** Sources whose changes call for a new renderer build. */
export const RENDERER_SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts'];

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true })) {
    try {
      newest = Math.max(newest, statSync(join(path, String(entry))).mtimeMs);
    } catch {
      // Deleted while we looked: the directory's own mtime already says it changed.
    }
  }
  return newest;
}

/** The built renderer is missing, or some source is newer than its index.html. */
export function rendererNeedsBuild(root = ROOT, sources = RENDERER_SOURCES) {
  const index = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

/**
 * `electron-vite build`, its output on stderr (stdout is reserved for the URL line). Quiet: the output is
 * kept and shown only if the build fails.
 */
export async function buildRenderer({ quiet = false } = {}) {
  const args = [binScript('electron-vite'), 'build'];
  const result = quiet ? await run(process.execPath, args, { capture: true }) : await run(process.execPath, args, { stdio: ['ignore', 2, 2] });
  if (quiet && result.code !== 0) process.stderr.write(result.output);
  return result.code === 0;
}

/**
 * Builds if needed (the renderer, and the server's Node build: scripts/node-build.mjs), then runs the
 * browser-mode server in the foreground; resolves to its exit code.
 */
export async function runWeb(argv, { quietBuild = false } = {}) {
  if (rendererNeedsBuild() && !(await buildRenderer({ quiet: quietBuild }))) return 1;
  const result = await runNodeEntry('web-server', argv, { stdio: 'inherit', forwardSignals: true });
  return result.code;
}

if (isMain(import.meta.url)) {
  process.exitCode = await runWeb(process.argv.slice(2));
}
