import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import { BACKUPS_DIR, listBackups, verifyBackup } from '../../src/main/db/backups';
import { recordFigures } from '../support/figures';
import { useTempDirs } from '../support/tempDirs';

/**
 * Backups taken while another process writes to the same database without pause: every backup must
 * finish, verify, and be a consistent snapshot (its revision total lies between the totals read just
 * before and just after it). As a control, SQLite's online-backup API with its default step (what
 * `db.backup()` does without a progress callback) is given the same situation and a time limit.
 */

const tempDir = useTempDirs();
const AGREEMENTS = Number(process.env.BACKUP_TEST_AGREEMENTS ?? 1500);
const BACKUPS = 6;

/** The writer: its own connection, durable commits, one revision bump per commit, until the stop file appears. */
const WRITER = `
import { createRequire } from 'node:module';
import { existsSync, writeSync } from 'node:fs';
const require = createRequire(process.cwd() + '/package.json');
const Database = require('better-sqlite3');
const [file, stop] = process.argv.slice(1);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const ids = db.prepare('SELECT id FROM agreements').pluck().all();
const bump = db.prepare('UPDATE agreements SET revision = revision + 1, title = ? WHERE id = ?');
let n = 0;
while (!existsSync(stop)) {
  bump.run('written ' + n, ids[n % ids.length]);
  n++;
  if (n === 1) writeSync(1, 'ready\\n');
}
db.close();
writeSync(1, 'done ' + n + '\\n');
`;

interface Writer {
  child: ChildProcess;
  stop(): Promise<number>;
}

