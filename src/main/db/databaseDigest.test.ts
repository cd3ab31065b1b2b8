import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/tempDirs';
import { openDatabase, type Db } from './connection';
import { scanDatabase, type StoredAgreementRow } from './databaseDigest';

const tempDir = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function database(): Db {
  const db = openDatabase(join(tempDir('sla-digest-'), 'sla-workshop.db'));
  open.push(db);
  const insert = db.prepare(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
    VALUES (?, ?, 'Co', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`);
  for (let i = 0; i < 5; i++) insert.run(`a${i}`, `Agreement ${i}`, JSON.stringify({ text: `café ${i}`.repeat(50) }));
  return db;
}

const digest = (db: Db) => scanDatabase(db).digest;

describe('the database digest', () => {
  it('is the same for a VACUUM INTO copy (other page layout, possibly other rowids) and for the file itself', () => {
    const db = database();
    db.prepare("DELETE FROM agreements WHERE id = 'a1'").run(); // leaves a gap VACUUM closes
    const copy = join(tempDir('sla-digest-copy-'), 'copy.db');
    db.prepare('VACUUM INTO ?').run(copy);
    const other = new Database(copy, { readonly: true });
    open.push(other);
    expect(scanDatabase(other)).toEqual(scanDatabase(db));
  });

  it('changes with every kind of change, including those "max revision + count" misses', () => {
    const db = database();
    const original = digest(db);
    let previous = original;
    const change = (sql: string) => {
      db.exec(sql);
      const next = digest(db);
      expect(next, sql).not.toBe(previous);
      previous = next;
    };
    change("UPDATE agreements SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = 'a2'"); // a trash: no revision moves
    change("UPDATE agreements SET deleted_at = NULL WHERE id = 'a2'"); // and its restore…
    expect(previous).toBe(original); // …which brings back exactly the same rows
    change(
      "DELETE FROM agreements WHERE id = 'a3'; INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data) VALUES ('a9', 'x', 'Co', 'en', 'draft', 1, 1, 'c', 'u', '{}')",
    );
    change('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    change("INSERT INTO notes (body) VALUES ('another table counts too')");
    change('UPDATE notes SET body = 0.30000000000000004'); // a real, to the last bit…
    change('UPDATE notes SET body = 0.3'); // …is not 0.3
    change('PRAGMA user_version = 77');
  });

  it('hashes the stored bytes: two different invalid UTF-8 bytes are two different rows, and rows come with their bytes', () => {
    const db = database();
    const rows: StoredAgreementRow[] = [];
    db.prepare("UPDATE agreements SET data = CAST(X'7B22612201FF7D' AS TEXT) WHERE id = 'a0'").run();
    const first = scanDatabase(db, (row) => rows.push(row)).digest;
    db.prepare("UPDATE agreements SET data = CAST(X'7B22612201FE7D' AS TEXT) WHERE id = 'a0'").run();
    expect(digest(db)).not.toBe(first);
    const a0 = rows.find((r) => r.id === 'a0');
    expect(a0?.data).toEqual(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x01, 0xff, 0x7d]));
    expect(rows.map((r) => r.title).sort()).toEqual(['Agreement 0', 'Agreement 1', 'Agreement 2', 'Agreement 3', 'Agreement 4']);
    expect(new Set(rows.map((r) => r.rowHash)).size).toBe(5);
  });
});
