import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../src/shared/api/client';
import { upgradeStoredAgreement } from '../src/shared/model/migrations';
import { MODEL_VERSION } from '../src/shared/model/version';
import { parseSlaw } from '../src/shared/slaw/format';
import { createCore, type Core } from '../src/main/core/core';
import { createDirectTransport } from '../src/main/core/directTransport';
import { verifyDocx } from '../src/main/core/document';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { badSignatureImage, signatureProblem } from '../src/main/core/signing/integrity';
import { BACKUPS_DIR, listBackups } from '../src/main/db/backups';
import { dataDirWithFixture, fixtureRows, fixtureSets, v2AsCurrent, type FixtureSet } from './support/modelFixtures';
import { tempDir } from './support/tempDirs';

const NOW = () => new Date('2027-06-01T09:00:00.000Z');
const started: { core: Core; dataDir: string }[] = [];
afterEach(() => {
  for (const { core, dataDir } of started.splice(0)) {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function open(dataDir: string): { core: Core; client: ApiClient } {
  const core = createCore({ dataDir, appVersion: '9.9.9-fixtures', host: 'direct', now: NOW });
  started.push({ core, dataDir });
  return { core, client: createApiClient(createDirectTransport(core.dispatch)) };
}

/** Data written by every earlier model version still opens, means the same, and verifies (issue #12). */
describe.each(fixtureSets())('data written by $name', (set: FixtureSet) => {
  const { agreements: ids } = set.manifest;

  it('the database opens: every agreement reads in the current model, a backup of the old rows taken first', async () => {
    const { client, core } = open(dataDirWithFixture(set));
    const live = await client.call('agreements.list', {});
    expect(live.map((s) => s.id).sort()).toEqual([ids.signed.id, ids.amendment.id, ids.draft.id].sort());
    expect((await client.call('agreements.list', { trash: true })).map((s) => s.id)).toEqual([ids.trashed.id]);
    await client.call('agreements.restore', { id: ids.trashed.id });
    for (const { id, version, status } of Object.values(ids)) {
      const { agreement } = await client.call('agreements.get', { id });
      expect([agreement.meta.version, agreement.meta.status], id).toEqual([version, status]);
    }
    const rows = core.db.prepare<[], { model_version: number }>('SELECT model_version FROM agreements').all();
    expect(rows.every((r) => r.model_version === MODEL_VERSION)).toBe(true);
    // The backup taken before the upgrade holds the rows exactly as the old version wrote them.
    const old = new Map(fixtureRows(set).map((r) => [r.id, r.data]));
    const backups = listBackups(join(started.at(-1)!.dataDir, BACKUPS_DIR));
    const before = backups.find((b) => {
      const db = new Database(b.path, { readonly: true });
      try {
        return db
          .prepare<[], { id: string; data: string }>('SELECT id, data FROM agreements')
          .all()
          .every((r) => old.get(r.id) === r.data);
      } finally {
        db.close();
      }
    });
    expect(before, 'a backup with the rows as the old version stored them').toBeDefined();
  });

  it('the signed version still verifies: recorded fingerprint, valid signatures, and its exported .docx verifies', async () => {
    const { client } = open(dataDirWithFixture(set));
    const { agreement } = await client.call('agreements.get', { id: ids.signed.id });
    expect(fingerprintOf(agreement)).toBe(ids.signed.fingerprint);
    expect(agreement.signatures.map((s) => s.fingerprint)).toEqual(agreement.signatures.map(() => ids.signed.fingerprint));
    expect([signatureProblem(agreement), badSignatureImage(agreement)]).toEqual([null, null]);
    const docx = await client.call('document.export', { id: ids.signed.id, digitalSignature: false });
    expect(await verifyDocx(Buffer.from(docx.base64, 'base64'))).toMatchObject({
      status: 'match',
      fingerprint: ids.signed.fingerprint,
      signers: agreement.signatures.length,
    });
    const changes = await client.call('agreements.changes', { id: ids.amendment.id });
    expect(changes.base).toEqual({ id: ids.signed.id, version: 1, fingerprint: ids.signed.fingerprint });
    expect(changes.changes.length).toBeGreaterThan(0);
  });

  it('every committed signed fixture, file or row, hashes after all migrations to the fingerprint its signatures recorded', () => {
    const signed: { where: string; json: unknown; version: number }[] = [
      ...fixtureRows(set).map((r) => ({ where: `row ${r.id}`, json: JSON.parse(r.data) as unknown, version: set.manifest.writtenBy.slawSchemaVersion })),
    ];
    for (const file of set.slawFiles) {
      const envelope = JSON.parse(readFileSync(join(set.dir, file), 'utf8')) as { agreement: unknown; schemaVersion: number };
      signed.push({ where: file, json: envelope.agreement, version: envelope.schemaVersion });
    }
    let checked = 0;
    for (const { where, json, version } of signed) {
      const { agreement } = upgradeStoredAgreement(json, version);
      for (const s of agreement.signatures) {
        expect(fingerprintOf(agreement, s.canonicalVersion), where).toBe(s.fingerprint);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('its .slaw files still import, with their monthly actuals, and a signed one keeps its fingerprint', async () => {
    const { client } = open(tempDir('sla-fixture-import-'));
    for (const file of set.slawFiles) {
      const content = readFileSync(join(set.dir, file), 'utf8');
      const { agreement, actuals } = parseSlaw(content);
      const imported = await client.call('slaw.import', { content });
      expect(imported.outcome, file).toBe('imported');
      const stored = await client.call('agreements.get', { id: imported.summary.id });
      if (agreement.signatures.length) expect(fingerprintOf(stored.agreement), file).toBe(agreement.signatures[0]?.fingerprint);
      expect((await client.call('actuals.get', { id: imported.summary.id })).months, file).toEqual(actuals);
    }
  });
});

/** What model version 2 meant, written out by hand: the upgrade must give exactly this back. */
describe('model version 2 data, read by the current model', () => {
  const set = fixtureSets().find((s) => s.name === 'model-v2');
  if (!set) throw new Error('the model-v2 fixtures are missing');
  const { agreements: ids } = set.manifest;

  it('every agreement means the same: its content unchanged, only the actuals moved out, signatures marked canonical form 1 and the terms (model 4) unset', async () => {
    const { client } = open(dataDirWithFixture(set));
    for (const row of fixtureRows(set)) {
      if (row.deleted_at !== null) await client.call('agreements.restore', { id: row.id });
      expect((await client.call('agreements.get', { id: row.id })).agreement, row.id).toEqual(v2AsCurrent(row.data));
    }
    for (const file of set.slawFiles) {
      const envelope = JSON.parse(readFileSync(join(set.dir, file), 'utf8')) as { agreement: unknown };
      expect(parseSlaw(readFileSync(join(set.dir, file), 'utf8')).agreement, file).toEqual(v2AsCurrent(JSON.stringify(envelope.agreement)));
    }
  });

  it('the monthly actuals of a lineage are together: the amendment’s month wins, a figure with no stage is kept under its key', async () => {
    const { client } = open(dataDirWithFixture(set));
    const rows = new Map(
      fixtureRows(set).map((r) => [
        r.id,
        JSON.parse(r.data) as { actuals: Record<string, number | null | string>[]; lifecycle: { stages: { id: string; key: string }[] } },
      ]),
    );
    const signed = await client.call('actuals.get', { id: ids.signed.id });
    expect(await client.call('actuals.get', { id: ids.amendment.id })).toEqual(signed);
    expect(signed.lineageId).toBe(ids.signed.id);
    const amendment = rows.get(ids.amendment.id)!;
    expect(signed.months.map((m) => m.month)).toEqual(amendment.actuals.map((m) => m.month));
    const keyOf = new Map(amendment.lifecycle.stages.map((s) => [s.id, s.key]));
    const field: Record<string, string> = { lead: 'leads', mql: 'mqls', sql: 'sqls', opportunity: 'opportunities', customer: 'customers' };
    for (const [i, m] of signed.months.entries()) {
      const old = amendment.actuals[i]!;
      for (const s of m.stages) expect(s.count, `${m.month} ${keyOf.get(s.stageId)}`).toBe(old[field[keyOf.get(s.stageId)!]!]);
      expect([m.revenue, m.medianHoursToFirstContact, m.pctContactedWithinSla]).toEqual([
        old.revenue,
        old.medianHoursToFirstContact,
        old.pctContactedWithinSla,
      ]);
    }

    const draft = await client.call('actuals.get', { id: ids.draft.id });
    const old = rows.get(ids.draft.id)!.actuals[0]!;
    expect(draft.months).toHaveLength(1);
    expect(draft.months[0]?.unmatchedStages).toEqual([{ key: 'opportunity', count: old.opportunities }]);
    expect(await client.call('agreements.restore', { id: ids.trashed.id }).then(() => client.call('actuals.get', { id: ids.trashed.id }))).toMatchObject({
      revision: 0,
      months: [],
    });
  });
});
