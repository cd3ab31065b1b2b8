import type { z } from 'zod';
import { actualsSchema, type MonthlyActuals } from '../actuals';
import { agreementSchema, type Agreement } from '../schema';
import { m002 } from './002-currency-and-agenda';
import { m003 } from './003-actuals-leave-the-agreement';
import { m004 } from './004-terms';
import { m005 } from './005-monthly-review';
import { isRecord, type ModelMigration } from './types';

export type { ModelMigration } from './types';

/**
 * THE migration list, for `.slaw` files and stored rows alike: entry `n` produces model version `n + 2`
 * from `n + 1`. Append-only; versions strictly increasing, ending at MODEL_VERSION (a test checks both).
 */
export const MODEL_MIGRATIONS: readonly ModelMigration[] = [m002, m003, m004, m005];

/** An agreement with its lineage's months, as a step sees them (untyped until the schema has checked them). */
export interface ModelData {
  agreement: unknown;
  actuals: unknown;
}

export interface MigrateOptions {
  migrations?: readonly ModelMigration[];
  /** The version to reach; the last step's by default. */
  to?: number;
}

export function latestVersion(migrations: readonly ModelMigration[]): number {
  return migrations[migrations.length - 1]?.version ?? 1;
}

/** `carried` keeps every month it has; `extracted` adds the months it lacks. Anything not a list is handed on. */
function addMissingMonths(carried: unknown, extracted: unknown[] | undefined): unknown {
  if (!extracted?.length) return carried;
  if (!Array.isArray(carried)) return carried;
  const months = new Set(carried.map((m: unknown) => (isRecord(m) ? m.month : undefined)));
  return [...carried, ...extracted.filter((m) => !isRecord(m) || !months.has(m.month))];
}

/** Runs every step from `from` to the target version, in order. Throws when a step is missing. */
export function migrateModel(data: ModelData, from: number, options: MigrateOptions = {}): ModelData {
  const migrations = options.migrations ?? MODEL_MIGRATIONS;
  const to = options.to ?? latestVersion(migrations);
  let current = data;
  for (let version = from + 1; version <= to; version++) {
    const step = migrations.find((m) => m.version === version);
    if (!step) throw new RangeError(`No model migration to version ${version}`);
    const next = step.agreement(current.agreement);
    const carried = step.actuals && Array.isArray(current.actuals) ? step.actuals(current.actuals, next.agreement) : current.actuals;
    current = { agreement: next.agreement, actuals: addMissingMonths(carried, next.actuals) };
  }
  return current;
}

/** What a stored row or a file holds once upgraded and checked. */
export interface UpgradedData<A, M> {
  agreement: A;
  /** Months the upgrade took out of the agreement (they belong to its lineage). */
  actuals: M[];
}

export interface UpgradeOptions<A, M> extends MigrateOptions {
  /** The schemas of the target version (the current ones by default; a test of a future model passes its own). */
  schema?: z.ZodType<A>;
  actualsSchema?: z.ZodType<M[]>;
}

/**
 * One stored agreement (a row's JSON and the model version it was written in), upgraded to the current
 * model with the same steps as a `.slaw` file and strictly checked. Throws a ZodError or a SyntaxError when
 * the row is not what its version says: it is reported as unreadable, never guessed at.
 */
export function upgradeStoredAgreement<A = Agreement, M = MonthlyActuals>(
  json: unknown,
  modelVersion: number,
  options: UpgradeOptions<A, M> = {},
): UpgradedData<A, M> {
  const schema = (options.schema ?? agreementSchema) as z.ZodType<A>;
  const months = (options.actualsSchema ?? actualsSchema) as z.ZodType<M[]>;
  const migrated = migrateModel({ agreement: json, actuals: [] }, modelVersion, options);
  return { agreement: schema.parse(migrated.agreement), actuals: months.parse(migrated.actuals) };
}
