import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../src/shared/api/client';
import { AppError } from '../src/shared/api/errors';
import { createCore, type Core } from '../src/main/core/core';
import { DATABASE_FILE } from '../src/main/core/dataDir';
import { createDirectTransport } from '../src/main/core/directTransport';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { signatureProblem } from '../src/main/core/signing/integrity';
import { BACKUPS_DIR, listBackups } from '../src/main/db/backups';
import { MODEL_VERSION } from '../src/shared/model/version';
import { dataDirWithFixture, fixtureRows, fixtureSets, type FixtureSet } from './support/modelFixtures';

/**
 * The backup taken before a model upgrade holds rows in the OLD model. It must stay a real copy: checked as
 * readable (not reported as damage), and an agreement restored from it comes back upgraded, still verifying,
 * in its lineage and with its lineage's monthly actuals.
 */

const NOW = () => new Date('2027-06-01T09:00:00.000Z');
const started: Core[] = [];
afterEach(() => {
  for (const core of started.splice(0)) core.close();
});

function open(dataDir: string): { core: Core; client: ApiClient } {
  const core = createCore({ dataDir, appVersion: '9.9.9-fixtures', host: 'direct', now: NOW });
  started.push(core);
  return { core, client: createApiClient(createDirectTransport(core.dispatch)) };
}

/** The backup whose rows are exactly those the old version stored. */
function preUpgradeBackup(set: FixtureSet, dataDir: string): string {
  const old = new Map(fixtureRows(set).map((r) => [r.id, r.data]));
  const found = listBackups(join(dataDir, BACKUPS_DIR)).find((b) => {
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
  if (!found) throw new Error('no backup of the rows before the upgrade');
  return found.name;
}

describe.each(fixtureSets())('the backup taken before upgrading $name', (set: FixtureSet) => {
  const { agreements: ids } = set.manifest;

  it('is checked as a good copy: every agreement in it reads, and nothing is reported unreadable', async () => {
    const dataDir = dataDirWithFixture(set);
    const { client } = open(dataDir);
    const name = preUpgradeBackup(set, dataDir);
    expect((await client.call('backups.list', {})).find((b) => b.name === name)).toMatchObject({ ok: true, agreements: 4, unreadable: 0 });
    const inside = await client.call('backups.agreements', { backup: name });
    expect(inside.map((a) => [a.id, a.readable]).sort()).toEqual(
      Object.values(ids)
        .map((a) => [a.id, true])
        .sort(),
    );
    expect((await client.call('app.startupReport', {})).unreadable).toEqual([]);
  });

  it('gives back a damaged signed version upgraded, still verifying, with its lineage’s months', async () => {
    const dataDir = dataDirWithFixture(set);
    let { core, client } = open(dataDir);
    const name = preUpgradeBackup(set, dataDir);
    const months = await client.call('actuals.get', { id: ids.signed.id });
    expect(months.months.length).toBeGreaterThan(0);
    core.close();
    started.pop();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare("UPDATE agreements SET data = '{\"cut short' WHERE id = ?").run(ids.signed.id);
    db.close();

    ({ core, client } = open(dataDir));
    expect((await client.call('app.startupReport', {})).unreadable.map((u) => u.id)).toEqual([ids.signed.id]);
    const restored = await client.call('backups.restoreAgreement', { backup: name, id: ids.signed.id });
    expect(restored.outcome).toBe('replace');
    const { agreement } = await client.call('agreements.get', { id: ids.signed.id });
    expect([fingerprintOf(agreement), signatureProblem(agreement)]).toEqual([ids.signed.fingerprint, null]);
    const row = core.db
      .prepare<[string], { model_version: number; lineage_id: string }>('SELECT model_version, lineage_id FROM agreements WHERE id = ?')
      .get(ids.signed.id);
    expect(row).toEqual({ model_version: MODEL_VERSION, lineage_id: ids.signed.id });
    expect(await client.call('actuals.get', { id: ids.signed.id })).toEqual(months);
  });

  it('adds back a purged amendment in the lineage of the version it amends, its months kept', async () => {
    const dataDir = dataDirWithFixture(set);
    const { client } = open(dataDir);
    const name = preUpgradeBackup(set, dataDir);
    const months = await client.call('actuals.get', { id: ids.signed.id });
    await client.call('agreements.trash', { id: ids.amendment.id });
    await client.call('agreements.purge', { id: ids.amendment.id });
    const restored = await client.call('backups.restoreAgreement', { backup: name, id: ids.amendment.id });
    expect(restored.outcome).toBe('add');
    const after = await client.call('actuals.get', { id: ids.amendment.id });
    expect(after.lineageId).toBe(ids.signed.id);
    expect(after.months).toEqual(months.months);
  });

  it('brings back the months an old row held when its whole lineage was purged since', async () => {
    const dataDir = dataDirWithFixture(set);
    const { client } = open(dataDir);
    const name = preUpgradeBackup(set, dataDir);
    const months = (await client.call('actuals.get', { id: ids.draft.id })).months;
    expect(months.length).toBeGreaterThan(0);
    await client.call('agreements.trash', { id: ids.draft.id });
    await client.call('agreements.purge', { id: ids.draft.id });
    expect((await client.call('backups.restoreAgreement', { backup: name, id: ids.draft.id })).outcome).toBe('add');
    expect((await client.call('actuals.get', { id: ids.draft.id })).months).toEqual(months);
  });

  it('is required: when it cannot be taken the app does not start and no row is rewritten', () => {
    const dataDir = dataDirWithFixture(set);
    // A file where the backups folder should be: no backup can be written.
    writeFileSync(join(dataDir, BACKUPS_DIR), 'not a folder');
    let thrown: unknown;
    try {
      open(dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'storage', params: { reason: 'upgrade_backup_failed' } });
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db.prepare<[], { id: string; data: string }>('SELECT id, data FROM agreements ORDER BY id').all();
      expect(rows).toEqual(fixtureRows(set).map((r) => ({ id: r.id, data: r.data })));
    } finally {
      db.close();
    }
  });
});
