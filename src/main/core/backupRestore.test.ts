import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedExample } from '../../../test/support/signedExample';
import { useTempDirs } from '../../../test/support/tempDirs';
import { emptyMonth } from '../../shared/actuals/store';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { serializeSlaw } from '../../shared/slaw/format';
import { createCore, type Core } from './core';
import { DATABASE_FILE } from './dataDir';
import { createDirectTransport } from './directTransport';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function start(dataDir: string): { core: Core; client: ApiClient } {
  let t = Date.parse('2026-11-20T09:00:00.000Z');
  const core = createCore({ dataDir, appVersion: 'test', host: 'direct', now: () => new Date((t += 60_000)) });
  cores.push(core);
  return { core, client: createApiClient(createDirectTransport(core.dispatch)) };
}
const stop = () => cores.pop()?.close();

function garble(dataDir: string, id: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.prepare("UPDATE agreements SET data = CAST(substr(CAST(data AS BLOB), 1, 60) || X'00' || substr(CAST(data AS BLOB), 62) AS TEXT) WHERE id = ?").run(id);
  db.close();
}

/** A data folder with a draft and a signed version, a backup of both, then one more change. */
function seeded() {
  const dataDir = tempDir('sla-restore-');
  const { core, client } = start(dataDir);
  const draft = core.agreements.create('example', 'en', 'The draft').agreement;
  const signed = core.agreements.importSlaw(serializeSlaw(signedExample('es'), 'test')).summary;
  const backup = core.backups.takeNow();
  if (!backup) throw new Error(`no backup: ${core.backups.lastError()}`);
  core.agreements.rename(draft.meta.id, 'The draft, renamed after the backup');
  stop();
  return { dataDir, client, draftId: draft.meta.id, signedId: signed.id, backup };
}

describe('restoring one agreement from a backup', () => {
  it('replaces a current copy that cannot be read, in place, signed as it was, and the start-up report stops listing it', async () => {
    const s = seeded();
    garble(s.dataDir, s.signedId);
    const { client } = start(s.dataDir);
    const report = await client.call('app.startupReport', {});
    expect(report.unreadable).toEqual([
      { id: s.signedId, title: expect.any(String), problem: 'not_json', backup: { name: s.backup.name, takenAt: s.backup.takenAt } },
    ]);
    expect((await client.send('agreements.get', { id: s.signedId })).ok).toBe(false);

    const listed = await client.call('backups.agreements', { backup: s.backup.name });
    expect(listed.find((a) => a.id === s.signedId)).toMatchObject({ readable: true, outcome: 'replace', status: 'signed' });
    expect(listed.find((a) => a.id === s.draftId)).toMatchObject({ readable: true, outcome: 'copy', title: 'The draft' });

    const restored = await client.call('backups.restoreAgreement', { backup: s.backup.name, id: s.signedId });
    expect(restored).toMatchObject({ outcome: 'replace', summary: { id: s.signedId, status: 'signed', revision: 2 } });
    const record = await client.call('agreements.get', { id: s.signedId });
    expect(record.agreement.signatures).toHaveLength(2);
    expect((await client.call('app.startupReport', {})).unreadable).toEqual([]);
    expect(await client.call('agreements.list', {})).toHaveLength(2);
  });

  it('adds the backup’s version as a new draft beside a current copy that reads fine, and says so', async () => {
    const s = seeded();
    const { client } = start(s.dataDir);
    const restored = await client.call('backups.restoreAgreement', { backup: s.backup.name, id: s.signedId });
    expect(restored.outcome).toBe('copy');
    expect(restored.summary.id).not.toBe(s.signedId);
    expect(restored.summary).toMatchObject({ status: 'draft', version: 1, revision: 1 });
    expect(restored.summary.title).toMatch(/\(recuperado de la copia de seguridad del 2026-11-20\)$/);
    const copy = await client.call('agreements.get', { id: restored.summary.id });
    expect(copy.agreement.signatures).toEqual([]);
    expect(copy.agreement.meta.amendsId).toBeNull();
    // The current versions are untouched.
    expect((await client.call('agreements.get', { id: s.draftId })).agreement.meta.title).toBe('The draft, renamed after the backup');
    expect((await client.call('agreements.get', { id: s.signedId })).agreement.signatures).toHaveLength(2);
  });

  it('adds back an agreement that is no longer in the database, with its own id', async () => {
    const s = seeded();
    const { client } = start(s.dataDir);
    await client.call('agreements.trash', { id: s.draftId });
    await client.call('agreements.purge', { id: s.draftId });
    expect((await client.call('backups.agreements', { backup: s.backup.name })).find((a) => a.id === s.draftId)?.outcome).toBe('add');
    const restored = await client.call('backups.restoreAgreement', { backup: s.backup.name, id: s.draftId });
    expect(restored).toMatchObject({ outcome: 'add', summary: { id: s.draftId, title: 'The draft' } });
  });

  it('brings back the monthly actuals the backup kept for the agreement’s lineage, with the agreement', async () => {
    const dataDir = tempDir('sla-restore-actuals-');
    const { core, client } = start(dataDir);
    const { id } = core.agreements.create('example', 'en', 'With actuals').agreement.meta;
    const months = [
      { ...emptyMonth('2026-09'), revenue: 41_000, notes: 'Trade fair month' },
      { ...emptyMonth('2026-10'), revenue: 52_500 },
    ];
    await client.call('actuals.save', { id, revision: 0, months });
    const backup = core.backups.takeNow();
    if (!backup) throw new Error(`no backup: ${core.backups.lastError()}`);
    await client.call('agreements.trash', { id });
    await client.call('agreements.purge', { id });
    expect((await client.send('actuals.get', { id })).ok).toBe(false);
    const restored = await client.call('backups.restoreAgreement', { backup: backup.name, id });
    expect(restored.outcome).toBe('add');
    expect((await client.call('actuals.get', { id })).months).toEqual(months);
  });

  it('lists the backups, newest first, with what their check found', async () => {
    const s = seeded();
    const { client } = start(s.dataDir);
    const backups = await client.call('backups.list', {});
    expect(backups[0]).toEqual({ name: expect.any(String), takenAt: expect.any(String), size: expect.any(Number), ok: true, agreements: 2, unreadable: 0 });
    expect(backups.map((b) => b.name)).toContain(s.backup.name);
    expect(backups.map((b) => b.takenAt)).toEqual([...backups.map((b) => b.takenAt)].sort().reverse());
  });

  it('refuses a path or any other name than a backup’s, an agreement the backup lacks, and a copy that does not read there either', async () => {
    const s = seeded();
    const { client } = start(s.dataDir);
    for (const backup of ['../sla-workshop.db', '/etc/passwd', 'sla-workshop.db', `${s.backup.name}/..`, `../backups/${s.backup.name}`]) {
      expect(await client.send('backups.restoreAgreement', { backup, id: s.draftId }), backup).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
      expect(await client.send('backups.agreements', { backup }), backup).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(await client.send('backups.agreements', { backup: 'sla-workshop-2000-01-01T00-00-00.000Z.db' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(await client.send('backups.restoreAgreement', { backup: s.backup.name, id: 'not-there' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    stop();
    garble(s.dataDir, s.draftId);
    const db = new Database(s.backup.path);
    db.prepare("UPDATE agreements SET data = '{' WHERE id = ?").run(s.draftId);
    db.close();
    const again = start(s.dataDir).client;
    expect(await again.send('backups.restoreAgreement', { backup: s.backup.name, id: s.draftId })).toMatchObject({
      ok: false,
      error: { kind: 'storage', params: { detail: 'corrupt_row' } },
    });
  });
});
