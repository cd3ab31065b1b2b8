import type { Db } from './connection';

/** The revision and model version of one lineage's monthly actuals. */
export interface ActualsLineageRow {
  lineage_id: string;
  revision: number;
  model_version: number;
  updated_at: string;
}

/** One month of one lineage, its figures as JSON (validated by core). */
export interface ActualsMonthRow {
  month: string;
  data: string;
}

/** SQL only: monthly actuals per lineage and month (migration 005). Validation and rules live in core. */
export function createActualsRepo(db: Db) {
  const statements = {
    lineage: db.prepare<[string], ActualsLineageRow>('SELECT lineage_id, revision, model_version, updated_at FROM actuals_lineages WHERE lineage_id = ?'),
    months: db.prepare<[string], ActualsMonthRow>('SELECT month, data FROM actuals WHERE lineage_id = ? ORDER BY month'),
    insertLineage: db.prepare<ActualsLineageRow>(
      'INSERT INTO actuals_lineages (lineage_id, revision, model_version, updated_at) VALUES (:lineage_id, :revision, :model_version, :updated_at)',
    ),
    updateLineage: db.prepare<ActualsLineageRow & { expected: number }>(
      `UPDATE actuals_lineages SET revision = :revision, model_version = :model_version, updated_at = :updated_at
       WHERE lineage_id = :lineage_id AND revision = :expected AND model_version <= :model_version`,
    ),
    clearMonths: db.prepare<[string]>('DELETE FROM actuals WHERE lineage_id = ?'),
    insertMonth: db.prepare<{ lineage_id: string; month: string; data: string }>(
      'INSERT INTO actuals (lineage_id, month, data) VALUES (:lineage_id, :month, :data)',
    ),
    deleteLineage: db.prepare<[string]>('DELETE FROM actuals_lineages WHERE lineage_id = ?'),
    stale: db.prepare<[number], ActualsLineageRow>('SELECT lineage_id, revision, model_version, updated_at FROM actuals_lineages WHERE model_version < ?'),
    bump: db.prepare<{ lineage_id: string; model_version: number; updated_at: string }>(
      'UPDATE actuals_lineages SET revision = revision + 1, model_version = :model_version, updated_at = :updated_at WHERE lineage_id = :lineage_id',
    ),
  };

  return {
    lineage: (lineageId: string) => statements.lineage.get(lineageId),
    months: (lineageId: string) => statements.months.all(lineageId),
    /**
     * Replaces all months of a lineage if its actuals are still at revision `expected` (0: none stored yet).
     * Returns false, changing nothing, when another write got there first. Run inside a transaction.
     */
    replace(row: ActualsLineageRow, expected: number, months: readonly ActualsMonthRow[]): boolean {
      if (expected === 0) {
        if (statements.lineage.get(row.lineage_id)) return false;
        statements.insertLineage.run(row);
      } else if (statements.updateLineage.run({ ...row, expected }).changes !== 1) {
        return false;
      }
      statements.clearMonths.run(row.lineage_id);
      for (const m of months) statements.insertMonth.run({ lineage_id: row.lineage_id, month: m.month, data: m.data });
      return true;
    },
    /** Deletes a lineage's actuals (its months go with it). */
    remove: (lineageId: string) => statements.deleteLineage.run(lineageId).changes === 1,
    /** Lineages whose months were written in an older model version than `current`. */
    staleLineages: (current: number) => statements.stale.all(current),
    /** Rewrites a lineage's months in model version `modelVersion`, whatever its revision (the start-up upgrade). */
    rewrite(lineageId: string, months: readonly ActualsMonthRow[], modelVersion: number, updatedAt: string): void {
      const row = { lineage_id: lineageId, model_version: modelVersion, updated_at: updatedAt };
      if (statements.lineage.get(lineageId)) statements.bump.run(row);
      else statements.insertLineage.run({ ...row, revision: 1 });
      statements.clearMonths.run(lineageId);
      for (const m of months) statements.insertMonth.run({ lineage_id: lineageId, month: m.month, data: m.data });
    },
  };
}
export type ActualsRepo = ReturnType<typeof createActualsRepo>;
