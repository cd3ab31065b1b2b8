import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { applyMigrations, MIGRATIONS } from './migrations';
import { createSettingsRepo } from './settingsRepo';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-settings-'));
  dirs.push(dir);
  return join(dir, 'test.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 004 and the installation settings', () => {
  it('adds the settings table to a database from before, keeping its agreements', () => {
    const file = tempFile();
    const old = new Database(file);
    applyMigrations(
      old,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    old
      .prepare(
        `INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
      VALUES ('a1', 'Old', 'Co', 'en', 'draft', 1, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}')`,
      )
      .run();
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'installation_settings'").get()).toBeUndefined();
    old.close();
    const db = openDatabase(file);
    const columns = (db.prepare('PRAGMA table_info(installation_settings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['key', 'value', 'updated_at']);
    expect(db.prepare('SELECT id FROM agreements').all()).toEqual([{ id: 'a1' }]);
    db.close();
  });

  it('stores one value per key, replaces it, and forgets it', () => {
    const db = openDatabase(tempFile());
    const repo = createSettingsRepo(db);
    expect(repo.get('deviceName')).toBeNull();
    repo.set('deviceName', '"Portátil de la sala"', '2026-03-01T10:00:00.000Z');
    repo.set('deviceName', '"Sala 2"', '2026-03-02T10:00:00.000Z');
    expect(repo.get('deviceName')).toBe('"Sala 2"');
    expect(db.prepare('SELECT count(*) AS n FROM installation_settings').get()).toEqual({ n: 1 });
    repo.remove('deviceName');
    expect(repo.get('deviceName')).toBeNull();
    db.close();
  });
});
