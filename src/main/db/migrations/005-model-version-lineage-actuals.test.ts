import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS } from './index';
import { lineageOf, m005 } from './005-model-version-lineage-actuals';

/** A database just before migration 005, with agreements linked by `amendsId` as given. */
function before(rows: [id: string, data: string][]): Database.Database {
  const db = new Database(':memory:');
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version < m005.version),
  );
  const insert = db.prepare(`INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, data)
    VALUES (?, 'T', '', 'en', 'draft', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`);
  for (const [id, data] of rows) insert.run(id, data);
  return db;
}
const amending = (amendsId: string | null) => JSON.stringify({ meta: { amendsId }, actuals: [] });

describe('database migration 005 (model version, lineage, actuals tables)', () => {
  it('marks existing rows as model version 2 and gives each the id of its first version as lineage', () => {
    const db = before([
      ['v1', amending(null)],
      ['v2', amending('v1')],
      ['v3', amending('v2')],
      ['other', amending(null)],
      ['orphan', amending('purged-first')],
      ['damaged', '{ not json'],
    ]);
    m005.up(db);
    const rows = db.prepare('SELECT id, model_version, lineage_id FROM agreements ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'damaged', model_version: 2, lineage_id: 'damaged' },
      { id: 'orphan', model_version: 2, lineage_id: 'purged-first' },
      { id: 'other', model_version: 2, lineage_id: 'other' },
      { id: 'v1', model_version: 2, lineage_id: 'v1' },
      { id: 'v2', model_version: 2, lineage_id: 'v1' },
      { id: 'v3', model_version: 2, lineage_id: 'v1' },
    ]);
    db.close();
  });

  it('creates the actuals tables: one revision per lineage, one row per lineage and month, deleted with it', () => {
    const db = before([]);
    m005.up(db);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO actuals_lineages VALUES ('L', 1, 3, '2026-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO actuals VALUES ('L', '2026-01', '{}')").run();
    expect(() => db.prepare("INSERT INTO actuals VALUES ('L', '2026-01', '{}')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO actuals VALUES ('nobody', '2026-01', '{}')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM actuals_lineages WHERE lineage_id = 'L'").run();
    expect(db.prepare('SELECT count(*) AS n FROM actuals').get()).toEqual({ n: 0 });
    db.close();
  });

  it('follows links to the first version, stops at one that is not here, and makes one lineage of a loop', () => {
    const links = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['x', 'missing'],
      ['p', 'q'],
      ['q', 'p'],
      ['tail', 'q'],
    ]);
    expect(['a', 'b', 'c'].map((id) => lineageOf(id, links))).toEqual(['a', 'a', 'a']);
    expect(lineageOf('x', links)).toBe('missing');
    expect(['p', 'q', 'tail'].map((id) => lineageOf(id, links))).toEqual(['p', 'p', 'p']);
  });
});
