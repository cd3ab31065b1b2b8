import Database from 'better-sqlite3';
import { existsSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/support/tempDirs';
import {
  BACKUPS_DIR,
  BACKUPS_KEEP_ENV,
  backupTime,
  DEFAULT_BACKUP_INTERVAL_MS,
  DEFAULT_BACKUPS_DAILY,
  DEFAULT_BACKUPS_KEEP,
  DEFAULT_BACKUPS_WEEKLY,
  fileStamp,
  findBackup,
  isoWeek,
  listBackups,
  removeBackupsExcept,
  resolveBackupSettings,
  selectGenerations,
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
  it('default to 10 changes, 7 days and 4 weeks, looked for every hour; keep from SLA_WORKSHOP_BACKUPS_KEEP; createCore options win', () => {
    const defaults = { keep: DEFAULT_BACKUPS_KEEP, daily: DEFAULT_BACKUPS_DAILY, weekly: DEFAULT_BACKUPS_WEEKLY, intervalMs: DEFAULT_BACKUP_INTERVAL_MS };
    expect(resolveBackupSettings({}, {})).toEqual(defaults);
    expect([DEFAULT_BACKUPS_KEEP, DEFAULT_BACKUPS_DAILY, DEFAULT_BACKUPS_WEEKLY, DEFAULT_BACKUP_INTERVAL_MS]).toEqual([10, 7, 4, 60 * 60 * 1000]);
    expect(resolveBackupSettings({}, { [BACKUPS_KEEP_ENV]: ' 3 ' })).toEqual({ ...defaults, keep: 3 });
    expect(resolveBackupSettings({ keep: 5, daily: 0, weekly: 2, intervalMs: 1000 }, { [BACKUPS_KEEP_ENV]: '3' })).toEqual({
      keep: 5,
      daily: 0,
      weekly: 2,
      intervalMs: 1000,
    });
  });

  it('ignore a bad environment value and refuse a bad option', () => {
    for (const bad of ['', '0', '-2', 'ten', '2.5', '100000']) expect(resolveBackupSettings({}, { [BACKUPS_KEEP_ENV]: bad }).keep).toBe(DEFAULT_BACKUPS_KEEP);
    expect(() => resolveBackupSettings({ keep: 0 }, {})).toThrow(RangeError);
    expect(() => resolveBackupSettings({ keep: 1.5 }, {})).toThrow(RangeError);
    expect(() => resolveBackupSettings({ daily: -1 }, {})).toThrow(RangeError);
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
    for (const other of ['sla-workshop.db', `sla-workshop-${stamp}.db-wal`, `.sla-workshop-${stamp}.partial-1-ab`, `x-${stamp}.db`])
      expect(backupTime(other)).toBeNull();
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

  it('are found by name only: a path, a foreign name or a planted symbolic link is no backup', () => {
    const dir = tempDir('sla-backups-find-');
    writeFileSync(join(dir, 'sla-workshop-2026-01-02T00-00-00.000Z.db'), 'x');
    symlinkSync('/etc/passwd', join(dir, 'sla-workshop-2026-01-03T00-00-00.000Z.db'));
    expect(listBackups(dir).map((b) => b.name)).toEqual(['sla-workshop-2026-01-02T00-00-00.000Z.db']);
    expect(findBackup(dir, 'sla-workshop-2026-01-02T00-00-00.000Z.db')?.takenAt).toBe('2026-01-02T00:00:00.000Z');
    for (const name of ['sla-workshop-2026-01-03T00-00-00.000Z.db', '../sla-workshop-2026-01-02T00-00-00.000Z.db', 'notes.txt', ''])
      expect(findBackup(dir, name), name).toBeNull();
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
    expect(names).toEqual([
      'sla-workshop-2026-11-28T10-00-00.000Z.db',
      'sla-workshop-2026-11-28T10-00-00.000Z-2.db',
      'sla-workshop-2026-11-28T10-00-00.000Z-3.db',
    ]);
    expect(listBackups(backupsDir)[0]?.name).toBe(names[2]);
  });

  it('runs the caller’s check on the finished copy before naming it, and names nothing when the check refuses it', () => {
    const { db, dir } = database(4);
    const backupsDir = join(dir, BACKUPS_DIR);
    const taken = takeBackup(db, backupsDir, {
      inspect: (file) => new Database(file, { readonly: true }).prepare('SELECT count(*) AS n FROM agreements').get(),
    });
    expect(taken.inspected).toEqual({ n: 4 });
    expect(() =>
      takeBackup(db, backupsDir, {
        inspect: () => {
          throw new Error('refused');
        },
      }),
    ).toThrow('refused');
    expect(readdirSync(backupsDir)).toEqual([taken.name]);
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

describe('generations', () => {
  const names = (isoTimes: string[]) => isoTimes.map((t) => ({ name: `sla-workshop-${fileStamp(new Date(t))}.db`, takenAt: t }));
  const kept = (set: Set<string>) => [...set].map((n) => backupTime(n)).sort();

  it('name ISO weeks the way ISO 8601 does (Monday first; week 1 holds the first Thursday)', () => {
    expect(isoWeek('2026-11-28T16:00:00.000Z')).toBe('2026-W48');
    expect(isoWeek('2026-01-01T00:00:00.000Z')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01T00:00:00.000Z')).toBe('2026-W53'); // a Friday: still the last week of 2026
    expect(isoWeek('2024-12-30T00:00:00.000Z')).toBe('2025-W01'); // a Monday: already week 1 of 2025
    expect(isoWeek('2026-11-22T23:59:59.999Z')).toBe('2026-W47'); // Sunday ends the week
    expect(isoWeek('2026-11-23T00:00:00.000Z')).toBe('2026-W48');
  });

  it('keep the newest N, the newest of each of the last days and weeks that have one — empty days use no slot', () => {
    // Newest first: three changes today, one a day for nine days before, then one a week for six weeks.
    const times = [
      '2026-11-28T15:00:00.000Z',
      '2026-11-28T12:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
      ...Array.from({ length: 9 }, (_, i) => new Date(Date.parse('2026-11-27T10:00:00.000Z') - i * 86_400_000).toISOString()),
      ...Array.from({ length: 6 }, (_, i) => new Date(Date.parse('2026-11-10T10:00:00.000Z') - i * 7 * 86_400_000).toISOString()),
    ];
    const backups = names(times);
    expect(kept(selectGenerations(backups, { keep: 2, daily: 0, weekly: 0 }))).toEqual(['2026-11-28T12:00:00.000Z', '2026-11-28T15:00:00.000Z']);
    // Daily: today's newest and the six days before it that have a backup.
    expect(kept(selectGenerations(backups, { keep: 0 + 1, daily: 7, weekly: 0 }))).toEqual([
      '2026-11-22T10:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
      '2026-11-26T10:00:00.000Z',
      '2026-11-27T10:00:00.000Z',
      '2026-11-28T15:00:00.000Z',
    ]);
    // Weekly: the newest of this week (W48) and of the three weeks before that have one (W47, W46, W45).
    expect(kept(selectGenerations(backups, { keep: 1, daily: 0, weekly: 4 }))).toEqual([
      '2026-11-03T10:00:00.000Z',
      '2026-11-10T10:00:00.000Z',
      '2026-11-22T10:00:00.000Z',
      '2026-11-28T15:00:00.000Z',
    ]);
    // Idle for months: the older generations are still kept, not aged out by the calendar.
    const idle = names(['2026-11-28T10:00:00.000Z', '2026-06-01T10:00:00.000Z', '2026-05-31T10:00:00.000Z', '2026-05-01T10:00:00.000Z']);
    expect(selectGenerations(idle, { keep: 1, daily: 3, weekly: 0 }).size).toBe(3);
  });

  it('removal deletes what is not kept, with its manifest, orphan manifests, and temporary files once stale', () => {
    const { db, dir } = database();
    const backupsDir = join(dir, BACKUPS_DIR);
    const taken = [1, 2, 3, 4, 5].map((day) => takeBackup(db, backupsDir, { now: at(`2026-01-0${day}T00:00:00.000Z`) }));
    for (const b of taken) writeFileSync(`${b.path}.json`, '{}');
    writeFileSync(join(backupsDir, 'sla-workshop-2025-01-01T00-00-00.000Z.db.json'), '{}');
    const fresh = join(backupsDir, '.sla-workshop-2026-01-06T00-00-00.000Z.partial-1-aaaa');
    const stale = join(backupsDir, '.sla-workshop-2026-01-06T00-00-00.000Z.partial-2-bbbb');
    writeFileSync(fresh, 'x');
    writeFileSync(stale, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    expect(removeBackupsExcept(backupsDir, new Set([taken[4]!.name, taken[1]!.name]))).toBe(3);
    expect(listBackups(backupsDir).map((b) => b.takenAt)).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    expect(
      readdirSync(backupsDir)
        .filter((n) => n.endsWith('.json'))
        .sort(),
    ).toEqual([`${taken[1]!.name}.json`, `${taken[4]!.name}.json`]);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(stale)).toBe(false);
  });

  it('removal never deletes a backup the caller did not consider (one another process wrote meanwhile)', () => {
    const { db, dir } = database();
    const backupsDir = join(dir, BACKUPS_DIR);
    const seen = takeBackup(db, backupsDir, { now: at('2026-01-01T00:00:00.000Z') });
    const meanwhile = takeBackup(db, backupsDir, { now: at('2026-01-02T00:00:00.000Z') });
    expect(removeBackupsExcept(backupsDir, new Set(), new Date(), new Set([seen.name]))).toBe(1);
    expect(listBackups(backupsDir).map((b) => b.name)).toEqual([meanwhile.name]);
  });
});
