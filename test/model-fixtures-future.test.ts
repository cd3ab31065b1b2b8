import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODEL_MIGRATIONS, migrateModel, upgradeStoredAgreement, type ModelMigration } from '../src/shared/model/migrations';
import { agreementSchema, metaSchema, type Agreement } from '../src/shared/model/schema';
import { MODEL_VERSION } from '../src/shared/model/version';
import { canonicalJsonOf } from '../src/shared/signing/canonical';
import { CanonicalFormError, CANONICAL_V1_SHAPE, project } from '../src/shared/signing/canonicalForms';
import { exportDocx, verifyDocx } from '../src/main/core/document';
import { fingerprintOf, sha256Hex } from '../src/main/core/signing/fingerprint';
import { signatureProblem } from '../src/main/core/signing/integrity';
import { upgradeStoredModel } from '../src/main/core/modelUpgrade';
import { createActualsRepo } from '../src/main/db/actualsRepo';
import { createAgreementsRepo } from '../src/main/db/agreementsRepo';
import { openDatabase, type Db } from '../src/main/db/connection';
import { dataDirWithFixture, fixtureRows, fixtureSets, v2AsCurrent, type FixtureSet } from './support/modelFixtures';

/**
 * A model change made here, in the test: version MODEL_VERSION + 1 adds a REQUIRED field (the region an
 * agreement applies to). The fixtures written by older versions must still open through the longer list,
 * unchanged in meaning, and the signed one must still verify — its signatures, and its exported .docx.
 */
const FUTURE = MODEL_VERSION + 1;
const addRegion: ModelMigration = {
  version: FUTURE,
  description: 'meta.region, required (test only)',
  agreement: (a) => {
    const agreement = a as { meta: Record<string, unknown> };
    return { agreement: { ...agreement, meta: { ...agreement.meta, region: 'EU' } } };
  },
};
const futureMigrations = [...MODEL_MIGRATIONS, addRegion];
const futureSchema = agreementSchema.extend({ meta: metaSchema.extend({ region: z.string().min(1) }) });
type FutureAgreement = z.infer<typeof futureSchema>;

/** The future agreement as the current model knows it (the region removed), to compare meanings. */
const withoutRegion = (a: FutureAgreement): Agreement => {
  const { region: _region, ...meta } = a.meta;
  return { ...a, meta };
};

