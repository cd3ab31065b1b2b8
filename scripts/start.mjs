#!/usr/bin/env node
// `npm start` / `npm run dev`: the desktop app when the Electron binary is usable, otherwise one
// translated line on stderr and browser mode (as `npm run web`). Never imports 'electron' here: its
// index.js starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, binScript, isMain, printMessage, run } from './launch-helpers.mjs';
import { runWeb } from './web.mjs';

/** A first download on a slow line may take a while; an offline machine fails within a second or so. */
export const INSTALL_TIMEOUT_MS = 5 * 60_000;

/**
 * The executable electron-vite would launch, or null: ELECTRON_EXEC_PATH when set (electron-vite honours
 * it), else node_modules/electron/dist/<path.txt>.
 */
export function electronBinary(electronDir = join(ROOT, 'node_modules', 'electron'), env = process.env) {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const binary = join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** The package's own installer (what its postinstall used to run), silent: only our one line is shown. */
async function installElectron() {
  const installer = join(ROOT, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return;
  await run(process.execPath, [installer], { stdio: 'ignore', timeoutMs: INSTALL_TIMEOUT_MS });
}

const defaultDeps = {
  findElectron: () => electronBinary(),
  installElectron,
  buildNative: () => run(process.execPath, [join(ROOT, 'scripts', 'build-electron-native.mjs')], { stdio: 'inherit' }),
  runElectronVite: async (args) => (await run(process.execPath, [binScript('electron-vite'), ...args], { stdio: 'inherit', forwardSignals: true })).code,
  printMessage,
  runWeb,
};

/**
 * Decides and runs; resolves to the exit code. `--dev` starts electron-vite's dev server (hot reload);
 * other arguments go to the app (`--data-dir=DIR`) or, in browser mode, to the server (`--port N`, ...).
 */
export async function start(argv, deps = defaultDeps) {
  const dev = argv.includes('--dev');
  const rest = argv.filter((arg) => arg !== '--dev');
  let binary = deps.findElectron();
  if (!binary) {
    await deps.installElectron();
    binary = deps.findElectron();
  }
  if (!binary) {
    await deps.printMessage('cli.start.noElectron');
    return deps.runWeb(rest, { quietBuild: true });
  }
  await deps.buildNative();
  return deps.runElectronVite([dev ? 'dev' : 'preview', ...(rest.length ? ['--', ...rest] : [])]);
}

if (isMain(import.meta.url)) {
  process.exitCode = await start(process.argv.slice(2));
}
