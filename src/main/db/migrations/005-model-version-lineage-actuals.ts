import type { Migration } from './types';

/**
 * The id of the first version of `id`'s agreement: follow `amendsId` back while the version is here. A link to
 * a version that is not here (purged, or never imported) names the lineage by that version's id, so versions
 * arriving later join the same lineage. A loop of links (only hostile files could make one) is one lineage,
 * named by the smallest id in the loop.
 */
export function lineageOf(id: string, amendsOf: ReadonlyMap<string, string | null>): string {
  const path: string[] = [];
  let current = id;
  for (;;) {
    path.push(current);
    const next = amendsOf.get(current) ?? null;
    if (next === null) return current;
    const loop = path.indexOf(next);
    if (loop >= 0) return path.slice(loop).sort()[0] ?? current;
    if (!amendsOf.has(next)) return next;
    current = next;
  }
}

/** The model version of every row written before this migration (the column did not exist; backups lack it). */
export const MODEL_VERSION_BEFORE_COLUMN = 2;

/**
 * Model version 3 storage. Every agreement row records the model version its JSON was written in (rows from
 * before are version 2; core upgrades them at start with the shared migration list, after a backup) and the
 * lineage it belongs to (all versions of one agreement). Monthly actuals leave the agreement for their own
 * table, per lineage and month, with their own revision.
 */
export const m005: Migration = {
  version: 5,
  name: 'model-version-lineage-actuals',
  up(db) {
    db.exec(`
      ALTER TABLE agreements ADD COLUMN model_version INTEGER NOT NULL DEFAULT ${MODEL_VERSION_BEFORE_COLUMN} CHECK (model_version >= 1);
      ALTER TABLE agreements ADD COLUMN lineage_id TEXT NOT NULL DEFAULT '';
      CREATE TABLE actuals_lineages (
        lineage_id     TEXT PRIMARY KEY,
        revision       INTEGER NOT NULL CHECK (revision >= 1),
        model_version  INTEGER NOT NULL CHECK (model_version >= 1),
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE actuals (
        lineage_id  TEXT NOT NULL REFERENCES actuals_lineages (lineage_id) ON DELETE CASCADE,
        month       TEXT NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (lineage_id, month)
      ) STRICT;
    `);
    // A row whose JSON is damaged has no readable link: it starts its own lineage (json_valid keeps SQLite
    // from failing the whole migration on it).
    const rows = db
      .prepare<[], { id: string; amendsId: unknown }>(
        `SELECT id, CASE WHEN json_valid(data) THEN json_extract(data, '$.meta.amendsId') END AS amendsId FROM agreements`,
      )
      .all();
    const amendsOf = new Map(rows.map((r) => [r.id, typeof r.amendsId === 'string' ? r.amendsId : null]));
    const setLineage = db.prepare<[string, string]>('UPDATE agreements SET lineage_id = ? WHERE id = ?');
    for (const { id } of rows) setLineage.run(lineageOf(id, amendsOf), id);
    db.exec('CREATE INDEX agreements_lineage ON agreements (lineage_id)');
  },
};
