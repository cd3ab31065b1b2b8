import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { createTranslator, describeError } from '../src/shared/i18n';
import type { Agreement } from '../src/shared/model/schema';
import { parseSlaw, serializeSlaw } from '../src/shared/slaw/format';
import { verifyDocx } from '../src/main/core/document';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

/**
 * The identity rules of docs/FORMAT.md: a signed version keeps its id wherever it goes (the id is part of its
 * fingerprint), so a copy is either the same version — recognised, merged — or an unsigned draft copy.
 */
describe.each(HOST_KINDS)('importing signed copies through the %s host', (kind) => {
  let here: HostUnderTest;
  let there: HostUnderTest;
  beforeEach(async () => {
    [here, there] = await Promise.all([startHost(kind), startHost(kind)]);
  });
  afterEach(async () => {
    await Promise.all([here.close(), there.close()]);
  });

  const signers = (record: AgreementRecord) => record.agreement.participants.filter((p) => p.mustSign);
  async function sign(host: HostUnderTest, record: AgreementRecord, index: number, seed = index): Promise<AgreementRecord> {
    const signer = signers(record)[index];
    if (!signer) throw new Error(`no signer ${index}`);
    const input = {
      id: record.agreement.meta.id,
      revision: record.revision,
      participantId: signer.id,
      name: signer.name,
      jobTitle: signer.jobTitle,
      image: strokePngDataUrl(seed),
      consent: true as const,
      fingerprint: fingerprintOf(record.agreement),
    };
    return (await host.client.call('signing.sign', input)).record;
  }
  const exported = async (host: HostUnderTest, id: string) => (await host.client.call('slaw.export', { id })).content;
  const verified = async (host: HostUnderTest, id: string) =>
    verifyDocx(Buffer.from((await host.client.call('document.export', { id, digitalSignature: false })).base64, 'base64'));
  const count = async (host: HostUnderTest) =>
    (await host.client.call('agreements.list', {})).length + (await host.client.call('agreements.list', { trash: true })).length;

  it('importing the same signed file twice keeps one verifiable version, and says it was already there', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'en' });
    const signed = await sign(here, await sign(here, example, 0), 1);
    const file = await exported(here, example.agreement.meta.id);

    const first = await there.client.call('slaw.import', { content: file });
    expect(first).toMatchObject({
      outcome: 'imported',
      signaturesAdded: 0,
      restoredFromTrash: false,
      summary: { id: example.agreement.meta.id, status: 'signed' },
    });
    const second = await there.client.call('slaw.import', { content: file });
    expect(second).toMatchObject({
      outcome: 'already_present',
      signaturesAdded: 0,
      summary: { id: example.agreement.meta.id, revision: first.summary.revision },
    });
    expect(await count(there)).toBe(1);

    // The copy is the version that was signed: its document verifies, its own file imports and signs nothing new.
    expect(await verified(there, example.agreement.meta.id)).toMatchObject({ status: 'match', fingerprint: fingerprintOf(signed.agreement), signers: 2 });
    const again = await there.client.call('slaw.import', { content: await exported(there, example.agreement.meta.id) });
    expect(again.outcome).toBe('already_present');
    expect((await there.client.call('agreements.get', { id: example.agreement.meta.id })).agreement.signatures).toEqual(signed.agreement.signatures);
  });

  it('gathers signatures made on another computer into the version already here', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    const half = await sign(here, example, 0);

    // The other laptop gets the half-signed version, the second leader signs it there (no internal error).
    expect((await there.client.call('slaw.import', { content: await exported(here, id) })).outcome).toBe('imported');
    const onThere = await there.client.call('agreements.get', { id });
    const complete = await sign(there, onThere, 1);
    expect(complete.agreement.signatures.map((s) => s.fingerprint)).toEqual([fingerprintOf(example.agreement), fingerprintOf(example.agreement)]);

    const back = await here.client.call('slaw.import', { content: await exported(there, id) });
    expect(back).toMatchObject({ outcome: 'signatures_added', signaturesAdded: 1, summary: { id, status: 'signed', revision: half.revision + 1 } });
    const merged = await here.client.call('agreements.get', { id });
    expect(merged.agreement.signatures).toEqual(complete.agreement.signatures);
    expect(await verified(here, id)).toMatchObject({ status: 'match', signers: 2 });
    expect(await count(here)).toBe(1);
    // Once more: nothing new.
    expect((await here.client.call('slaw.import', { content: await exported(there, id) })).outcome).toBe('already_present');
  });

  it('refuses a file in which a participant signed the same version differently, changing nothing', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = example.agreement.meta.id;
    await sign(here, example, 0);
    const before = await here.client.call('agreements.get', { id });
    const doc = parseSlaw(await exported(here, id));
    const other = {
      ...doc.agreement,
      signatures: doc.agreement.signatures.map((s) => ({ ...s, image: strokePngDataUrl(7), signedAt: '2027-05-01T10:00:00+02:00' })),
    };
    const reply = await here.client.send('slaw.import', { content: serializeSlaw(other, 'test') });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_file', params: { reason: 'signature_conflict', name: signers(example)[0]?.name } } });
    if (!reply.ok) expect(describeError(createTranslator('es'), reply.error)).toMatch(/firmó esta versión de forma distinta/);
    expect(await here.client.call('agreements.get', { id })).toEqual(before);
  });

  it('turns a signed file whose id holds different content here into an unsigned draft copy, and says so', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = example.agreement.meta.id;
    const signed = await sign(here, await sign(here, example, 0), 1);
    // Someone changed the words and re-stamped every signature with the new fingerprint: consistent, but
    // not the version stored here under that id.
    const rewritten: Agreement = { ...signed.agreement, handoff: { ...signed.agreement.handoff, owner: 'Someone else' } };
    const forged = { ...rewritten, signatures: rewritten.signatures.map((s) => ({ ...s, fingerprint: fingerprintOf(rewritten) })) };
    const result = await here.client.call('slaw.import', { content: serializeSlaw(forged, 'test') });
    expect(result).toMatchObject({ outcome: 'draft_copy', summary: { status: 'draft', version: 1, title: `${signed.agreement.meta.title} (copy)` } });
    expect(result.summary.id).not.toBe(id);
    const copy = (await here.client.call('agreements.get', { id: result.summary.id })).agreement;
    expect(copy.signatures).toEqual([]);
    expect(copy.meta).toMatchObject({ status: 'draft', version: 1, amendsId: null });
    expect(copy.handoff.owner).toBe('Someone else');
    // The version stored under the id is untouched and still verifies.
    expect(await here.client.call('agreements.get', { id })).toEqual(signed);
    expect(await verified(here, id)).toMatchObject({ status: 'match' });
  });

  it('brings a signed version back from the trash when its file is imported again', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    await sign(here, example, 0);
    const file = await exported(here, id);
    await here.client.call('agreements.trash', { id });
    const result = await here.client.call('slaw.import', { content: file });
    expect(result).toMatchObject({ outcome: 'already_present', restoredFromTrash: true, summary: { id, deletedAt: null } });
    expect((await here.client.call('agreements.list', {})).map((s) => s.id)).toEqual([id]);
  });

  it('imports a draft as a new local draft, under a new id when its id is taken', async () => {
    const example = await here.client.call('agreements.create', { source: 'example', language: 'en' });
    const file = await exported(here, example.agreement.meta.id);
    expect(await there.client.call('slaw.import', { content: file })).toMatchObject({
      outcome: 'imported',
      summary: { id: example.agreement.meta.id, status: 'draft' },
    });
    const copy = await here.client.call('slaw.import', { content: file });
    expect(copy).toMatchObject({ outcome: 'new_id', summary: { status: 'draft', version: 1 } });
    expect(copy.summary.id).not.toBe(example.agreement.meta.id);
  });
});
