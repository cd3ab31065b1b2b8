import { describe, expect, it } from 'vitest';
import { createExample } from '../example';
import { MODEL_VERSION } from '../version';
import { latestVersion, MODEL_MIGRATIONS, migrateModel, upgradeStoredAgreement, type ModelMigration } from './index';

describe('the model migration list', () => {
  it('has one step per version, strictly increasing, from 2 to the current model version', () => {
    expect(MODEL_MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MODEL_VERSION - 1 }, (_, i) => i + 2));
    expect(latestVersion(MODEL_MIGRATIONS)).toBe(MODEL_VERSION);
  });

  it('runs every step from the stored version on, in order, and nothing before it', () => {
    const seen: number[] = [];
    const step = (version: number): ModelMigration => ({ version, description: '', agreement: (a) => (seen.push(version), { agreement: a }) });
    migrateModel({ agreement: {}, actuals: [] }, 2, { migrations: [step(2), step(3), step(4)] });
    expect(seen).toEqual([3, 4]);
    expect(() => migrateModel({ agreement: {}, actuals: [] }, 1, { migrations: [step(3)] })).toThrow(/version 2/);
  });

  it('keeps the months it was given and adds only the months a step takes out of the agreement that are new', () => {
    const step: ModelMigration = {
      version: 4,
      description: '',
      agreement: (a) => ({
        agreement: a,
        actuals: [
          { month: '2026-01', from: 'agreement' },
          { month: '2026-02', from: 'agreement' },
        ],
      }),
    };
    const out = migrateModel({ agreement: {}, actuals: [{ month: '2026-01', from: 'lineage' }] }, 3, { migrations: [step] });
    expect(out.actuals).toEqual([
      { month: '2026-01', from: 'lineage' },
      { month: '2026-02', from: 'agreement' },
    ]);
  });

  it('lets a step reshape a lineage’s months, seeing the agreement it already upgraded', () => {
    const step: ModelMigration = {
      version: 4,
      description: '',
      agreement: (a) => ({ agreement: { ...(a as object), upgraded: true } }),
      actuals: (months, agreement) => months.map((m) => ({ ...(m as object), seenUpgraded: (agreement as { upgraded?: boolean }).upgraded === true })),
    };
    expect(migrateModel({ agreement: {}, actuals: [{ month: '2026-01' }] }, 3, { migrations: [step] }).actuals).toEqual([
      { month: '2026-01', seenUpgraded: true },
    ]);
  });

  it('reads a stored row of the current version as it is, and refuses one that does not match its version', () => {
    const example = createExample('es', new Date('2026-01-01T00:00:00Z'));
    expect(upgradeStoredAgreement(JSON.parse(JSON.stringify(example)), MODEL_VERSION)).toEqual({ agreement: example, actuals: [] });
    expect(() => upgradeStoredAgreement({ ...example, actuals: [] }, MODEL_VERSION)).toThrow();
  });

  it('upgrades a version-2 row: actuals come out, everything else reads the same', () => {
    const example = createExample('en', new Date('2026-01-01T00:00:00Z'));
    const month = {
      month: '2026-01',
      leads: 1,
      mqls: 2,
      sqls: 3,
      opportunities: 4,
      customers: 5,
      revenue: 6,
      medianHoursToFirstContact: 7,
      pctContactedWithinSla: 8,
    };
    const { agreement, actuals } = upgradeStoredAgreement({ ...example, actuals: [month] }, 2);
    expect(agreement).toEqual(example);
    expect(actuals).toHaveLength(1);
    expect(actuals[0]?.stages.map((s) => s.count)).toEqual([1, 2, 3, 4, 5]);
  });
});
