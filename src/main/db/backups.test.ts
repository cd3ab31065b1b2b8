import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/support/tempDirs';
import { createCore } from '../core/core';
import {
  BACKUPS_DIR,
  BACKUPS_KEEP_ENV,
  backupTime,
  DEFAULT_BACKUP_INTERVAL_MS,
  DEFAULT_BACKUPS_KEEP,
  fileStamp,
  listBackups,
  pruneBackups,
  resolveBackupSettings,
  startBackups,
  takeBackup,
  verifyBackup,
} from './backups';
import { openDatabase, type Db } from './connection';
import { LATEST_DB_VERSION } from './migrations';

const tempDir = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function database(rows = 3): { db: Db; dir: string } {
  const dir = tempDir('sla-backups-');
  const db = openDatabase(join(dir, 'sla-workshop.db'));
  open.push(db);
  const insert = db.prepare(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
    VALUES (?, ?, 'Co', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}')`);
  for (let i = 0; i < rows; i++) insert.run(`a${i}`, `Agreement ${i}`);
  return { db, dir };
}

const at = (iso: string) => new Date(iso);

describe('backup settings', () => {
  it('default to 10 backups a day, take keep from SLA_WORKSHOP_BACKUPS_KEEP, and let createCore options win', () => {
    expect(resolveBackupSettings({}, {})).toEqual({ keep: DEFAULT_BACKUPS_KEEP, intervalMs: DEFAULT_BACKUP_INTERVAL_MS });
    expect(DEFAULT_BACKUPS_KEEP).toBe(10);
    expect(DEFAULT_BACKUP_INTERVAL_MS).toBe(24 * 60 * 60 * 1000);
    expect(resolveBackupSettings({}, { [BACKUPS_KEEP_ENV]: ' 3 ' })).toEqual({ keep: 3, intervalMs: DEFAULT_BACKUP_INTERVAL_MS });
    expect(resolveBackupSettings({ keep: 5, intervalMs: 1000 }, { [BACKUPS_KEEP_ENV]: '3' })).toEqual({ keep: 5, intervalMs: 1000 });
  });

  it('ignore a bad environment value and refuse a bad option', () => {
    for (const bad of ['', '0', '-2', 'ten', '2.5', '100000']) expect(resolveBackupSettings({}, { [BACKUPS_KEEP_ENV]: bad }).keep).toBe(DEFAULT_BACKUPS_KEEP);
    expect(() => resolveBackupSettings({ keep: 0 }, {})).toThrow(RangeError);
    expect(() => resolveBackupSettings({ keep: 1.5 }, {})).toThrow(RangeError);
    expect(() => resolveBackupSettings({ intervalMs: 0 }, {})).toThrow(RangeError);
    expect(() => resolveBackupSettings({ intervalMs: 2 ** 31 }, {})).toThrow(RangeError);
  });
});

describe('backup file names', () => {
  it('carry the UTC time without colons and give it back', () => {
    const stamp = fileStamp(at('2026-11-28T16:40:14.123Z'));
    expect(stamp).toBe('2026-11-28T16-40-14.123Z');
    expect(backupTime(`sla-workshop-${stamp}.db`)).toBe('2026-11-28T16:40:14.123Z');
    expect(backupTime(`sla-workshop-${stamp}-2.db`)).toBe('2026-11-28T16:40:14.123Z');
    for (const other of ['sla-workshop.db', `sla-workshop-${stamp}.db-wal`, `.sla-workshop-${stamp}.partial-1-ab`, `x-${stamp}.db`]) expect(backupTime(other)).toBeNull();
  });

  it('are listed newest first; temporary, empty and foreign files are not backups', () => {
    const dir = tempDir('sla-backups-list-');
    for (const name of [
      'sla-workshop-2026-01-02T00-00-00.000Z.db',
      'sla-workshop-2026-01-03T00-00-00.000Z.db',
      'sla-workshop-2026-01-03T00-00-00.000Z-2.db',
      'sla-workshop-2026-01-01T00-00-00.000Z.db',
      '.sla-workshop-2026-01-04T00-00-00.000Z.partial-1-abcd',
      'notes.txt',
    ]) {
      writeFileSync(join(dir, name), 'x');
    }
    writeFileSync(join(dir, 'sla-workshop-2026-01-05T00-00-00.000Z.db'), '');
    expect(listBackups(dir).map((b) => b.name)).toEqual([
      'sla-workshop-2026-01-03T00-00-00.000Z-2.db',
      'sla-workshop-2026-01-03T00-00-00.000Z.db',
      'sla-workshop-2026-01-02T00-00-00.000Z.db',
      'sla-workshop-2026-01-01T00-00-00.000Z.db',
    ]);
    expect(listBackups(join(dir, 'missing'))).toEqual([]);
  });
});

describe('taking a backup', () => {
  it('writes a verified, complete copy under a new name and leaves no temporary file', () => {
    const { db, dir } = database(5);
    const backupsDir = join(dir, BACKUPS_DIR);
    const file = takeBackup(db, backupsDir, { now: at('2026-11-28T10:00:00.000Z') });
    expect(file.name).toBe('sla-workshop-2026-11-28T10-00-00.000Z.db');
    expect(file.takenAt).toBe('2026-11-28T10:00:00.000Z');
    expect(verifyBackup(file.path)).toEqual({ ok: true, userVersion: LATEST_DB_VERSION });
    const copy = new Database(file.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM agreements').get()).toEqual({ n: 5 });
    copy.close();
    expect(readdirSync(backupsDir)).toEqual([file.name]);
  });

  it('never overwrites a backup taken in the same millisecond', () => {
    const { db, dir } = database();
    const backupsDir = join(dir, BACKUPS_DIR);
    const now = at('2026-11-28T10:00:00.000Z');
    const names = [takeBackup(db, backupsDir, { now }), takeBackup(db, backupsDir, { now }), takeBackup(db, backupsDir, { now })].map((b) => b.name);
    expect(names).toEqual(['sla-workshop-2026-11-28T10-00-00.000Z.db', 'sla-workshop-2026-11-28T10-00-00.000Z-2.db', 'sla-workshop-2026-11-28T10-00-00.000Z-3.db']);
    expect(listBackups(backupsDir)[0]?.name).toBe(names[2]);
  });

  it('throws and leaves nothing behind when the copy cannot be written', () => {
    const { db, dir } = database();
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    expect(() => takeBackup(db, notADir)).toThrow();
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('verifying a backup', () => {
  it('refuses anything that could not be restored', () => {
    const dir = tempDir('sla-verify-');
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x41));
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.exec('CREATE TABLE agreements (id TEXT)');
    n.pragma(`user_version = ${LATEST_DB_VERSION + 1}`);
    n.close();
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE other (id TEXT)');
    f.pragma('user_version = 1');
    f.close();
    const blank = join(dir, 'blank.db');
    const b = new Database(blank);
    b.exec('CREATE TABLE agreements (id TEXT)');
    b.close();
    for (const file of [empty, garbage, newer, foreign, blank, join(dir, 'missing.db')]) expect(verifyBackup(file), file).toMatchObject({ ok: false });
  });
});

describe('pruning', () => {
  it('keeps the newest N backups and removes temporary files only once they are stale', () => {
    const { db, dir } = database();
    const backupsDir = join(dir, BACKUPS_DIR);
    for (let day = 1; day <= 5; day++) takeBackup(db, backupsDir, { now: at(`2026-01-0${day}T00:00:00.000Z`) });
    const fresh = join(backupsDir, '.sla-workshop-2026-01-06T00-00-00.000Z.partial-1-aaaa');
    const stale = join(backupsDir, '.sla-workshop-2026-01-06T00-00-00.000Z.partial-2-bbbb');
    writeFileSync(fresh, 'x');
    writeFileSync(stale, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    expect(pruneBackups(backupsDir, 2)).toBe(3);
    expect(listBackups(backupsDir).map((b) => b.takenAt)).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-04T00:00:00.000Z']);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(stale)).toBe(false);
  });
});

describe('the backup schedule', () => {
  it('takes a backup at once, then one per interval on an unref’d timer, keeping N', async () => {
    const { db, dir } = database();
    const backupsDir = join(dir, BACKUPS_DIR);
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    let clock = Date.parse('2026-11-28T00:00:00.000Z');
    const schedule = startBackups(db, { dir: backupsDir, settings: { keep: 2, intervalMs: 20 }, now: () => new Date((clock += 1000)) });
    expect(schedule.summary()).toEqual({ count: 1, newest: '2026-11-28T00:00:01.000Z' });
    const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(setIntervalSpy.mock.calls[0]?.[1]).toBe(20);
    expect(timer.hasRef()).toBe(false);
    await vi.waitFor(() => expect(schedule.summary().newest! >= '2026-11-28T00:00:03.000Z').toBe(true), { timeout: 5000, interval: 10 });
    expect(schedule.summary().count).toBe(2);
    schedule.stop();
    expect(clearIntervalSpy).toHaveBeenCalledWith(timer);
    const after = schedule.summary();
    await new Promise((r) => setTimeout(r, 80));
    expect(schedule.summary()).toEqual(after);
  });

  it('remembers a failed backup instead of throwing, and recovers on the next one', () => {
    const { db, dir } = database();
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const schedule = startBackups(db, { dir: blocked, settings: { keep: 3, intervalMs: 60_000 } });
    expect(schedule.lastError()).not.toBeNull();
    expect(schedule.summary()).toEqual({ count: 0, newest: null });
    schedule.stop();
    const ok = startBackups(db, { dir: join(dir, 'ok'), settings: { keep: 3, intervalMs: 60_000 } });
    expect(ok.lastError()).toBeNull();
    ok.stop();
  });

  it('runs inside createCore: a backup after a successful open, SLA_WORKSHOP_BACKUPS_KEEP honoured, timer cleared on close', () => {
    const dataDir = tempDir('sla-backups-core-');
    vi.stubEnv(BACKUPS_KEEP_ENV, '2');
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    for (let i = 0; i < 4; i++) {
      const core = createCore({ dataDir, appVersion: 'test', host: 'direct' });
      core.agreements.create('blank', 'en', `Run ${i}`);
      core.close();
    }
    const daily = setIntervalSpy.mock.calls.flatMap((call, i) => (call[1] === DEFAULT_BACKUP_INTERVAL_MS ? [setIntervalSpy.mock.results[i]?.value as NodeJS.Timeout] : []));
    expect(daily).toHaveLength(4);
    for (const timer of daily) {
      expect(timer.hasRef()).toBe(false);
      expect(clearIntervalSpy).toHaveBeenCalledWith(timer);
    }
    const backups = listBackups(join(dataDir, BACKUPS_DIR));
    expect(backups).toHaveLength(2);
    // The newest backup was taken when the 4th core opened: it holds the first three agreements.
    const copy = new Database(backups[0]!.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM agreements').get()).toEqual({ n: 3 });
    copy.close();
    expect(statSync(backups[0]!.path).size).toBeGreaterThan(0);
  });

  it('is created in a fresh data folder too (an empty but valid database)', () => {
    const dataDir = tempDir('sla-backups-fresh-');
    mkdirSync(dataDir, { recursive: true });
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct', backups: { keep: 1 } });
    core.close();
    const [only] = listBackups(join(dataDir, BACKUPS_DIR));
    expect(only && verifyBackup(only.path).ok).toBe(true);
  });
});
