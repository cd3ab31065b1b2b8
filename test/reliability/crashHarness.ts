/**
 * The parent's side of the crash test: starting children (test/reliability/crash-child.ts), reading their
 * lines, and reading back what survived a kill. See crash.test.ts.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import { BACKUPS_DIR, listBackups, verifyBackup } from '../../src/main/db/backups';
import type { AgreementRecord, AgreementSummary } from '../../src/shared/api/contract';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STEP_TIMEOUT_MS = 60_000;

export const CRASH_MODES = ['save', 'backup', 'import'] as const;
export type CrashMode = (typeof CRASH_MODES)[number];

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Complete lines only: a line cut short by the kill never counts. */
  lines: string[];
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the `nth` line (1 = the first) starting with `prefix`, or with an `error` line. */
  waitFor(prefix: string, nth?: number): Promise<string>;
}

export function startChild(dataDir: string): Child {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'NODE_OPTIONS') env[key] = value;
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const child: Child = { proc, lines: [], stderr: '', exited: undefined as never, waitFor: undefined as never };
  const waiters: { prefix: string; nth: number; resolve: (line: string) => void }[] = [];
  const count = (prefix: string) => child.lines.filter((l) => l.startsWith(prefix)).length;
  let pending = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      child.lines.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith('error') || (line.startsWith(w.prefix) && count(w.prefix) >= w.nth))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (child.stderr += chunk));
  // 'close' comes after stdout has ended, so every line the child wrote has been seen by then.
  child.exited = new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  child.waitFor = (prefix, nth = 1) => {
    const error = child.lines.find((l) => l.startsWith('error'));
    if (error) return Promise.resolve(error);
    const seen = child.lines.filter((l) => l.startsWith(prefix));
    if (seen.length >= nth) return Promise.resolve(seen[nth - 1]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never said "${prefix}" ${nth} time(s); stderr: ${child.stderr.slice(-2000)}`)), STEP_TIMEOUT_MS);
      waiters.push({
        prefix,
        nth,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void child.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`child exited before "${prefix}"; stdout tail: ${child.lines.slice(-3).join(' | ')}; stderr: ${child.stderr.slice(-2000)}`));
      });
    });
  };
  return child;
}

/** True when the child's last `start` line came after its last `done` line: it was killed in between. */
export function killedBetween(lines: readonly string[], start: string, done: string): boolean {
  const lastStart = lines.findLastIndex((l) => l.startsWith(start));
  return lastStart >= 0 && lastStart > lines.findLastIndex((l) => l.startsWith(done));
}

export interface Check {
  integrity: string;
  recovery: unknown;
  revision: number;
  company: string;
  summaryRevision: number;
  /** Titles of the `import-…` agreements in the database, with their ids. */
  imports: Map<string, string>;
  /** Imports that are listed but cannot be read back whole. */
  unreadableImports: string[];
  /** Files named like a backup that do not verify. */
  badBackups: string[];
}

/**
 * Reads what survived the kill. The integrity check runs on a plain connection before the app opens the
 * file, so the start-up recovery (which would move a damaged file aside) cannot hide damage; then the core
 * opens the folder the way the app does after a crash, and must not have needed to recover anything.
 */
export async function inspect(dataDir: string, id: string): Promise<Check> {
  const raw = new Database(join(dataDir, DATABASE_FILE));
  let integrity: string;
  try {
    integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    raw.close();
  }
  // Checked before the core opens the folder (which may take a backup of its own).
  const badBackups = listBackups(join(dataDir, BACKUPS_DIR))
    .filter((b) => !verifyBackup(b.path).ok)
    .map((b) => b.name);
  const core = createCore({ dataDir, appVersion: '0.0.0-crash', host: 'direct' });
  try {
    // Older cores have no start-up report: an unknown operation then means "nothing to report".
    const report = await core.dispatch('app.startupReport', {});
    const recovery = report.ok ? (report.value as { recovery: unknown }).recovery : null;
    const got = await core.dispatch('agreements.get', { id });
    if (!got.ok) throw new Error(`agreement unreadable after the kill: ${got.error.kind} ${got.error.message}`);
    const record = got.value as AgreementRecord;
    const listed = await core.dispatch('agreements.list', {});
    const summaries = listed.ok ? (listed.value as AgreementSummary[]) : [];
    const summary = summaries.find((s) => s.id === id);
    const imports = new Map(summaries.filter((s) => s.title.startsWith('import-')).map((s) => [s.title, s.id]));
    const unreadableImports: string[] = [];
    for (const [title, importId] of imports) {
      const back = await core.dispatch('agreements.get', { id: importId });
      if (!back.ok || (back.value as AgreementRecord).agreement.meta.title !== title) unreadableImports.push(title);
    }
    return {
      integrity,
      recovery,
      revision: record.revision,
      company: record.agreement.meta.company,
      summaryRevision: summary?.revision ?? -1,
      imports,
      unreadableImports,
      badBackups,
    };
  } finally {
    core.close();
  }
}
