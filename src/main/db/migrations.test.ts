import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { openDatabase } from './connection';
import { createExportsRepo } from './exportsRepo';
import { applyMigrations, databaseVersion, LATEST_DB_VERSION, MIGRATIONS } from './migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-db-'));
  dirs.push(dir);
  return join(dir, 'test.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const columns = (db: Database.Database) => (db.prepare('PRAGMA table_info(agreements)').all() as { name: string }[]).map((c) => c.name);

describe('database migrations', () => {
  it('have strictly increasing versions starting at 1', () => {
    // Engineers working in parallel reserve numbers (003, 004, 005…): a gap is allowed, going back is not.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v, `migration ${v}`).toBeGreaterThan(versions[i] ?? Infinity));
  });

  it('bring a fresh database to the latest version with durable settings', () => {
    const db = openDatabase(tempFile());
    expect(databaseVersion(db)).toBe(LATEST_DB_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(100);
    expect(columns(db)).toEqual(expect.arrayContaining(['id', 'data', 'revision', 'deleted_at', 'steps_complete']));
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('upgrade a database left at version %i, keeping its rows', (version) => {
    const file = tempFile();
    const old = new Database(file);
    applyMigrations(
      old,
      MIGRATIONS.filter((m) => m.version <= version),
    );
    old
      .prepare(
        `INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
      VALUES ('a1', 'Old', 'Co', 'en', 'draft', 1, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(databaseVersion(db)).toBe(LATEST_DB_VERSION);
    expect(db.prepare('SELECT id, title, revision, deleted_at FROM agreements').all()).toEqual([{ id: 'a1', title: 'Old', revision: 3, deleted_at: null }]);
    db.close();
  });

  it('refuse a database from a newer version without touching it', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_DB_VERSION + 5}`);
    newer.exec('CREATE TABLE future (x)');
    newer.close();
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).kind).toBe('db_newer_version');
    expect((caught as AppError).params).toMatchObject({ found: LATEST_DB_VERSION + 5, supported: LATEST_DB_VERSION });
    const check = new Database(file);
    expect(databaseVersion(check)).toBe(LATEST_DB_VERSION + 5);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'agreements'").get()).toBeUndefined();
    check.close();
  });

  it('roll back every step of a failed migration run', () => {
    const db = new Database(tempFile());
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_DB_VERSION + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE ok (x); SELECT * FROM missing_table') },
    ];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(databaseVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 003: document exports', () => {
  const row = {
    agreement_id: 'a1',
    version: 1,
    fingerprint: 'f'.repeat(64),
    sha256: 'a'.repeat(64),
    thumbprint: null,
    language: 'en' as const,
    exported_at: '2026-03-10T12:00:00.000Z',
  };

  it('records exports, finds them by the SHA-256 of their bytes, and counts them per version', () => {
    const db = openDatabase(tempFile());
    const exports = createExportsRepo(db);
    exports.insert(row);
    exports.insert({ ...row, sha256: 'b'.repeat(64), fingerprint: null, thumbprint: 'c'.repeat(64) });
    expect(exports.findBySha256('a'.repeat(64))).toEqual(row);
    expect(exports.findBySha256('d'.repeat(64))).toBeNull();
    expect(exports.countFor('a1', 1)).toBe(2);
    expect(exports.countFor('a1', 2)).toBe(0);
    db.close();
  });

  it('is append-only: a record can be neither changed nor deleted, and a malformed one is refused', () => {
    const db = openDatabase(tempFile());
    createExportsRepo(db).insert(row);
    expect(() => db.prepare('UPDATE document_exports SET sha256 = ?').run('e'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM document_exports').run()).toThrow(/append-only/);
    expect(() => createExportsRepo(db).insert({ ...row, sha256: 'short' })).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM document_exports').get()).toEqual({ n: 1 });
    db.close();
  });
});
