import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpName } from '../src/shared/api/contract';
import { createTranslator, describeError } from '../src/shared/i18n';
import { serializeSlaw, SLAW_SCHEMA_VERSION } from '../src/shared/slaw/format';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';

/** The same behaviour, operation by operation, whichever host carries the call. */
describe.each(HOST_KINDS)('the API through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  it('reports what it is', async () => {
    const info = await host.client.call('app.info', {});
    expect(info).toMatchObject({ appVersion: '9.9.9-test', schemaVersion: SLAW_SCHEMA_VERSION, dataDir: host.dataDir });
  });

  it('reports a normal start: nothing recovered, the start-up backup taken', async () => {
    const report = await host.client.call('app.startupReport', {});
    expect(report).toEqual({ recovery: null, backups: { count: 1, newest: expect.any(String), failed: null }, unreadable: [] });
    expect(await host.raw('app.startupReport', { extra: true })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('creates blank and example agreements and lists them by last edit', async () => {
    const blank = await host.client.call('agreements.create', { source: 'blank', language: 'es', title: 'Taller Q1' });
    expect(blank.revision).toBe(1);
    expect(blank.agreement.meta).toMatchObject({ title: 'Taller Q1', language: 'es', status: 'draft' });
    await new Promise((r) => setTimeout(r, 5));
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const list = await host.client.call('agreements.list', {});
    expect(list.map((s) => s.id)).toEqual([example.agreement.meta.id, blank.agreement.meta.id]);
    expect(list[0]).toMatchObject({ company: 'Nortia Analytics', stepsComplete: 8, stepsTotal: 8 });
    expect(list[1]).toMatchObject({ title: 'Taller Q1', stepsComplete: 0 });
  });

  it('searches by title and by company, case-insensitively, with wildcards taken literally', async () => {
    await host.client.call('agreements.create', { source: 'example', language: 'en' });
    await host.client.call('agreements.create', { source: 'blank', language: 'en', title: '100% alignment' });
    expect((await host.client.call('agreements.list', { query: 'nortia' })).map((s) => s.company)).toEqual(['Nortia Analytics']);
    expect((await host.client.call('agreements.list', { query: '100%' })).map((s) => s.title)).toEqual(['100% alignment']);
    expect(await host.client.call('agreements.list', { query: '_' })).toEqual([]);
  });

  it('saves with optimistic concurrency and refuses a stale revision', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const edited = { ...agreement, icp: { ...agreement.icp, company: { ...agreement.icp.company, industry: 'Retail' } } };
    const saved = await host.client.call('agreements.save', { id: agreement.meta.id, revision: 1, agreement: edited });
    expect(saved.revision).toBe(2);
    const stale = await host.client.send('agreements.save', {
      id: agreement.meta.id,
      revision: 1,
      agreement: { ...edited, notes: { ...edited.notes, icp: 'lost?' } },
    });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'stale_revision', params: { current: 2 } } });
    const record = await host.client.call('agreements.get', { id: agreement.meta.id });
    expect(record.revision).toBe(2);
    expect(record.agreement.icp.company.industry).toBe('Retail');
    expect(record.agreement.notes.icp).toBe('');
  });

  it('refuses invalid input before any service runs, naming the field', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const bad = await host.raw('agreements.save', { id: agreement.meta.id, revision: 1, agreement: { ...agreement, kpis: 'many' } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_input', issues: [{ path: 'agreement.kpis', code: 'invalid_type' }] } });
    expect((await host.client.call('agreements.get', { id: agreement.meta.id })).revision).toBe(1);
    expect(await host.raw('agreements.rename', { id: agreement.meta.id, title: '   ' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await host.raw('no.such.operation' as OpName, {})).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await host.raw('agreements.list', { query: 5, extra: true })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('answers not_found for a missing agreement, without internals', async () => {
    const reply = await host.client.send('agreements.get', { id: 'does-not-exist' });
    expect(reply).toEqual({ ok: false, error: { kind: 'not_found', message: 'Agreement does-not-exist not found', params: { id: 'does-not-exist' } } });
    expect(JSON.stringify(reply)).not.toMatch(/at .*\.ts|Error:|stack/);
  });

  it('duplicates and renames', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const copy = await host.client.call('agreements.duplicate', { id: agreement.meta.id });
    expect(copy.id).not.toBe(agreement.meta.id);
    expect(copy.title).toBe(`${agreement.meta.title} (copia)`);
    const renamed = await host.client.call('agreements.rename', { id: copy.id, title: '  SLA 2028  ' });
    expect(renamed).toMatchObject({ title: 'SLA 2028', revision: 2 });
    expect((await host.client.call('agreements.get', { id: copy.id })).agreement.meta.title).toBe('SLA 2028');
    expect((await host.client.call('agreements.get', { id: agreement.meta.id })).agreement.meta.title).toBe(agreement.meta.title);
  });

  it('moves to the trash, restores, and purges only from the trash', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const id = agreement.meta.id;
    expect(await host.client.send('agreements.purge', { id })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const trashed = await host.client.call('agreements.trash', { id });
    expect(trashed.deletedAt).not.toBeNull();
    expect(await host.client.call('agreements.list', {})).toEqual([]);
    expect((await host.client.call('agreements.list', { trash: true })).map((s) => s.id)).toEqual([id]);
    expect(await host.client.send('agreements.get', { id })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    await host.client.call('agreements.restore', { id });
    expect((await host.client.call('agreements.list', {})).map((s) => s.id)).toEqual([id]);
    await host.client.call('agreements.trash', { id });
    expect(await host.client.call('agreements.purge', { id })).toEqual({ id });
    expect(await host.client.call('agreements.list', { trash: true })).toEqual([]);
  });

  it('lists backups and restores one agreement from one, refusing a path for a backup name', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = agreement.meta.id;
    const taken = host.core.backups.takeNow();
    expect(taken).not.toBeNull();
    const backups = await host.client.call('backups.list', {});
    expect(backups[0]).toMatchObject({ name: taken!.name, ok: true, agreements: 1, unreadable: 0 });
    expect(await host.client.call('backups.agreements', { backup: taken!.name })).toEqual([expect.objectContaining({ id, readable: true, outcome: 'copy' })]);
    const restored = await host.client.call('backups.restoreAgreement', { backup: taken!.name, id });
    expect(restored.outcome).toBe('copy');
    expect(await host.client.call('agreements.list', {})).toHaveLength(2);
    expect(await host.raw('backups.agreements', { backup: '../sla-workshop.db' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await host.raw('backups.restoreAgreement', { backup: taken!.name, id, extra: 1 })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('exports to .slaw and imports it back as a new agreement when the id is taken', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const file = await host.client.call('slaw.export', { id: agreement.meta.id });
    expect(file.fileName).toBe('Marketing-Sales-SLA-2027.slaw');
    const imported = await host.client.call('slaw.import', { content: file.content });
    expect(imported.outcome).toBe('new_id');
    expect(imported.summary.id).not.toBe(agreement.meta.id);
    const copy = await host.client.call('agreements.get', { id: imported.summary.id });
    // The core sets the id and dates of an imported draft; the content is the file's, all of it.
    const { id, createdAt, updatedAt } = agreement.meta;
    expect({ ...copy.agreement, meta: { ...copy.agreement.meta, id, createdAt, updatedAt } }).toEqual(agreement);
  });

  it('imports nothing from a bad file and says why, in both languages', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const good = JSON.parse(serializeSlaw(agreement, '1')) as { schemaVersion: number; agreement: { meta: Record<string, unknown> } };
    const cases: [string, string][] = [
      ['not json at all', 'invalid_file'],
      [JSON.stringify({ ...good, schemaVersion: 99 }), 'unsupported_version'],
      [JSON.stringify({ ...good, agreement: { ...good.agreement, meta: { ...good.agreement.meta, title: 42 } } }), 'invalid_file'],
      [JSON.stringify({ ...good, agreement: { ...good.agreement, meta: { ...good.agreement.meta, title: 'x'.repeat(5000) } } }), 'invalid_file'],
      [JSON.stringify({ ...good, extra: true }), 'invalid_file'],
    ];
    for (const [content, expectedKind] of cases) {
      const reply = await host.client.send('slaw.import', { content });
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.kind).toBe(expectedKind);
      expect(describeError(createTranslator('es'), reply.error)).not.toMatch(/errors\./);
    }
    expect((await host.client.call('agreements.list', {})).map((s) => s.id)).toEqual([agreement.meta.id]);
  });
});
