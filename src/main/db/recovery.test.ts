import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/tempDirs';
import { AppError } from '../../shared/api/errors';
import { takeBackup } from './backups';
import { openDatabase, type Db } from './connection';
import { inspectDatabaseFile } from './fileHeader';
import { LATEST_DB_VERSION } from './migrations';
import { openDatabaseSafely, type SafeOpenOptions } from './recovery';

const tempDir = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function paths(dir = tempDir('sla-recovery-')): SafeOpenOptions {
  return {
    file: join(dir, 'sla-workshop.db'),
    backupsDir: join(dir, 'backups'),
    damagedDir: join(dir, 'damaged'),
    now: () => new Date('2026-11-28T12:00:00.000Z'),
  };
}

function seed(file: string, rows: number): void {
  const db = openDatabase(file);
  const insert = db.prepare(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
    VALUES (?, ?, 'Co', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`a${i}`, `Agreement ${i}`, JSON.stringify({ text: 'x'.repeat(500 + (i % 7) * 300) }));
  })();
  db.close();
}

function backupOf(options: SafeOpenOptions, iso: string): string {
  const db = openDatabase(options.file);
  try {
    return takeBackup(db, options.backupsDir, { now: new Date(iso) }).path;
  } finally {
    db.close();
  }
}

const ids = (db: Db) => (db.prepare('SELECT id FROM agreements ORDER BY id').all() as { id: string }[]).map((r) => r.id);

function openSafely(options: SafeOpenOptions) {
  const opened = openDatabaseSafely(options);
  open.push(opened.db);
  return opened;
}

describe('the file header check', () => {
  it('passes a sound database and names each kind of damage', () => {
    const options = paths();
    seed(options.file, 30);
    expect(inspectDatabaseFile(options.file)).toMatchObject({ state: 'sound', pageSize: 4096, userVersion: LATEST_DB_VERSION });
    expect(inspectDatabaseFile(join(options.file, '..', 'none.db'))).toEqual({ state: 'missing' });

    const variant = (name: string, damage: (bytes: Buffer) => Buffer) => {
      const file = join(options.file, '..', name);
      writeFileSync(file, damage(readFileSync(options.file)));
      return inspectDatabaseFile(file);
    };
    expect(variant('empty.db', () => Buffer.alloc(0))).toEqual({ state: 'empty' });
    expect(variant('40.db', (b) => b.subarray(0, 40))).toMatchObject({ state: 'damaged', reason: 'truncated' });
    expect(variant('100.db', (b) => b.subarray(0, 100))).toMatchObject({ state: 'damaged', reason: 'truncated', userVersion: LATEST_DB_VERSION });
    expect(variant('pages.db', (b) => b.subarray(0, 4096 * 3))).toMatchObject({ state: 'damaged', reason: 'truncated' });
    expect(variant('odd.db', (b) => b.subarray(0, b.length - 10))).toMatchObject({ state: 'damaged', reason: 'truncated' });
    expect(variant('magic.db', (b) => Buffer.concat([Buffer.alloc(16, 0x20), b.subarray(16)]))).toMatchObject({ state: 'damaged', reason: 'bad_header' });
    expect(variant('short-garbage.db', () => Buffer.from('hello'))).toMatchObject({ state: 'damaged', reason: 'bad_header' });
    const withPageSize = (size: number) => (b: Buffer) => {
      const copy = Buffer.from(b);
      copy.writeUInt16BE(size, 16);
      return copy;
    };
    expect(variant('pagesize.db', withPageSize(1000))).toMatchObject({ state: 'damaged', reason: 'bad_header' });
    expect(variant('pagesize0.db', withPageSize(0))).toMatchObject({ state: 'damaged', reason: 'bad_header' });
    expect(
      variant('fractions.db', (b) => {
        const copy = Buffer.from(b);
        copy[21] = 0;
        return copy;
      }),
    ).toMatchObject({ state: 'damaged', reason: 'bad_header' });
  });
});

