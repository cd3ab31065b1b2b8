import { emptyMonth } from '../../shared/actuals/store';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { createExample } from '../../shared/model/example';
import { MODEL_MIGRATIONS, type ModelMigration } from '../../shared/model/migrations';
import { agreementSchema } from '../../shared/model/schema';
import { MODEL_VERSION } from '../../shared/model/version';
import { createActualsRepo } from '../db/actualsRepo';
import { createAgreementsRepo } from '../db/agreementsRepo';
import { openDatabase, type Db } from '../db/connection';
import { upgradeStoredModel, type ModelUpgradeOptions } from './modelUpgrade';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function database(): Db {
  const db = openDatabase(':memory:');
  open.push(db);
  return db;
}

const v2Month = (month: string, leads: number) => ({
  month,
  leads,
  mqls: null,
  sqls: null,
  opportunities: null,
  customers: null,
  revenue: null,
  medianHoursToFirstContact: null,
  pctContactedWithinSla: null,
});

/** Inserts a row as an app of model version `modelVersion` stored it. */
function insertRow(db: Db, data: unknown, row: { id: string; lineage: string; version?: number; modelVersion?: number; revision?: number }): void {
  db.prepare(
    `INSERT INTO agreements (id, title, company, language, status, version, revision, created_at, updated_at, model_version, lineage_id, data)
     VALUES (?, 'T', '', 'en', 'draft', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?, ?)`,
  ).run(row.id, row.version ?? 1, row.revision ?? 1, row.modelVersion ?? 2, row.lineage, typeof data === 'string' ? data : JSON.stringify(data));
}

/** A version-2 agreement (actuals inside) with the given id and link. */
function v2Agreement(id: string, amendsId: string | null, version: number, months: ReturnType<typeof v2Month>[]) {
  const example = createExample('en', new Date('2026-01-01T00:00:00Z'));
  return { ...example, meta: { ...example.meta, id, amendsId, version }, actuals: months };
}

const rowsOf = (db: Db) =>
  db.prepare<[], { id: string; model_version: number; data: string }>('SELECT id, model_version, data FROM agreements ORDER BY id').all();
const monthsOf = (db: Db, lineage: string) =>
  createActualsRepo(db)
    .months(lineage)
    .map((m) => JSON.parse(m.data) as { month: string; stages: { count: number | null }[] });

function upgrade(db: Db, options: Partial<ModelUpgradeOptions> = {}) {
  const calls: number[] = [];
  const report = upgradeStoredModel(
    db,
    { agreements: createAgreementsRepo(db), actuals: createActualsRepo(db) },
    {
      backup: () => calls.push(rowsOf(db).filter((r) => r.model_version < MODEL_VERSION).length),
      now: () => new Date('2026-05-01T00:00:00.000Z'),
      ...options,
    },
  );
  return { report, backups: calls };
}

