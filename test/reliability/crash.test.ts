/**
 * Crash safety: a child process works through the real core in a loop and is killed with SIGKILL at a
 * random moment, CRASH_RUNS times (200 by default) on the same data folder, so the database accumulates.
 * Each child works in one mode (crash-child.ts): saving edits, taking backups (a save, then a backup,
 * again and again), or importing `.slaw` files; kills in the last two modes are aimed at the moment a
 * backup or an import is under way. After every kill the file must pass `PRAGMA integrity_check`, every
 * file named like a backup must verify, createCore must reopen the folder without recovering anything,
 * and nothing acknowledged may be missing: the agreement holds at least the last acknowledged revision
 * (at most one more: the save in flight may or may not have committed), with the JSON and the summary
 * columns of the same revision, and every acknowledged import is there and reads back whole (at most one
 * unacknowledged import more). CRASH_SEED replays a run's kill moments and modes.
 *
 * A SIGKILL leaves the operating system's page cache intact, so this proves atomic commits and "no ack
 * before commit" — not durability through a power cut, which rests on synchronous=FULL (see
 * docs/RELIABILITY.md).
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordFigures } from '../support/figures';
import { tempDir } from '../support/tempDirs';
import { inspect, killedBetween, random, sleep, startChild, type Check, type Child, type CrashMode } from './crashHarness';

const RUNS = Number(process.env.CRASH_RUNS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILL_AFTER_MS = { min: 20, max: 250 };
/** One kill in ten lands at a random moment of the child's start-up instead (opening takes ≈ 10–40 ms). */
const STARTUP_KILL_SHARE = 0.1;
const STARTUP_WINDOW_MS = 60;
/** Of the other runs, this share aims at a backup and this one at an import; the rest kill saves. */
const MODE_SHARE = { backup: 0.25, import: 0.25 };
/** Children started ahead of time: loading tsx and zod costs far more than one run's kill and check. */
const WARM_CHILDREN = Math.max(1, Number(process.env.CRASH_WARM ?? 2));

const median = (values: number[], fallback: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : fallback);

