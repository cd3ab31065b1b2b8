/**
 * Crash safety: a child process saves edits through the real core in a loop and is killed with SIGKILL at
 * a random moment, CRASH_RUNS times (200 by default) on the same data folder, so the database accumulates.
 * After every kill the file must pass `PRAGMA integrity_check`, createCore must reopen it without recovering
 * anything, and the agreement must hold every save the child acknowledged: at least the last acknowledged
 * revision, at most one more (the save in flight may or may not have committed), with the JSON and the
 * summary columns of the same revision. CRASH_SEED replays a run's kill moments.
 *
 * A SIGKILL leaves the operating system's page cache intact, so this proves atomic commits and "no ack
 * before commit" — not durability through a power cut, which rests on synchronous=FULL (see
 * docs/RELIABILITY.md).
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import type { AgreementRecord, AgreementSummary } from '../../src/shared/api/contract';
import { recordFigures } from '../support/figures';
import { tempDir } from '../support/hosts';

const RUNS = Number(process.env.CRASH_RUNS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILL_AFTER_MS = { min: 20, max: 250 };
/** One kill in ten lands at a random moment of the child's start-up instead (opening takes ≈ 10–40 ms). */
const STARTUP_KILL_SHARE = 0.1;
const STARTUP_WINDOW_MS = 60;
/** Children started ahead of time: loading tsx and zod costs far more than one run's kill and check. */
const WARM_CHILDREN = Math.max(1, Number(process.env.CRASH_WARM ?? 2));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STEP_TIMEOUT_MS = 60_000;

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Complete lines only: a line cut short by the kill never counts. */
  lines: string[];
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(prefix: string): Promise<string>;
}