describe('opening with recovery', () => {
  it('opens a sound database as it is, and creates a missing one, with nothing to report', () => {
    const options = paths();
    expect(openSafely(options).recovery).toBeNull();
    open.pop()?.close();
    seed(options.file, 3);
    const { db, recovery } = openSafely(options);
    expect(recovery).toBeNull();
    expect(ids(db)).toEqual(['a0', 'a1', 'a2']);
    expect(existsSync(options.damagedDir)).toBe(false);
  });

  it('does not mistake a database with a write-ahead log still to replay (after a crash) for damage', () => {
    const options = paths();
    const live = openDatabase(options.file);
    live.pragma('wal_autocheckpoint = 0');
    live.exec(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
      VALUES ('w1', 'In the WAL', '', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}')`);
    // A copy of the files as a crash would leave them: the main file plus a WAL with committed frames.
    const crashed = paths();
    copyFileSync(options.file, crashed.file);
    copyFileSync(`${options.file}-wal`, `${crashed.file}-wal`);
    live.close();
    const { db, recovery } = openSafely(crashed);
    expect(recovery).toBeNull();
    expect(ids(db)).toEqual(['w1']);
  });

  it('leaves a damaged file and its write-ahead log exactly as found (no checkpoint into it) when moving them aside', () => {
    const options = paths();
    seed(options.file, 60);
    const stat = new Database(options.file, { readonly: true });
    const leaves = (
      stat.prepare("SELECT pageno FROM dbstat WHERE name = 'agreements' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]
    ).map((r) => r.pageno);
    stat.close();
    const live = openDatabase(options.file);
    live.pragma('wal_autocheckpoint = 0');
    live.exec(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
      VALUES ('zz', 'Only in the WAL', '', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}')`);
    const crashed = paths();
    copyFileSync(options.file, crashed.file);
    copyFileSync(`${options.file}-wal`, `${crashed.file}-wal`);
    live.close();
    const page = leaves[Math.floor(leaves.length / 2)]!;
    const bytes = readFileSync(crashed.file);
    bytes.fill(0x99, (page - 1) * 4096, (page - 1) * 4096 + 48);
    writeFileSync(crashed.file, bytes);
    const main = readFileSync(crashed.file);
    const wal = readFileSync(`${crashed.file}-wal`);
    const { recovery } = openSafely(crashed);
    expect(recovery).toMatchObject({ reason: 'integrity_check', restoredFrom: null });
    expect(readFileSync(recovery!.damagedPath).equals(main)).toBe(true);
    expect(readFileSync(`${recovery!.damagedPath}-wal`).equals(wal)).toBe(true);
  });

  it('moves a damaged file with its -wal and -shm aside, never over an earlier one, and restores the newest good backup', () => {
    const options = paths();
    seed(options.file, 5);
    const older = backupOf(options, '2026-11-01T00:00:00.000Z');
    const newest = backupOf(options, '2026-11-02T00:00:00.000Z');
    // The newest backup is itself damaged: the one before it is used, and the bad one is left alone.
    truncateSync(newest, 4096 + 10);
    for (let round = 1; round <= 2; round++) {
      writeFileSync(options.file, Buffer.alloc(8192, 0x42));
      writeFileSync(`${options.file}-wal`, 'wal');
      writeFileSync(`${options.file}-shm`, 'shm');
      const { db, recovery } = openSafely(options);
      expect(recovery).toMatchObject({ recovered: true, reason: 'bad_header', restoredFrom: older, backupTakenAt: '2026-11-01T00:00:00.000Z' });
      const stem = round === 1 ? 'sla-workshop-2026-11-28T12-00-00.000Z' : 'sla-workshop-2026-11-28T12-00-00.000Z-2';
      expect(recovery?.damagedPath).toBe(join(options.damagedDir, `${stem}.db`));
      expect(ids(db)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
      db.close();
    }
    expect(readdirSync(options.damagedDir).sort()).toEqual([
      'sla-workshop-2026-11-28T12-00-00.000Z-2.db',
      'sla-workshop-2026-11-28T12-00-00.000Z-2.db-shm',
      'sla-workshop-2026-11-28T12-00-00.000Z-2.db-wal',
      'sla-workshop-2026-11-28T12-00-00.000Z.db',
      'sla-workshop-2026-11-28T12-00-00.000Z.db-shm',
      'sla-workshop-2026-11-28T12-00-00.000Z.db-wal',
    ]);
    expect(readFileSync(join(options.damagedDir, 'sla-workshop-2026-11-28T12-00-00.000Z.db'))).toEqual(Buffer.alloc(8192, 0x42));
    expect(existsSync(newest)).toBe(true);
    expect(existsSync(`${options.file}.restoring`) || existsSync(`${options.file}.recovering`)).toBe(false);
  });

  it('starts an empty database when no backup is good, still keeping the damaged file', () => {
    const options = paths();
    seed(options.file, 2);
    const bad = backupOf(options, '2026-11-01T00:00:00.000Z');
    writeFileSync(bad, Buffer.alloc(4096, 0));
    truncateSync(options.file, 100);
    const { db, recovery } = openSafely(options);
    expect(recovery).toMatchObject({ reason: 'truncated', restoredFrom: null, backupTakenAt: null });
    expect(readFileSync(recovery!.damagedPath)).toHaveLength(100);
    expect(ids(db)).toEqual([]);
    expect(existsSync(bad)).toBe(true);
  });

  it('treats a zero-byte file as cut only once backups of it exist', () => {
    const fresh = paths();
    writeFileSync(fresh.file, '');
    expect(openSafely(fresh).recovery).toBeNull();

    const options = paths();
    seed(options.file, 2);
    backupOf(options, '2026-11-01T00:00:00.000Z');
    writeFileSync(options.file, '');
    const { db, recovery } = openSafely(options);
    expect(recovery).toMatchObject({ reason: 'truncated', backupTakenAt: '2026-11-01T00:00:00.000Z' });
    expect(ids(db)).toEqual(['a0', 'a1']);
  });

  it('refuses a database from a newer version untouched, even a damaged one', () => {
    for (const damage of ['none', 'truncated', 'garbled page'] as const) {
      const options = paths();
      seed(options.file, 40);
      backupOf(options, '2026-11-01T00:00:00.000Z');
      const newer = new Database(options.file);
      newer.pragma(`user_version = ${LATEST_DB_VERSION + 1}`);
      newer.close();
      if (damage === 'truncated') truncateSync(options.file, 4096 * 2 + 7);
      if (damage === 'garbled page') {
        const bytes = readFileSync(options.file);
        bytes.fill(0xee, 4096 * 3, 4096 * 3 + 64);
        writeFileSync(options.file, bytes);
      }
      const before = readFileSync(options.file);
      let caught: unknown;
      try {
        openDatabaseSafely(options);
      } catch (error) {
        caught = error;
      }
      expect(caught, damage).toBeInstanceOf(AppError);
      expect((caught as AppError).kind).toBe('db_newer_version');
      expect(readFileSync(options.file).equals(before), damage).toBe(true);
      expect(existsSync(options.damagedDir)).toBe(false);
      expect(readdirSync(join(options.file, '..')).sort()).toEqual(['backups', 'sla-workshop.db']);
    }
  });

  it('lets other errors through: a folder that cannot hold the database is not damage', () => {
    const options = paths();
    mkdirSync(options.file, { recursive: true });
    expect(() => openDatabaseSafely(options)).toThrow();
    expect(existsSync(options.damagedDir)).toBe(false);
  });

  it('waits while another process holds the recovery lock, and ignores a lock whose owner is gone', async () => {
    const options = paths();
    seed(options.file, 1);
    const lock = `${options.file}.recovering`;
    const holder = spawn(process.execPath, ['-e', `setTimeout(() => require('node:fs').rmSync(${JSON.stringify(lock)}), 400)`], { stdio: 'ignore' });
    writeFileSync(lock, String(holder.pid));
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    const started = Date.now();
    const { recovery } = openSafely(options);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(recovery).toBeNull();
    await exited;
    open.pop()?.close();

    writeFileSync(lock, String(holder.pid)); // that process has exited
    const again = Date.now();
    writeFileSync(options.file, Buffer.alloc(4096, 0x43));
    expect(openSafely(options).recovery).toMatchObject({ reason: 'bad_header' });
    expect(Date.now() - again).toBeLessThan(2000);
    expect(existsSync(lock)).toBe(false);
  });
});