describe('crash safety', () => {
  it(
    `keeps every acknowledged save and import through ${RUNS} SIGKILLs at random moments, also during backups and imports (seed ${SEED})`,
    async () => {
      const dataDir = tempDir('sla-crash-');
      const next = random(SEED);
      const warm: Child[] = [];
      const figures = {
        kills: 0,
        kills_before_ready: 0,
        kills_during_backup: 0,
        kills_during_import: 0,
        integrity_ok: 0,
        saves_acknowledged: 0,
        saves_lost: 0,
        in_flight_saves_found: 0,
        backups_completed: 0,
        named_backups_failed: 0,
        imports_acknowledged: 0,
        imports_lost: 0,
        in_flight_imports_found: 0,
      };
      const durations: Record<'backup' | 'import', number[]> = { backup: [], import: [] };
      const problems: string[] = [];
      const started = performance.now();
      let id = '';
      let known = 0; // the revision the last check found
      let knownImports = new Map<string, string>();
      let finished = false;
      let current: Child | undefined;
      try {
        for (let run = 0; run < RUNS; run++) {
          while (warm.length < Math.min(WARM_CHILDREN, RUNS - run)) warm.push(startChild(dataDir));
          const child = warm.shift() as Child;
          current = child;
          await child.waitFor('loaded');
          // The first run creates the agreement (and the others a backup takes time over); never killed early.
          const pick = next();
          const mode: CrashMode = run === 0 ? 'save' : pick < MODE_SHARE.backup ? 'backup' : pick < MODE_SHARE.backup + MODE_SHARE.import ? 'import' : 'save';
          const duringStartup = run > 0 && next() < STARTUP_KILL_SHARE;
          child.proc.stdin.write(`go ${mode}\n`);
          if (duringStartup) {
            await sleep(next() * STARTUP_WINDOW_MS);
          } else {
            const ready = await child.waitFor('ready');
            if (!/^ready \S+ \d+$/.test(ready)) fail(`run ${run}: ${ready}`);
            if (mode === 'save') {
              await sleep(KILL_AFTER_MS.min + next() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
            } else {
              // Aimed at the middle of the 1st–3rd backup or import: a random moment within its usual length.
              const started = await child.waitFor(`${mode}-start`, 1 + Math.floor(next() * 3));
              if (started.startsWith('error')) fail(`run ${run}: ${started}`);
              await sleep(next() * median(durations[mode], 30) * 1.2);
            }
          }
          child.proc.kill('SIGKILL');
          const exit = await child.exited;
          if (exit.signal !== 'SIGKILL') {
            problems.push(
              `run ${run}: the child ended by itself (${exit.code}) before the kill: ${child.lines.slice(-2).join(' | ')} ${child.stderr.slice(-500)}`,
            );
            break;
          }
          figures.kills++;
          for (const line of child.lines) {
            if (line.startsWith('backup-done ')) durations.backup.push(Number(line.split(' ')[1]));
            if (line.startsWith('imported ')) durations.import.push(Number(line.split(' ')[3]));
          }
          figures.backups_completed += child.lines.filter((l) => l.startsWith('backup-done')).length;
          if (killedBetween(child.lines, 'backup-start', 'backup-done')) figures.kills_during_backup++;
          if (killedBetween(child.lines, 'import-start', 'imported')) figures.kills_during_import++;

          const ready = child.lines.find((l) => l.startsWith('ready '));
          if (!ready) figures.kills_before_ready++;
          else {
            const [, readyId = '', readyRevision] = ready.split(' ');
            if (id && readyId !== id) problems.push(`run ${run}: the child found agreement ${readyId}, not ${id}`);
            id = readyId;
            if (known && Number(readyRevision) !== known)
              problems.push(`run ${run}: the child opened revision ${readyRevision}, the last check found ${known}`);
          }
          const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
          figures.saves_acknowledged += acks.length;
          const lastAck = acks.at(-1) ?? known;
          const imported = child.lines.filter((l) => l.startsWith('imported ')).map((l) => l.split(' ')[2]!);
          figures.imports_acknowledged += imported.length;
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
          figures.named_backups_failed += check.badBackups.length;
          if (check.badBackups.length) problems.push(`run ${run}: backups that do not verify: ${check.badBackups.join(', ')}`);
          if (check.revision < lastAck) {
            figures.saves_lost += lastAck - check.revision;
            problems.push(`run ${run}: revision ${check.revision} stored, ${lastAck} acknowledged`);
          }
          // One save can be in flight once the child is saving; none before it said ready, none while importing.
          const inFlightSave = ready && mode !== 'import' ? 1 : 0;
          if (check.revision > lastAck + inFlightSave) problems.push(`run ${run}: revision ${check.revision} stored, but only ${lastAck} acknowledged`);
          if (check.revision === lastAck + 1 && inFlightSave) figures.in_flight_saves_found++;
          if (check.company !== `crash-${check.revision}` && check.revision > 1)
            problems.push(`run ${run}: revision ${check.revision} holds the company of another save: ${check.company}`);
          if (check.summaryRevision !== check.revision)
            problems.push(`run ${run}: the list says revision ${check.summaryRevision}, the agreement ${check.revision}`);
          // Every acknowledged import is there and whole; at most one more (in flight at the kill), none lost from earlier runs.
          const lost = [...imported, ...knownImports.keys()].filter((title) => !check.imports.has(title));
          figures.imports_lost += lost.length;
          if (lost.length) problems.push(`run ${run}: acknowledged imports missing: ${lost.join(', ')}`);
          if (check.unreadableImports.length) problems.push(`run ${run}: imports that do not read back: ${check.unreadableImports.join(', ')}`);
          const extra = [...check.imports.keys()].filter((title) => !knownImports.has(title) && !imported.includes(title));
          if (extra.length > (mode === 'import' ? 1 : 0)) problems.push(`run ${run}: imports nobody acknowledged: ${extra.join(', ')}`);
          figures.in_flight_imports_found += extra.length;
          knownImports = check.imports;
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
      recordFigures('crash', {
        ...figures,
        backup_ms_median: median(durations.backup, 0),
        import_ms_median: median(durations.import, 0),
        runs_requested: RUNS,
        seed: SEED,
        seconds: Number(seconds.toFixed(1)),
      });

      expect(problems).toEqual([]);
      expect(figures.kills).toBe(RUNS);
      expect(figures.integrity_ok).toBe(RUNS);
      expect(figures.saves_lost).toBe(0);
      expect(figures.imports_lost).toBe(0);
      expect(figures.saves_acknowledged).toBeGreaterThan(RUNS); // the kills landed while saves were going on
      // With enough runs, some kills must really have landed inside a backup and inside an import.
      if (RUNS >= 100) {
        expect(figures.kills_during_backup).toBeGreaterThan(0);
        expect(figures.kills_during_import).toBeGreaterThan(0);
      }
    },
    // ~0.5 s per run on two idle cores; several seconds when other suites share them.
    Math.max(120_000, RUNS * 10_000),
  );
});

function fail(message: string): never {
  throw new Error(message);
}
