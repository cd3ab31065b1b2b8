import { CANONICAL_VERSION } from '../src/shared/model/version';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import type { Agreement } from '../src/shared/model/schema';
import { serializeSlaw } from '../src/shared/slaw/format';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

/**
 * The fields that tie versions together — id, status, version, the version a draft amends, the creation time —
 * are the core's. Neither a save nor an imported file can set them, so no draft can take over another
 * agreement's amendments or retire a signed version.
 */
describe.each(HOST_KINDS)('server-owned fields through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  const signers = (record: AgreementRecord) => record.agreement.participants.filter((p) => p.mustSign);
  async function signAll(record: AgreementRecord, from = 0): Promise<AgreementRecord> {
    let current = record;
    for (const signer of signers(record).slice(from)) {
      const input = {
        id: current.agreement.meta.id,
        revision: current.revision,
        participantId: signer.id,
        name: signer.name,
        jobTitle: signer.jobTitle,
        image: strokePngDataUrl(1),
        consent: true as const,
        fingerprint: fingerprintOf(current.agreement),
      };
      current = (await host.client.call('signing.sign', input)).record;
    }
    return current;
  }
  const statusOf = async (id: string) => (await host.client.call('agreements.get', { id })).agreement.meta.status;
  /** A signed agreement in force: what a hijacker would want to amend or retire. */
  const signedVictim = async () => signAll(await host.client.call('agreements.create', { source: 'example', language: 'en' }));

  it('a save keeps the stored id, status, version, link and creation time, whatever the draft claims', async () => {
    const victim = await signedVictim();
    const draft = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const claims: Agreement = {
      ...draft.agreement,
      meta: { ...draft.agreement.meta, amendsId: victim.agreement.meta.id, status: 'signed', version: 2, createdAt: '2001-01-01T00:00:00.000Z' },
    };
    const saved = await host.client.call('agreements.save', { id: draft.agreement.meta.id, revision: 1, agreement: claims });
    expect(saved.summary).toMatchObject({ status: 'draft', version: 1, createdAt: draft.agreement.meta.createdAt });
    const stored = await host.client.call('agreements.get', { id: draft.agreement.meta.id });
    expect(stored.agreement.meta).toMatchObject({ amendsId: null, status: 'draft', version: 1, createdAt: draft.agreement.meta.createdAt });

    // The victim's amendments are its own: amending it opens a new draft, and signing the hijacker retires nothing.
    const amendment = await host.client.call('agreements.amend', { id: victim.agreement.meta.id });
    expect(amendment.id).not.toBe(draft.agreement.meta.id);
    expect(await host.client.call('agreements.changes', { id: draft.agreement.meta.id })).toEqual({ base: null, changes: [] });
    await signAll(stored);
    expect(await statusOf(victim.agreement.meta.id)).toBe('signed');
  });

  it('a save of a real amendment cannot drop or move its link', async () => {
    const victim = await signedVictim();
    const other = await signedVictim();
    const amendment = await host.client.call('agreements.amend', { id: victim.agreement.meta.id });
    const opened = await host.client.call('agreements.get', { id: amendment.id });
    for (const amendsId of [null, other.agreement.meta.id]) {
      const current = await host.client.call('agreements.get', { id: amendment.id });
      await host.client.call('agreements.save', {
        id: amendment.id,
        revision: current.revision,
        agreement: { ...current.agreement, meta: { ...current.agreement.meta, amendsId } },
      });
      expect((await host.client.call('agreements.get', { id: amendment.id })).agreement.meta).toMatchObject({ amendsId: victim.agreement.meta.id, version: 2 });
    }
    expect(opened.agreement.meta.amendsId).toBe(victim.agreement.meta.id);
    await signAll(await host.client.call('agreements.get', { id: amendment.id }));
    expect(await statusOf(victim.agreement.meta.id)).toBe('superseded');
    expect(await statusOf(other.agreement.meta.id)).toBe('signed');
  });

  it('an imported draft amends nothing: it cannot become the open amendment of a signed agreement', async () => {
    const victim = await signedVictim();
    const blank = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const hostile: Agreement = {
      ...blank.agreement,
      meta: { ...blank.agreement.meta, id: 'hijacker', amendsId: victim.agreement.meta.id, version: 9, createdAt: '2001-01-01T00:00:00.000Z' },
      handoff: { ...blank.agreement.handoff, owner: 'The hijacker' },
    };
    const imported = await host.client.call('slaw.import', { content: serializeSlaw(hostile, 'test') });
    expect(imported).toMatchObject({ outcome: 'imported', summary: { id: 'hijacker', status: 'draft', version: 1 } });
    const stored = await host.client.call('agreements.get', { id: 'hijacker' });
    expect(stored.agreement.meta.amendsId).toBeNull();
    expect(stored.agreement.meta.createdAt).not.toBe('2001-01-01T00:00:00.000Z');
    expect(stored.agreement.handoff.owner).toBe('The hijacker');

    const amendment = await host.client.call('agreements.amend', { id: victim.agreement.meta.id });
    expect(amendment.id).not.toBe('hijacker');
    expect((await host.client.call('agreements.get', { id: amendment.id })).agreement.handoff.owner).toBe(victim.agreement.handoff.owner);
    await signAll(stored);
    expect(await statusOf(victim.agreement.meta.id)).toBe('signed');
  });

  it('an imported signed version keeps its meta but retires nothing, on import or when its last signer signs here', async () => {
    const victim = await signedVictim();
    const base = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    // A half-signed "version 7" claiming to amend the victim, consistently fingerprinted.
    const content: Agreement = { ...base.agreement, meta: { ...base.agreement.meta, id: 'claims-to-amend', amendsId: victim.agreement.meta.id, version: 7 } };
    const first = signers(base)[0]!;
    const signature = {
      id: 'sig-1',
      participantId: first.id,
      name: first.name,
      jobTitle: first.jobTitle,
      signedAt: '2027-01-01T10:00:00+01:00',
      image: strokePngDataUrl(2),
      device: 'elsewhere',
      fingerprint: fingerprintOf(content, CANONICAL_VERSION),
      canonicalVersion: CANONICAL_VERSION,
    };
    const file = serializeSlaw({ ...content, meta: { ...content.meta, status: 'signed' }, signatures: [signature] }, 'test');

    const imported = await host.client.call('slaw.import', { content: file });
    expect(imported).toMatchObject({ outcome: 'imported', summary: { id: 'claims-to-amend', status: 'signed', version: 7 } });
    expect((await host.client.call('agreements.get', { id: 'claims-to-amend' })).agreement.meta.amendsId).toBe(victim.agreement.meta.id);
    expect(await statusOf(victim.agreement.meta.id)).toBe('signed');

    // The remaining signer completes it here; the victim is version 1, not version 6: it stays in force.
    await signAll(await host.client.call('agreements.get', { id: 'claims-to-amend' }), 1);
    expect(await statusOf('claims-to-amend')).toBe('signed');
    expect(await statusOf(victim.agreement.meta.id)).toBe('signed');
  });

  it('a duplicate is a new first draft of its own, even of an amendment', async () => {
    const victim = await signedVictim();
    const amendment = await host.client.call('agreements.amend', { id: victim.agreement.meta.id });
    const copy = await host.client.call('agreements.duplicate', { id: amendment.id });
    expect(copy).toMatchObject({ status: 'draft', version: 1 });
    const stored = await host.client.call('agreements.get', { id: copy.id });
    expect(stored.agreement.meta.amendsId).toBeNull();
    expect(stored.agreement.signatures).toEqual([]);
    expect((await host.client.call('agreements.amend', { id: victim.agreement.meta.id })).id).toBe(amendment.id);
  });
});
