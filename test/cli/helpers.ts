import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processTempDir } from '../support/tempDirs';

export const BIN = fileURLToPath(new URL('../../bin/sla-workshop.mjs', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that would leak the developer's language or data folder into the tests. */
const SCRUBBED = /^(LANG|LANGUAGE|LC_[A-Z]+|SLA_WORKSHOP_DATA_DIR|SLA_WORKSHOP_DEV|NODE_OPTIONS)$/;

let isolatedDataDir: string | null = null;
/**
 * One throw-away data folder per test process, used when a test names none: `export` records every export in
 * the data folder's database, which must never be the developer's own.
 */
function defaultDataDir(): string {
  if (!isolatedDataDir) {
    isolatedDataDir = processTempDir('sla-cli-data-');
  }
  return isolatedDataDir;
}

/**
 * Runs the real `bin/sla-workshop.mjs` in a child process with an explicit LANG: the built command in
 * out/node (test/support/nodeBuild.setup.ts builds it before the tests when it is stale), never the sources.
 * `nodeArgs` go to Node itself, before the script.
 */
export function runCli(args: string[], options: { lang?: string; cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !SCRUBBED.test(key)) env[key] = value;
  env.SLA_WORKSHOP_DATA_DIR = defaultDataDir();
  env.LANG = options.lang ?? 'en_US.UTF-8';
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A failure the way users must see it: exactly one line on stderr, nothing that looks like a stack frame. */
export function expectOneLineError(result: RunResult): string {
  const lines = result.stderr.split('\n').filter((l) => l.length > 0);
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}: ${result.stderr}`);
  if (/^\s+at\s/m.test(result.stderr) || /Error:|\.ts:\d+/.test(result.stderr)) throw new Error(`stack trace or raw error on stderr: ${result.stderr}`);
  return lines[0] ?? '';
}
