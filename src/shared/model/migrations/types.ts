/** Untyped JSON as read from a file or a row: a migration reshapes it, the strict schema checks it afterwards. */
export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One step of the model: turns data of model version `version - 1` into version `version`. The same step runs
 * on a `.slaw` file (its `agreement` and top-level `actuals`) and on stored rows (each agreement row, and the
 * months of its lineage), so files and the database can never disagree on what a version means.
 *
 * A step only reshapes; it never validates (the strict schema runs after the last step) and never drops what
 * it does not understand (unknown fields stay, so the schema names them). Published steps are never edited.
 */
export interface ModelMigration {
  /** The model version this step produces (it reads `version - 1`). */
  version: number;
  /** What changed, for docs/FORMAT.md and the logs. */
  description: string;
  /**
   * One agreement. It may hand back monthly actuals it took out of the agreement (they belong to its
   * lineage from then on): the caller adds them to the lineage's months for the months it does not have.
   */
  agreement(agreement: unknown): { agreement: unknown; actuals?: unknown[] };
  /** A lineage's months, with the agreement they are read with (already upgraded by this step). Absent: unchanged. */
  actuals?(months: unknown[], agreement: unknown): unknown[];
}