const opened: { db: Db; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The fixture database, upgraded with the future list: what an app of the next model version would do at start. */
function upgradedFixture(set: FixtureSet): Db {
  const dir = dataDirWithFixture(set);
  const db = openDatabase(join(dir, 'sla-workshop.db'));
  opened.push({ db, dir });
  let backups = 0;
  const report = upgradeStoredModel(
    db,
    { agreements: createAgreementsRepo(db), actuals: createActualsRepo(db) },
    { migrations: futureMigrations, schema: futureSchema, backup: () => backups++ },
  );
  expect(backups).toBe(1);
  expect(report.unreadable).toEqual([]);
  return db;
}

describe.each(fixtureSets())('after a model change made in the test, data written by $name', (set: FixtureSet) => {
  const { agreements: ids } = set.manifest;

  it('still opens: every stored agreement reads in the future model, unchanged in meaning', () => {
    const db = upgradedFixture(set);
    const rows = db.prepare<[], { id: string; model_version: number; data: string }>('SELECT id, model_version, data FROM agreements ORDER BY id').all();
    expect(rows.map((r) => r.model_version)).toEqual(rows.map(() => FUTURE));
    for (const row of rows) {
      const future = upgradeStoredAgreement(JSON.parse(row.data), row.model_version, { migrations: futureMigrations, schema: futureSchema }).agreement;
      expect(future.meta.region, row.id).toBe('EU');
      const original = fixtureRows(set).find((r) => r.id === row.id)!;
      // Read by the current model, the same row means the same thing.
      expect(withoutRegion(future), row.id).toEqual(upgradeStoredAgreement(JSON.parse(original.data), set.manifest.writtenBy.slawSchemaVersion).agreement);
      if (set.name === 'model-v2') expect(withoutRegion(future), row.id).toEqual(v2AsCurrent(original.data));
    }
    // The monthly actuals moved once, when the model before this one was reached, and stay put.
    expect(createActualsRepo(db).months(ids.signed.id).length).toBeGreaterThan(0);
  });

  it('its signed version still verifies: the recorded fingerprint, valid signatures, and a .docx that verifies', async () => {
    const db = upgradedFixture(set);
    const row = db.prepare<[string], { data: string; model_version: number }>('SELECT data, model_version FROM agreements WHERE id = ?').get(ids.signed.id)!;
    const future = upgradeStoredAgreement(JSON.parse(row.data), row.model_version, { migrations: futureMigrations, schema: futureSchema }).agreement;
    // The future model has a field no canonical form covers yet: old signatures hash exactly as before, each in
    // the canonical form it recorded (form 1 before model version 4, form 2 from it).
    const form = set.manifest.writtenBy.slawSchemaVersion >= 4 ? 2 : 1;
    expect(future.signatures.map((s) => [s.fingerprint, s.canonicalVersion])).toEqual(future.signatures.map(() => [ids.signed.fingerprint, form]));
    for (const s of future.signatures) expect(fingerprintOf(future, s.canonicalVersion)).toBe(ids.signed.fingerprint);
    expect(signatureProblem(future)).toBeNull();
    const { bytes } = await exportDocx(future, { appVersion: '9.9.9-future', lang: future.meta.language, now: new Date('2030-01-01T00:00:00Z') });
    expect(await verifyDocx(bytes)).toMatchObject({ status: 'match', fingerprint: ids.signed.fingerprint });
  });

  it('its .slaw files still open through the longer list, and a signed one keeps its fingerprint', () => {
    for (const file of set.slawFiles) {
      const envelope = JSON.parse(readFileSync(join(set.dir, file), 'utf8')) as { agreement: unknown; schemaVersion: number };
      const migrated = migrateModel({ agreement: envelope.agreement, actuals: [] }, envelope.schemaVersion, { migrations: futureMigrations });
      const future = futureSchema.parse(migrated.agreement);
      expect(future.meta.region, file).toBe('EU');
      for (const s of future.signatures) expect(fingerprintOf(future, s.canonicalVersion), file).toBe(s.fingerprint);
    }
  });
});

/**
 * The rule for a migration that RESHAPES a field a signature covers (docs/FORMAT.md, "Fingerprints across
 * migrations"): it must project the new shape back to the old canonical form, or the fixtures stop verifying.
 */
describe('a future migration that renames a signed field', () => {
  const set = fixtureSets().find((s) => s.name === 'model-v2')!;
  const row = fixtureRows(set).find((r) => r.id === set.manifest.agreements.signed.id)!;
  const current = upgradeStoredAgreement(JSON.parse(row.data), 2).agreement;
  // handoff.owner becomes handoff.responsible.
  const { owner, ...handoff } = current.handoff;
  const renamed = { ...current, handoff: { ...handoff, responsible: owner } };

  it('without a projection back, cannot be hashed in the old form: the fixture check names the field', () => {
    expect(() => fingerprintOf(renamed as unknown as Agreement, 1)).toThrow(CanonicalFormError);
    expect(() => fingerprintOf(renamed as unknown as Agreement, 1)).toThrow(/handoff\.owner/);
  });

  it('with the projection back to form 1, gives the recorded fingerprint', () => {
    const backToV1 = (a: typeof renamed) => {
      const { responsible, ...rest } = a.handoff;
      return { ...a, handoff: { ...rest, owner: responsible } };
    };
    expect(sha256Hex(canonicalJsonOf(project(backToV1(renamed), CANONICAL_V1_SHAPE)))).toBe(set.manifest.agreements.signed.fingerprint);
  });
});
