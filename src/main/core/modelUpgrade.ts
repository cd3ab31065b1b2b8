import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { actualsSchema, mergeMonths } from '../../shared/model/actuals';
import { latestVersion, MODEL_MIGRATIONS, migrateModel, upgradeStoredAgreement, type ModelMigration } from '../../shared/model/migrations';
import { agreementSchema } from '../../shared/model/schema';
import type { ActualsRepo } from '../db/actualsRepo';
import type { AgreementsRepo, StaleAgreementRow } from '../db/agreementsRepo';
import { inTransaction, type Db } from '../db/connection';

export interface ModelUpgradeOptions {
  /** Takes a backup of the database before anything is rewritten; throws when it cannot. */
  backup: () => unknown;
  now?: () => Date;
  /** The migration list and target schemas (the app's own by default; tests of a future model pass theirs). */
  migrations?: readonly ModelMigration[];
  schema?: z.ZodType<unknown>;
  actualsSchema?: z.ZodType<unknown[]>;
}

export interface ModelUpgradeReport {
  /** Agreement rows rewritten in the current model version. */
  agreements: number;
  /** Lineages whose monthly actuals were written or rewritten. */
  lineages: number;
  /** Rows left as they were because they do not read as their version says (reported as unreadable later). */
  unreadable: string[];
}

interface PlannedRow {
  row: StaleAgreementRow;
  data: string;
  months: unknown[];
}

type Months = { month: string }[];

/**
 * Brings every stored agreement and every lineage's monthly actuals to the current model version with the
 * SAME migration list as `.slaw` files (src/shared/model/migrations). Nothing is written unless something
 * needs upgrading; then a backup is taken first (the call throws, changing nothing, when it fails) and all
 * rows are rewritten in ONE transaction. A row that does not read as its version says is left exactly as it
 * is (it stays "unreadable", never guessed at); a row from a newer model version is never touched.
 *
 * Months that an upgrade takes out of an agreement (model version 3) go to its lineage: versions are taken
 * oldest first and a newer version's month replaces an older one's (an amendment carried a copy of its base's
 * months and may have added to them); months already in the lineage's table are kept as they are.
 */
export function upgradeStoredModel(db: Db, repos: { agreements: AgreementsRepo; actuals: ActualsRepo }, options: ModelUpgradeOptions): ModelUpgradeReport {
  const migrations = options.migrations ?? MODEL_MIGRATIONS;
  const to = latestVersion(migrations);
  const schema = options.schema ?? agreementSchema;
  const monthsSchema = options.actualsSchema ?? actualsSchema;
  const now = options.now ?? (() => new Date());

  const stale = repos.agreements.staleRows(to);
  let planned: PlannedRow[] = [];
  const unreadable: string[] = [];
  for (const row of stale) {
    try {
      const upgraded = upgradeStoredAgreement(JSON.parse(row.data), row.model_version, { migrations, to, schema, actualsSchema: monthsSchema });
      planned.push({ row, data: JSON.stringify(upgraded.agreement), months: upgraded.actuals });
    } catch {
      unreadable.push(row.id);
    }
  }
  const upgradedLineages = new Map<string, Months>();
  const failedLineages = new Set<string>();
  for (const { lineage_id, model_version } of repos.actuals.staleLineages(to)) {
    try {
      const raw = repos.actuals.months(lineage_id).map((m) => JSON.parse(m.data) as unknown);
      // The months are read with the newest version of their lineage written in the same model version.
      const partner = stale.filter((r) => r.lineage_id === lineage_id && r.model_version === model_version).at(-1);
      const agreement = partner ? (JSON.parse(partner.data) as unknown) : null;
      upgradedLineages.set(lineage_id, monthsSchema.parse(migrateModel({ agreement, actuals: raw }, model_version, { migrations, to }).actuals) as Months);
    } catch {
      unreadable.push(`actuals:${lineage_id}`);
      failedLineages.add(lineage_id);
    }
  }
  // A lineage is upgraded as a whole: versions whose months cannot be upgraded stay as they are with them.
  planned = planned.filter((p) => !failedLineages.has(p.row.lineage_id));
  if (planned.length === 0 && upgradedLineages.size === 0) return { agreements: 0, lineages: 0, unreadable };

  try {
    options.backup();
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'backup_failed';
    throw new AppError('storage', 'Could not back up the database before upgrading its agreements', {
      reason: 'upgrade_backup_failed',
      detail: code.slice(0, 40),
    });
  }

  return inTransaction(db, () => {
    const at = now().toISOString();
    const fromRows = new Map<string, Months>();
    let agreements = 0;
    for (const { row, data, months } of planned) {
      // Another process sharing the data folder may have upgraded the row meanwhile: it is then left to that one.
      if (!repos.agreements.upgradeRow(row, data, to)) continue;
      agreements++;
      if (months.length) fromRows.set(row.lineage_id, mergeMonths(fromRows.get(row.lineage_id) ?? [], months as Months));
    }
    const lineageIds = new Set([...fromRows.keys(), ...upgradedLineages.keys()]);
    for (const lineageId of lineageIds) {
      // Months already in the lineage's table (upgraded when they were stale) win over those taken out of rows.
      const inTable = upgradedLineages.get(lineageId) ?? repos.actuals.months(lineageId).map((m) => JSON.parse(m.data) as Months[number]);
      const months = mergeMonths(fromRows.get(lineageId) ?? [], inTable);
      repos.actuals.rewrite(
        lineageId,
        months.map((m) => ({ month: m.month, data: JSON.stringify(m) })),
        to,
        at,
      );
    }
    return { agreements, lineages: lineageIds.size, unreadable };
  });
}