describe('upgrading stored agreements at start-up', () => {
  it('does nothing, and takes no backup, when every row is current', () => {
    const db = database();
    expect(upgrade(db)).toEqual({ report: { agreements: 0, lineages: 0, unreadable: [] }, backups: [] });
  });

  it('takes a backup first, then rewrites every old row and moves its months to the lineage, newest version winning', () => {
    const db = database();
    insertRow(db, v2Agreement('v1', null, 1, [v2Month('2026-01', 100), v2Month('2026-02', 200)]), { id: 'v1', lineage: 'v1' });
    insertRow(db, v2Agreement('v2', 'v1', 2, [v2Month('2026-02', 222), v2Month('2026-03', 300)]), { id: 'v2', lineage: 'v1', version: 2 });
    insertRow(db, v2Agreement('solo', null, 1, []), { id: 'solo', lineage: 'solo' });
    const { report, backups } = upgrade(db);
    // The backup ran while all three rows were still as the old app wrote them.
    expect(backups).toEqual([3]);
    expect(report).toEqual({ agreements: 3, lineages: 1, unreadable: [] });
    for (const row of rowsOf(db)) {
      expect(row.model_version).toBe(MODEL_VERSION);
      expect(agreementSchema.safeParse(JSON.parse(row.data)).success).toBe(true);
    }
    expect(monthsOf(db, 'v1').map((m) => [m.month, m.stages[0]?.count])).toEqual([
      ['2026-01', 100],
      ['2026-02', 222],
      ['2026-03', 300],
    ]);
    expect(createActualsRepo(db).lineage('v1')).toMatchObject({ revision: 1, model_version: MODEL_VERSION });
    expect(createActualsRepo(db).lineage('solo')).toBeUndefined();
    // Run again: nothing left to do, no second backup.
    expect(upgrade(db).backups).toEqual([]);
  });

  it('changes nothing when the backup fails, and says why', () => {
    const db = database();
    insertRow(db, v2Agreement('v1', null, 1, [v2Month('2026-01', 1)]), { id: 'v1', lineage: 'v1' });
    const before = rowsOf(db);
    let caught: unknown;
    try {
      upgrade(db, {
        backup: () => {
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ kind: 'storage', params: { reason: 'upgrade_backup_failed', detail: 'ENOSPC' } });
    expect(rowsOf(db)).toEqual(before);
    expect(monthsOf(db, 'v1')).toEqual([]);
  });

  it('never touches a row from a newer model version, and leaves an unreadable row as it is', () => {
    const db = database();
    insertRow(db, { from: 'the future' }, { id: 'future', lineage: 'future', modelVersion: MODEL_VERSION + 1 });
    insertRow(db, '{ not json', { id: 'broken', lineage: 'broken' });
    const before = rowsOf(db);
    const { report, backups } = upgrade(db);
    expect(report).toEqual({ agreements: 0, lineages: 0, unreadable: ['broken'] });
    expect(backups).toEqual([]);
    expect(rowsOf(db)).toEqual(before);
  });

  it('keeps months already stored for the lineage over those found in old rows', () => {
    const db = database();
    const actuals = createActualsRepo(db);
    const stored = { ...emptyMonth('2026-01'), revenue: 5 };
    db.transaction(() =>
      actuals.replace({ lineage_id: 'v1', revision: 1, model_version: MODEL_VERSION, updated_at: 'x' }, 0, [
        { month: '2026-01', data: JSON.stringify(stored) },
      ]),
    )();
    insertRow(db, v2Agreement('v1', null, 1, [v2Month('2026-01', 9), v2Month('2026-04', 4)]), { id: 'v1', lineage: 'v1' });
    upgrade(db);
    expect(monthsOf(db, 'v1')).toEqual([stored, expect.objectContaining({ month: '2026-04' })]);
    expect(actuals.lineage('v1')?.revision).toBe(2);
  });

  it('upgrades a lineage’s stored months with a step that reshapes them, read with the lineage’s newest version', () => {
    const db = database();
    const example = createExample('en', new Date('2026-01-01T00:00:00Z'));
    const month = { ...emptyMonth('2026-01'), revenue: 7 };
    insertRow(db, { ...example, meta: { ...example.meta, id: 'a' } }, { id: 'a', lineage: 'a', modelVersion: MODEL_VERSION });
    db.transaction(() =>
      createActualsRepo(db).replace({ lineage_id: 'a', revision: 3, model_version: MODEL_VERSION, updated_at: 'x' }, 0, [
        { month: '2026-01', data: JSON.stringify(month) },
      ]),
    )();
    // A future model: revenue becomes { amount, currency }, the currency read from the agreement.
    const next: ModelMigration = {
      version: MODEL_VERSION + 1,
      description: 'revenue with its currency',
      agreement: (a) => ({ agreement: a }),
      actuals: (months, agreement) =>
        months.map((m) => {
          const { revenue, ...rest } = m as { revenue: number };
          return { ...rest, revenue: { amount: revenue, currency: (agreement as { meta: { currency: string } }).meta.currency } };
        }),
    };
    const rowsBefore = rowsOf(db);
    const first = upgrade(db, { migrations: [...MODEL_MIGRATIONS, next] });
    // The default actuals schema no longer fits the future shape: the lineage is reported and left whole,
    // its versions with it — never half-upgraded.
    expect(first).toEqual({ report: { agreements: 0, lineages: 0, unreadable: ['actuals:a'] }, backups: [] });
    expect(monthsOf(db, 'a')).toEqual([month]);
    expect(rowsOf(db)).toEqual(rowsBefore);

    const db2 = database();
    insertRow(db2, { ...example, meta: { ...example.meta, id: 'a' } }, { id: 'a', lineage: 'a', modelVersion: MODEL_VERSION });
    db2.transaction(() =>
      createActualsRepo(db2).replace({ lineage_id: 'a', revision: 3, model_version: MODEL_VERSION, updated_at: 'x' }, 0, [
        { month: '2026-01', data: JSON.stringify(month) },
      ]),
    )();
    const second = upgrade(db2, { migrations: [...MODEL_MIGRATIONS, next], actualsSchema: z.array(z.unknown()) });
    expect(second.report).toEqual({ agreements: 1, lineages: 1, unreadable: [] });
    expect(monthsOf(db2, 'a')).toEqual([{ ...month, revenue: { amount: 7, currency: 'USD' } }]);
    expect(createActualsRepo(db2).lineage('a')).toMatchObject({ revision: 4, model_version: MODEL_VERSION + 1 });
  });
});