function startWriter(file: string, stopFile: string): Promise<Writer> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, '--', file, stopFile], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) {
        resolve({
          child,
          stop: () =>
            new Promise<number>((done, fail) => {
              writeFileSync(stopFile, '');
              child.once('exit', (code) => {
                const match = /done (\d+)/.exec(out);
                if (code === 0 && match) done(Number(match[1]));
                else fail(new Error(`writer exited with ${code}: ${err}`));
              });
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}: ${err}`)));
  });
}

function seed(core: Core, count: number): void {
  const first = core.agreements.create('example', 'en', 'Seed');
  const row = core.db.prepare('SELECT * FROM agreements WHERE id = ?').get(first.agreement.meta.id) as Record<string, unknown>;
  const insert = core.db
    .prepare(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data, deleted_at, steps_complete)
    VALUES (@id, @title, @company, @language, @status, @version, @revision, @created_at, @updated_at, @data, @deleted_at, @steps_complete)`);
  core.db.transaction(() => {
    // Each copy carries its own id inside its JSON too, as every stored agreement does (the start-up check reads it).
    const agreement = first.agreement;
    for (let i = 1; i < count; i++)
      insert.run({ ...row, id: `bulk-${i}`, title: `Bulk ${i}`, data: JSON.stringify({ ...agreement, meta: { ...agreement.meta, id: `bulk-${i}` } }) });
  })();
}

const revisionTotal = (db: Database.Database) => (db.prepare('SELECT sum(revision) AS total FROM agreements').get() as { total: number }).total;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const figures: Record<string, number | string> = {};
afterAll(() => recordFigures('backups', figures));

describe('backups while another process keeps writing', () => {
  it('finish, verify and are consistent snapshots — VACUUM INTO, on demand and from the timer', async () => {
    const dataDir = tempDir('sla-backup-writes-');
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct', backups: { keep: 50 } });
    seed(core, AGREEMENTS);
    const file = join(dataDir, DATABASE_FILE);
    const writer = await startWriter(file, join(dataDir, 'stop-writer'));

    const during: number[] = [];
    const durations: number[] = [];
    let consistent = 0;
    try {
      for (let i = 0; i < BACKUPS; i++) {
        const before = revisionTotal(core.db);
        const started = performance.now();
        const backup = core.backups.takeNow();
        durations.push(performance.now() - started);
        const after = revisionTotal(core.db);
        expect(backup, core.backups.lastError() ?? '').not.toBeNull();
        if (!backup) continue;
        during.push(after - before);
        expect(verifyBackup(backup.path)).toMatchObject({ ok: true });
        const copy = new Database(backup.path, { readonly: true });
        const snapshot = revisionTotal(copy);
        const rows = (copy.prepare('SELECT count(*) AS n FROM agreements').get() as { n: number }).n;
        copy.close();
        expect(rows).toBe(AGREEMENTS);
        expect(snapshot).toBeGreaterThanOrEqual(before);
        expect(snapshot).toBeLessThanOrEqual(after);
        consistent++;
        await new Promise((r) => setTimeout(r, 20)); // let the writer run on its own for a moment
      }

      // The control: the online-backup API with its default step restarts whenever another connection
      // commits, so under steady writes it finishes only in a lull, if at all (measured, not asserted).
      const control = join(dataDir, 'online-backup-control.db');
      const controlStarted = performance.now();
      const deadline = Date.now() + 3000;
      let restarts = 0;
      let remaining = Number.POSITIVE_INFINITY;
      const finished = await core.db
        .backup(control, {
          progress: ({ remainingPages }) => {
            if (remainingPages > remaining) restarts++;
            remaining = remainingPages;
            if (Date.now() > deadline) throw new Error('gave up');
            return 100; // better-sqlite3's default step
          },
        })
        .then(
          () => true,
          () => false,
        );
      figures.online_backup_default_step_finished_within_3s = finished ? 'yes' : 'no';
      figures.online_backup_default_step_ms = Math.round(performance.now() - controlStarted);
      figures.online_backup_default_step_restarts = restarts;
    } finally {
      figures.total_writes = await writer.stop();
    }

    expect(consistent).toBe(BACKUPS);
    expect(during.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    figures.backups_under_writes_ok = `${consistent}/${BACKUPS}`;
    figures.writes_during_backups = during.reduce((a, b) => a + b, 0);
    figures.min_writes_during_one_backup = Math.min(...during);
    figures.backup_ms_median = Math.round(median(durations));
    figures.backup_ms_max = Math.round(Math.max(...durations));
    figures.agreements = AGREEMENTS;
    figures.database_mb = Math.round((statSync(file).size / 2 ** 20) * 10) / 10;
    core.close();
  }, 120_000);

  it('the daily timer (here every 50 ms) keeps taking good backups under writes and keeps only N', async () => {
    const dataDir = tempDir('sla-backup-timer-');
    const seeding = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    seed(seeding, 300);
    seeding.close();
    const writer = await startWriter(join(dataDir, DATABASE_FILE), join(dataDir, 'stop-writer'));
    let core: Core | null = null;
    let taken = 0;
    try {
      core = createCore({ dataDir, appVersion: 'test', host: 'direct', backups: { keep: 3, intervalMs: 50 } });
      const first = core.backups.summary().newest;
      // Each backup has a new name (its time); count distinct newest names until enough have been taken.
      const seen = new Set<string>(first ? [first] : []);
      const started = Date.now();
      while (seen.size < 6 && Date.now() - started < 30_000) {
        await new Promise((r) => setTimeout(r, 10));
        const newest = core.backups.summary().newest;
        if (newest) seen.add(newest);
      }
      taken = seen.size;
      expect(core.backups.lastError()).toBeNull();
    } finally {
      await writer.stop();
      core?.close();
    }
    const kept = listBackups(join(dataDir, BACKUPS_DIR));
    expect(taken).toBeGreaterThanOrEqual(6);
    expect(kept.length).toBe(3);
    const good = kept.filter((b) => verifyBackup(b.path).ok).length;
    expect(good).toBe(3);
    figures.timer_backups_taken_under_writes = taken;
    figures.timer_backups_kept_verified = `${good}/${kept.length}`;
  }, 60_000);
});
