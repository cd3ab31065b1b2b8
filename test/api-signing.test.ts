import { CANONICAL_VERSION } from '../src/shared/model/version';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { createTranslator, describeError } from '../src/shared/i18n';
import { describeChange } from '../src/shared/signing/diff';
import { verifyDocx } from '../src/main/core/document';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

/** Signing freezes a version, whichever host carries the calls; amending opens a new draft that knows what changed. */
describe.each(HOST_KINDS)('signing through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  const signers = (record: AgreementRecord) => record.agreement.participants.filter((p) => p.mustSign);
  const sign = (record: AgreementRecord, index: number, revision = record.revision) => {
    const signer = signers(record)[index];
    if (!signer) throw new Error(`no signer ${index}`);
    return host.client.send('signing.sign', {
      id: record.agreement.meta.id,
      revision,
      participantId: signer.id,
      name: signer.name,
      jobTitle: signer.jobTitle,
      image: strokePngDataUrl(index),
      consent: true,
      fingerprint: fingerprintOf(record.agreement),
    });
  };

  it('refuses to sign an incomplete agreement, and anyone who is not a required signer', async () => {
    const blank = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const person = {
      ...blank.agreement.participants[0],
      id: 'p1',
      name: 'Ana',
      jobTitle: 'CMO',
      team: 'marketing' as const,
      role: 'leader' as const,
      email: '',
      mustSign: true,
    };
    const saved = await host.client.call('agreements.save', {
      id: blank.agreement.meta.id,
      revision: 1,
      agreement: { ...blank.agreement, participants: [person] },
    });
    const reply = await host.client.send('signing.sign', {
      id: blank.agreement.meta.id,
      revision: saved.revision,
      participantId: 'p1',
      name: 'Ana',
      jobTitle: 'CMO',
      image: strokePngDataUrl(),
      consent: true,
      fingerprint: fingerprintOf({ ...blank.agreement, participants: [person] }),
    });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not_ready', params: { missing: expect.any(Number) } } });

    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const bystander = example.agreement.participants.find((p) => !p.mustSign);
    const notSigner = await host.client.send('signing.sign', {
      id: example.agreement.meta.id,
      revision: 1,
      participantId: bystander?.id ?? 'x',
      name: 'X',
      jobTitle: 'Y',
      image: strokePngDataUrl(),
      consent: true,
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
    });
    expect(notSigner).toMatchObject({ ok: false, error: { kind: 'not_signer' } });
    const noConsent = await host.raw('signing.sign', {
      id: example.agreement.meta.id,
      revision: 1,
      participantId: signers(example)[0]?.id,
      name: 'X',
      jobTitle: 'Y',
      image: strokePngDataUrl(),
      consent: false,
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
    });
    expect(noConsent).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const notPng = await host.client.send('signing.sign', {
      id: example.agreement.meta.id,
      revision: 1,
      participantId: signers(example)[0]?.id ?? '',
      name: 'X',
      jobTitle: 'Y',
      image: 'data:image/png;base64,AAAA',
      consent: true,
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
    });
    expect(notPng).toMatchObject({ ok: false, error: { kind: 'invalid_input', params: { reason: 'bad_signature_image' } } });
    expect((await host.client.call('agreements.get', { id: example.agreement.meta.id })).agreement.meta.status).toBe('draft');
  });

  it('records each signature with the fingerprint, time, device and image, and freezes the version from the first one', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    const first = await sign(example, 0);
    if (!first.ok) throw new Error(first.error.message);
    const { record, fingerprint } = first.value;
    expect(fingerprint).toBe(fingerprintOf(example.agreement));
    expect(record.agreement.meta.status).toBe('signed');
    expect(record.agreement.signatures).toHaveLength(1);
    expect(record.agreement.signatures[0]).toMatchObject({
      participantId: signers(example)[0]?.id,
      fingerprint,
      signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      device: expect.any(String),
      image: strokePngDataUrl(0),
    });

    // Read-only now: saving, renaming, and signing twice are all refused, and nothing changes.
    const edited = { ...record.agreement, icp: { ...record.agreement.icp, company: { ...record.agreement.icp.company, industry: 'Otra' } } };
    expect(await host.client.send('agreements.save', { id, revision: record.revision, agreement: edited })).toMatchObject({
      ok: false,
      error: { kind: 'read_only' },
    });
    expect(await host.client.send('agreements.rename', { id, title: 'Nuevo' })).toMatchObject({ ok: false, error: { kind: 'read_only' } });
    expect(await sign(record, 0)).toMatchObject({ ok: false, error: { kind: 'already_signed' } });
    expect(await sign(record, 1, record.revision - 1)).toMatchObject({ ok: false, error: { kind: 'stale_revision' } });

    const second = await sign(record, 1);
    expect(second).toMatchObject({ ok: true, value: { fingerprint } });
    const stored = await host.client.call('agreements.get', { id });
    expect(stored.agreement.signatures.map((s) => s.fingerprint)).toEqual([fingerprint, fingerprint]);
    expect(stored.agreement.icp.company.industry).toBe(example.agreement.icp.company.industry);
    expect(fingerprintOf(stored.agreement)).toBe(fingerprint);
    const summary = (await host.client.call('agreements.list', {})).find((s) => s.id === id);
    expect(summary?.status).toBe('signed');
  });

  it('amends a signed version into one new draft that lists its changes, and supersedes the old one when fully signed', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const base = example.agreement.meta.id;
    expect(await host.client.send('agreements.amend', { id: base })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', params: { reason: 'not_signed' } },
    });
    let record = example;
    for (const index of [0, 1]) {
      const reply = await sign(record, index);
      if (!reply.ok) throw new Error(reply.error.message);
      record = reply.value.record;
    }
    const draft = await host.client.call('agreements.amend', { id: base });
    expect(draft).toMatchObject({ status: 'draft', version: 2 });
    expect(await host.client.call('agreements.amend', { id: base })).toMatchObject({ id: draft.id });
    expect(await host.client.call('agreements.changes', { id: draft.id })).toEqual({
      base: { id: base, version: 1, fingerprint: expect.any(String) },
      changes: [],
    });

    const opened = await host.client.call('agreements.get', { id: draft.id });
    expect(opened.agreement.meta.amendsId).toBe(base);
    expect(opened.agreement.signatures).toEqual([]);
    const protocol = { ...opened.agreement.protocol, firstContactBusinessHours: 2 };
    const saved = await host.client.call('agreements.save', { id: draft.id, revision: opened.revision, agreement: { ...opened.agreement, protocol } });
    const { changes } = await host.client.call('agreements.changes', { id: draft.id });
    expect(changes).toEqual([
      {
        kind: 'changed',
        path: ['protocol', 'firstContactBusinessHours'],
        item: null,
        before: String(example.agreement.protocol.firstContactBusinessHours),
        after: '2',
      },
    ]);
    expect(describeChange(changes[0]!, createTranslator('en'))).toBe(
      `Lead-handling protocol › First contact within (business hours): “${example.agreement.protocol.firstContactBusinessHours}” → “2”`,
    );

    let amendment: AgreementRecord = { agreement: { ...opened.agreement, protocol }, revision: saved.revision };
    for (const index of [0, 1]) {
      const reply = await sign(amendment, index);
      if (!reply.ok) throw new Error(reply.error.message);
      amendment = reply.value.record;
    }
    expect((await host.client.call('agreements.get', { id: base })).agreement.meta.status).toBe('superseded');
    const fromOld = await host.client.call('agreements.amend', { id: base });
    expect(fromOld).toMatchObject({ version: 3, status: 'draft' });
    expect((await host.client.call('agreements.get', { id: fromOld.id })).agreement.meta.amendsId).toBe(draft.id);
    expect(await sign(await host.client.call('agreements.get', { id: base }), 0)).toMatchObject({ ok: false, error: { kind: 'read_only' } });
  });
});

