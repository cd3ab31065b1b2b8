import { AppError } from '../../shared/api/errors';
import { actualsSchema, mergeMonths, sortMonths, type MonthlyActuals } from '../../shared/model/actuals';
import { migrateModel } from '../../shared/model/migrations';
import { MODEL_VERSION } from '../../shared/model/version';
import type { ActualsRepo } from '../db/actualsRepo';
import type { AgreementsRepo } from '../db/agreementsRepo';
import { inTransaction, type Db } from '../db/connection';
import { assertNotNewer } from './storedModel';

/** A lineage's monthly actuals and the revision a save must name (0: nothing saved yet). */
export interface LineageActuals {
  lineageId: string;
  revision: number;
  months: MonthlyActuals[];
}

const same = (a: readonly MonthlyActuals[], b: readonly MonthlyActuals[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Monthly actuals: entered month after month after signing, shared by every version of one agreement (its
 * lineage), never part of what was signed. They have their own revision, independent of the agreement's, and
 * may be saved on signed and superseded versions: a save never touches the agreement row, so no fingerprint
 * can move.
 */
export function createActualsService(db: Db, repo: AgreementsRepo, actuals: ActualsRepo, options: { now?: () => Date } = {}) {
  const now = () => (options.now ?? (() => new Date()))();

  /** The lineage of a live stored version; the version itself must be one this app can read. */
  function lineageOfLive(id: string): string {
    const row = repo.summary(id);
    if (!row || row.deleted_at !== null) throw new AppError('not_found', `Agreement ${id} not found`, { id });
    assertNotNewer(row);
    return row.lineage_id;
  }

  function read(lineageId: string): LineageActuals {
    const lineage = actuals.lineage(lineageId);
    if (!lineage) return { lineageId, revision: 0, months: [] };
    if (lineage.model_version > MODEL_VERSION) {
      throw new AppError('unsupported_version', `Actuals of ${lineageId} were stored by a newer model version`, {
        reason: 'newer_actuals',
        found: lineage.model_version,
        supported: MODEL_VERSION,
      });
    }
    let months: MonthlyActuals[];
    try {
      const raw = actuals.months(lineageId).map((m) => JSON.parse(m.data) as unknown);
      months = actualsSchema.parse(migrateModel({ agreement: null, actuals: raw }, lineage.model_version).actuals);
    } catch {
      throw new AppError('storage', `Stored actuals of ${lineageId} are unreadable`, { detail: 'corrupt_row' });
    }
    return { lineageId, revision: lineage.revision, months };
  }

  /** Writes all months if the lineage is still at `expected`; otherwise stale_revision, nothing changed. */
  function write(lineageId: string, expected: number, months: readonly MonthlyActuals[]): LineageActuals {
    const sorted = sortMonths(months);
    const revision = expected + 1;
    const row = { lineage_id: lineageId, revision, model_version: MODEL_VERSION, updated_at: now().toISOString() };
    const ok = actuals.replace(
      row,
      expected,
      sorted.map((m) => ({ month: m.month, data: JSON.stringify(m) })),
    );
    if (!ok) {
      const current = actuals.lineage(lineageId)?.revision ?? 0;
      throw new AppError('stale_revision', `Actuals revision ${expected} is stale; current is ${current}`, { current, given: expected });
    }
    return { lineageId, revision, months: sorted };
  }

  /** Adds `incoming` to a lineage: it wins for every month it covers. Unchanged months keep the revision. */
  function merge(lineageId: string, incoming: readonly MonthlyActuals[], incomingWins = true): void {
    if (incoming.length === 0) return;
    const current = read(lineageId);
    const next = incomingWins ? mergeMonths(current.months, incoming) : mergeMonths(incoming, current.months);
    if (!same(next, current.months)) write(lineageId, current.revision, next);
  }

  return {
    get(id: string): LineageActuals {
      return read(lineageOfLive(id));
    },

    save(id: string, revision: number, months: MonthlyActuals[]): LineageActuals {
      return inTransaction(db, () => {
        const lineageId = lineageOfLive(id);
        const current = read(lineageId);
        if (current.revision !== revision) {
          throw new AppError('stale_revision', `Actuals revision ${revision} is stale; current is ${current.revision}`, {
            current: current.revision,
            given: revision,
          });
        }
        return write(lineageId, revision, months);
      });
    },

    /** All months of a lineage (for `.slaw` export). */
    monthsOf: (lineageId: string): MonthlyActuals[] => read(lineageId).months,

    /** Months from an older copy (a backup) into a lineage, only for the months it lacks (run inside a transaction). */
    addMissingMonths: (lineageId: string, months: readonly MonthlyActuals[]) => merge(lineageId, months, false),

    /** A file's months into a lineage: the file wins for the months it covers (run inside the import's transaction). */
    importMonths: (lineageId: string, months: readonly MonthlyActuals[]) => merge(lineageId, months),

    /**
     * A version that was missing arrived and links lineage `from` to `to`: the versions of `from` join `to`, and
     * so do their months, for the months `to` does not have (run inside a transaction).
     */
    adoptLineage(from: string, to: string): void {
      if (from === to) return;
      repo.relinkLineage(from, to);
      const moving = read(from).months;
      merge(to, moving, false);
      actuals.remove(from);
    },

    /** After a purge: a lineage none of whose versions is left loses its actuals too. */
    forgetIfUnused(lineageId: string): void {
      if (!repo.lineageInUse(lineageId)) actuals.remove(lineageId);
    },
  };
}
export type ActualsService = ReturnType<typeof createActualsService>;
