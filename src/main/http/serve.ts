import { Command, InvalidArgumentError } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, createTranslator, pickLanguage } from '../../shared/i18n';
import { toApiError } from '../../shared/api/errors';
import { APP_VERSION } from '../core/appVersion';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/dataDir';
import { findProjectRoot } from '../core/projectRoot';
import { recoveryLine, startupLines } from '../core/recoveryNotice';
import { listenOnRememberedPort, readRememberedPort, rememberPort } from './rememberedPort';
import { newToken } from './security';
import { createHttpHost } from './server';
import { storageError } from '../core/storageError';

/** The built renderer: out/renderer of the app's folder, whether this runs from the sources or from out/node. */
export const RENDERER_DIR = join(findProjectRoot() ?? process.cwd(), 'out', 'renderer');

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('port must be 0–65535');
  return port;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener: the URL is on stdout.
  }
}

/** Browser mode entry point: prints exactly one line on stdout, the URL with its token. */
export async function serveBrowserMode(argv: string[]): Promise<void> {
  const program = new Command('sla-workshop-web')
    .option('--port <port>', 'port on 127.0.0.1 (0 = any free port; default: the port of the last start, if free)', parsePort)
    .option('--data-dir <dir>', 'data folder (default: SLA_WORKSHOP_DATA_DIR or the per-user folder)')
    .option('--no-open', 'do not open a browser window')
    .parse(argv, { from: 'user' });
  const opts = program.opts<{ port?: number; dataDir?: string; open: boolean }>();
  const t = createTranslator(pickLanguage(process.env.LC_ALL || process.env.LANG));
  if (!existsSync(RENDERER_DIR)) {
    process.stderr.write(`${t('cli.web.notBuilt')}\n`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(opts.dataDir);
  let core;
  try {
    core = createCore({ dataDir, appVersion: APP_VERSION, host: 'browser' });
  } catch (error) {
    process.stderr.write(`${describeError(t, toApiError(storageError(error) ?? error))}\n`);
    process.exit(2);
  }
  // The database was damaged, moved aside and replaced (by a backup or a fresh one): say so; the page shows it too.
  if (core.recovery) process.stderr.write(`${recoveryLine(t, core.recovery)}\n`);
  // Agreements that cannot be read, a backup that failed: one line each (the page shows them too).
  for (const line of startupLines(t, core.startupReport())) process.stderr.write(`${line}\n`);
  const token = newToken();
  const serve = async (port: number) => {
    const attempt = createHttpHost({ dispatch: core.dispatch, token, rendererDir: RENDERER_DIR, port });
    try {
      return { host: attempt, port: await attempt.listen() };
    } catch (error) {
      await attempt.close();
      throw error;
    }
  };
  // Same port as last time unless one is asked for, so open tabs keep their origin (and their unsaved text).
  const { host, port } = opts.port !== undefined ? await serve(opts.port) : await listenOnRememberedPort(readRememberedPort(dataDir), serve);
  if (opts.port === undefined) rememberPort(dataDir, port);
  process.stdout.write(`SLA Workshop running at ${host.url()}\n`);
  if (opts.open) openBrowser(host.url());
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