function startChild(dataDir: string): Child {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'NODE_OPTIONS') env[key] = value;
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const child: Child = { proc, lines: [], stderr: '', exited: undefined as never, waitFor: undefined as never };
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  let pending = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      child.lines.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (child.stderr += chunk));
  // 'close' comes after stdout has ended, so every line the child wrote has been seen by then.
  child.exited = new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  child.waitFor = (prefix) => {
    const seen = child.lines.find((l) => l.startsWith(prefix) || l.startsWith('error'));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never said "${prefix}"; stderr: ${child.stderr.slice(-2000)}`)), STEP_TIMEOUT_MS);
      const done = (line: string) => {
        clearTimeout(timer);
        resolve(line);
      };
      waiters.push({ prefix, resolve: done }, { prefix: 'error', resolve: done });
      void child.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`child exited before "${prefix}"; stdout tail: ${child.lines.slice(-3).join(' | ')}; stderr: ${child.stderr.slice(-2000)}`));
      });
    });
  };
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Check {
  integrity: string;
  recovery: unknown;
  revision: number;
  company: string;
  summaryRevision: number;
}

/**
 * Reads what survived the kill. The integrity check runs on a plain connection before the app opens the
 * file, so the start-up recovery (which would move a damaged file aside) cannot hide damage; then the core
 * opens the folder the way the app does after a crash, and must not have needed to recover anything.
 */
async function inspect(dataDir: string, id: string): Promise<Check> {
  const raw = new Database(join(dataDir, DATABASE_FILE));
  let integrity: string;
  try {
    integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    raw.close();
  }
  const core = createCore({ dataDir, appVersion: '0.0.0-crash', host: 'direct' });
  try {
    // Older cores have no start-up report: an unknown operation then means "nothing to report".
    const report = await core.dispatch('app.startupReport', {});
    const recovery = report.ok ? (report.value as { recovery: unknown }).recovery : null;
    const got = await core.dispatch('agreements.get', { id });
    if (!got.ok) throw new Error(`agreement unreadable after the kill: ${got.error.kind} ${got.error.message}`);
    const record = got.value as AgreementRecord;
    const listed = await core.dispatch('agreements.list', {});
    const summary = listed.ok ? (listed.value as AgreementSummary[]).find((s) => s.id === id) : undefined;
    return { integrity, recovery, revision: record.revision, company: record.agreement.meta.company, summaryRevision: summary?.revision ?? -1 };
  } finally {
    core.close();
  }
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged save through ${RUNS} SIGKILLs at random moments (seed ${SEED})`,
    async () => {
      const dataDir = tempDir('sla-crash-');
      const next = random(SEED);
      const warm: Child[] = [];
      const figures = { kills: 0, kills_before_ready: 0, integrity_ok: 0, saves_acknowledged: 0, saves_lost: 0, in_flight_saves_found: 0 };
      const problems: string[] = [];
      const started = performance.now();
      let id = '';
      let known = 0; // the revision the last check found
      let finished = false;
      let current: Child | undefined;
      try {
        for (let run = 0; run < RUNS; run++) {
          while (warm.length < Math.min(WARM_CHILDREN, RUNS - run)) warm.push(startChild(dataDir));
          const child = warm.shift() as Child;
          current = child;
          await child.waitFor('loaded');
          // Some kills land while the child opens the database (integrity check, migrations, start-up
          // backup) rather than while it saves; never the first run, which creates the agreement.
          const duringStartup = run > 0 && next() < STARTUP_KILL_SHARE;
          child.proc.stdin.write('go\n');
          if (duringStartup) {
            await sleep(next() * STARTUP_WINDOW_MS);
          } else {
            const ready = await child.waitFor('ready');
            if (!/^ready \S+ \d+$/.test(ready)) fail(`run ${run}: ${ready}`);
            await sleep(KILL_AFTER_MS.min + next() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
          }
          child.proc.kill('SIGKILL');
          const exit = await child.exited;
          if (exit.signal !== 'SIGKILL') {
            problems.push(`run ${run}: the child ended by itself (${exit.code}) before the kill: ${child.lines.slice(-2).join(' | ')} ${child.stderr.slice(-500)}`);
            break;
          }
          figures.kills++;

          const ready = child.lines.find((l) => l.startsWith('ready '));
          if (!ready) figures.kills_before_ready++;
          else {
            const [, readyId = '', readyRevision] = ready.split(' ');
            if (id && readyId !== id) problems.push(`run ${run}: the child found agreement ${readyId}, not ${id}`);
            id = readyId;
            if (known && Number(readyRevision) !== known) problems.push(`run ${run}: the child opened revision ${readyRevision}, the last check found ${known}`);
          }
          const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
          figures.saves_acknowledged += acks.length;
          const lastAck = acks.at(-1) ?? known;
          let check: Check;
          try {
            check = await inspect(dataDir, id);
          } catch (error) {
            problems.push(`run ${run}: ${error instanceof Error ? error.message : String(error)}`);
            break;
          }
          if (check.integrity === 'ok') figures.integrity_ok++;
          else problems.push(`run ${run}: integrity_check says ${check.integrity}`);
          if (check.recovery) problems.push(`run ${run}: the core recovered the database at start-up: ${JSON.stringify(check.recovery)}`);
          if (check.revision < lastAck) {
            figures.saves_lost += lastAck - check.revision;
            problems.push(`run ${run}: revision ${check.revision} stored, ${lastAck} acknowledged`);
          }
          // One save can be in flight once the child is saving; none before it said ready.
          if (check.revision > lastAck + (ready ? 1 : 0)) problems.push(`run ${run}: revision ${check.revision} stored, but only ${lastAck} acknowledged`);
          if (check.revision === lastAck + 1 && ready) figures.in_flight_saves_found++;
          if (check.company !== `crash-${check.revision}` && check.revision > 1) problems.push(`run ${run}: revision ${check.revision} holds the company of another save: ${check.company}`);
          if (check.summaryRevision !== check.revision) problems.push(`run ${run}: the list says revision ${check.summaryRevision}, the agreement ${check.revision}`);
          known = check.revision;
          if (check.integrity !== 'ok') break; // nothing meaningful can be measured on a damaged file
        }
        finished = true;
      } finally {
        const alive = current ? [current, ...warm] : warm;
        for (const child of alive) child.proc.kill('SIGKILL');
        await Promise.all(alive.map((c) => c.exited));
        // A failing run keeps its database for a post-mortem.
        if (finished && problems.length === 0) rmSync(dataDir, { recursive: true, force: true });
        else console.error(`crash test: database kept for inspection in ${dataDir} (seed ${SEED})`);
      }
      const seconds = (performance.now() - started) / 1000;
      recordFigures('crash', { ...figures, runs_requested: RUNS, seed: SEED, seconds: Number(seconds.toFixed(1)) });

      expect(problems).toEqual([]);
      expect(figures.kills).toBe(RUNS);
      expect(figures.integrity_ok).toBe(RUNS);
      expect(figures.saves_lost).toBe(0);
      expect(figures.saves_acknowledged).toBeGreaterThan(RUNS); // the kills landed while saves were going on
    },
    // ~0.4 s per run on two cores; generous for a loaded CI machine.
    Math.max(120_000, RUNS * 3_000),
  );
});

function fail(message: string): never {
  throw new Error(message);
}