describe.each(HOST_KINDS)('signatures and files through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  it('exports the Word document of a draft, and of the signed version, which verifies against what was signed', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    const draft = await host.client.call('document.export', { id });
    expect(draft.fileName).toMatch(/\.docx$/);
    expect(Buffer.from(draft.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(draft.bytes).toBe(Buffer.from(draft.base64, 'base64').byteLength);
    expect(await verifyDocx(Buffer.from(draft.base64, 'base64'))).toMatchObject({ status: 'mismatch', problems: [{ kind: 'not_signed' }] });

    let record = example;
    for (const signer of record.agreement.participants.filter((p) => p.mustSign)) {
      record = (
        await host.client.call('signing.sign', {
          id,
          revision: record.revision,
          participantId: signer.id,
          name: signer.name,
          jobTitle: signer.jobTitle,
          image: strokePngDataUrl(1),
          consent: true,
          fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
        })
      ).record;
    }
    const signed = await host.client.call('document.export', { id, language: 'en', digitalSignature: false });
    expect(await verifyDocx(Buffer.from(signed.base64, 'base64'))).toMatchObject({
      status: 'match',
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
      signers: 2,
    });
    expect(await host.client.send('document.export', { id: 'missing' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('never lets a draft save bring its own signatures', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const signer = example.agreement.participants.find((p) => p.mustSign)!;
    const forged = {
      id: 'f1',
      participantId: signer.id,
      name: signer.name,
      jobTitle: signer.jobTitle,
      signedAt: '2026-01-01T10:00:00+01:00',
      image: strokePngDataUrl(),
      device: 'x',
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
      canonicalVersion: CANONICAL_VERSION,
    };
    await host.client.call('agreements.save', { id: example.agreement.meta.id, revision: 1, agreement: { ...example.agreement, signatures: [forged] } });
    const stored = await host.client.call('agreements.get', { id: example.agreement.meta.id });
    expect(stored.agreement.signatures).toEqual([]);
    expect(stored.agreement.meta.status).toBe('draft');
  });

  it('imports a signed .slaw as signed, and refuses one edited after signing', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const signer = example.agreement.participants.find((p) => p.mustSign)!;
    const signed = await host.client.call('signing.sign', {
      id: example.agreement.meta.id,
      revision: 1,
      participantId: signer.id,
      name: signer.name,
      jobTitle: signer.jobTitle,
      image: strokePngDataUrl(),
      consent: true,
      fingerprint: fingerprintOf(example.agreement, CANONICAL_VERSION),
    });
    const file = await host.client.call('slaw.export', { id: example.agreement.meta.id });
    const imported = await host.client.call('slaw.import', { content: file.content });
    expect(imported).toMatchObject({ outcome: 'already_present', summary: { id: example.agreement.meta.id, status: 'signed' } });
    expect((await host.client.call('agreements.get', { id: imported.summary.id })).agreement.signatures).toEqual(signed.record.agreement.signatures);

    const tampered = file.content.replace(JSON.stringify(example.agreement.handoff.owner), JSON.stringify('Someone else'));
    expect(tampered).not.toBe(file.content);
    const reply = await host.client.send('slaw.import', { content: tampered });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_file', params: { reason: 'signature_mismatch' } } });
    expect(describeError(createTranslator('es'), reply.ok ? (undefined as never) : reply.error)).toMatch(/después de firmarse/);
    const envelope = JSON.parse(file.content) as { agreement: { signatures: unknown[] } };
    const unsignedButMarked = JSON.stringify({ ...envelope, agreement: { ...envelope.agreement, signatures: [] } });
    expect(await host.client.send('slaw.import', { content: unsignedButMarked })).toMatchObject({ ok: false, error: { kind: 'invalid_file' } });
  });
});
