import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strokePngDataUrl } from '../../../test/support/png';
import { startHost, type HostUnderTest } from '../../../test/support/hosts';
import type { AgreementChanged } from '../../shared/api/events';
import { serializeSlaw } from '../../shared/slaw/format';
import { createExample } from '../../shared/model/example';
import { createAgreementsRepo } from '../db/agreementsRepo';
import { announceWrites, REPO_METHODS } from './announceWrites';
import { createCoreEvents } from './coreEvents';

/** Lets the microtask that announces committed writes run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('core change events', () => {
  let host: HostUnderTest;
  let seen: AgreementChanged[];
  /** What a listener could read at the moment it was told: the stored revision. */
  let storedWhenTold: (number | null)[];

  beforeEach(async () => {
    host = await startHost('direct');
    seen = [];
    storedWhenTold = [];
    host.core.events.on('agreementChanged', (event) => {
      seen.push(event);
      const row = host.core.db.prepare<[string], { revision: number }>('SELECT revision FROM agreements WHERE id = ?').get(event.id);
      storedWhenTold.push(row?.revision ?? null);
    });
  });
  afterEach(() => host.close());

  async function created(): Promise<string> {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    await settle();
    seen.length = 0;
    storedWhenTold.length = 0;
    return agreement.meta.id;
  }

  it('announces a save after it is committed, with the new revision', async () => {
    const id = await created();
    const { agreement } = await host.client.call('agreements.get', { id });
    await host.client.call('agreements.save', { id, revision: 1, agreement: { ...agreement, notes: { ...agreement.notes, icp: 'x' } } });
    await settle();
    expect(seen).toEqual([{ id, revision: 2 }]);
    expect(storedWhenTold).toEqual([2]);
  });

  it('announces nothing for a refused (stale) save', async () => {
    const id = await created();
    const { agreement } = await host.client.call('agreements.get', { id });
    const stale = await host.client.send('agreements.save', { id, revision: 7, agreement });
    await settle();
    expect(stale.ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('announces renames, the trash and restores (a trashed agreement has no editable revision)', async () => {
    const id = await created();
    await host.client.call('agreements.rename', { id, title: 'Renamed' });
    await settle();
    await host.client.call('agreements.trash', { id });
    await settle();
    await host.client.call('agreements.restore', { id });
    await settle();
    await host.client.call('agreements.trash', { id });
    await settle();
    await host.client.call('agreements.purge', { id });
    await settle();
    expect(seen).toEqual([
      { id, revision: 2 },
      { id, revision: null },
      { id, revision: 2 },
      { id, revision: null },
      { id, revision: null },
    ]);
  });

  it('announces new agreements from create, duplicate, import and amend', async () => {
    const id = await created();
    const copy = await host.client.call('agreements.duplicate', { id });
    const imported = await host.client.call('slaw.import', { content: serializeSlaw(createExample('es'), '9.9.9', new Date()) });
    await settle();
    expect(seen).toEqual([
      { id: copy.id, revision: 1 },
      { id: imported.summary.id, revision: 1 },
    ]);
  });

  it('announces each signature, and the superseded version when an amendment is fully signed', async () => {
    const id = await created();
    const sign = async (target: string) => {
      const { agreement, revision } = await host.client.call('agreements.get', { id: target });
      for (const [n, signer] of agreement.participants.filter((p) => p.mustSign).entries()) {
        const current = n === 0 ? revision : (await host.client.call('agreements.get', { id: target })).revision;
        const { fingerprint } = await host.client.call('signing.preview', { id: target });
        await host.client.call('signing.sign', {
          id: target,
          revision: current,
          participantId: signer.id,
          name: signer.name,
          jobTitle: signer.jobTitle,
          image: strokePngDataUrl(n),
          consent: true,
          fingerprint,
        });
      }
    };
    await sign(id);
    await settle();
    expect(seen).toEqual([
      { id, revision: 2 },
      { id, revision: 3 },
    ]);
    seen.length = 0;
    const amendment = await host.client.call('agreements.amend', { id });
    await settle();
    expect(seen).toEqual([{ id: amendment.id, revision: 1 }]);
    seen.length = 0;
    await sign(amendment.id);
    await settle();
    expect(seen).toContainEqual({ id, revision: 4 });
    expect(seen).toContainEqual({ id: amendment.id, revision: 3 });
  });

  it('keeps dispatching and telling other listeners when one listener throws', async () => {
    const id = await created();
    host.core.events.on('agreementChanged', () => {
      throw new Error('listener bug');
    });
    const later: AgreementChanged[] = [];
    host.core.events.on('agreementChanged', (event) => later.push(event));
    const result = await host.client.send('agreements.rename', { id, title: 'Still works' });
    await settle();
    expect(result.ok).toBe(true);
    expect(later).toEqual([{ id, revision: 2 }]);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const id = await created();
    const events = createCoreEvents();
    const got: AgreementChanged[] = [];
    const off = events.on('agreementChanged', (event) => got.push(event));
    events.emit('agreementChanged', { id, revision: 1 });
    off();
    events.emit('agreementChanged', { id, revision: 2 });
    expect(got).toEqual([{ id, revision: 1 }]);
  });

  it('costs nothing when nobody listens (the CLI, browser mode)', async () => {
    const repo = createAgreementsRepo(host.core.db);
    let reads = 0;
    const counted = { ...repo, summary: (id: string) => (reads++, repo.summary(id)) };
    const events = createCoreEvents();
    const announced = announceWrites(counted, events);
    const row = repo.get((await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id)!;
    announced.update({ ...row, revision: row.revision + 1 }, row.revision);
    await settle();
    expect(reads).toBe(0);
    const seen: AgreementChanged[] = [];
    events.on('agreementChanged', (event) => seen.push(event));
    announced.update({ ...row, revision: row.revision + 2 }, row.revision + 1);
    await settle();
    expect([reads, seen]).toEqual([1, [{ id: row.id, revision: row.revision + 2 }]]);
  });

  it('wraps every repository method that writes, and only those', () => {
    const repo = createAgreementsRepo(host.core.db);
    const announced = announceWrites(repo, createCoreEvents());
    expect(Object.keys(REPO_METHODS).sort()).toEqual(Object.keys(repo).sort());
    for (const [name, kind] of Object.entries(REPO_METHODS) as [keyof typeof repo, 'read' | 'write'][]) {
      expect(announced[name] !== repo[name], name).toBe(kind === 'write');
    }
  });
});
