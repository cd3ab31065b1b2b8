import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { VERIFY_UPLOAD_MAX_BYTES } from '../src/shared/document/verification';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

/**
 * `document.verify`: the file checked against itself, and against this installation's record of its exports
 * (the trust anchor outside the file), through every host.
 */
describe.each(HOST_KINDS)('verifying a document through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  async function signedExample(): Promise<AgreementRecord> {
    let record = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    for (const signer of record.agreement.participants.filter((p) => p.mustSign)) {
      const { fingerprint } = await host.client.call('signing.preview', { id: record.agreement.meta.id });
      record = (
        await host.client.call('signing.sign', {
          id: record.agreement.meta.id,
          revision: record.revision,
          participantId: signer.id,
          name: signer.name,
          jobTitle: signer.jobTitle,
          image: strokePngDataUrl(3),
          consent: true,
          fingerprint,
        })
      ).record;
    }
    return record;
  }
  const restored = async (base64: string) =>
    Buffer.from(await (await JSZip.loadAsync(Buffer.from(base64, 'base64'))).generateAsync({ type: 'uint8array', compression: 'STORE' })).toString('base64');

  it('says this installation exported exactly this file, with the certificate that sealed it', async () => {
    const { agreement } = await signedExample();
    const sealed = await host.client.call('document.export', { id: agreement.meta.id, organization: 'Nortia Analytics', passphrase: 'correct horse battery' });
    const report = await host.client.call('document.verify', { base64: sealed.base64 });
    expect(report).toMatchObject({
      status: 'match',
      rules: 2,
      agreementId: agreement.meta.id,
      seal: { status: 'valid', thumbprint: sealed.digitalSignature?.thumbprint },
      anchor: { kind: 'exported', agreementId: agreement.meta.id, version: 1, thumbprint: sealed.digitalSignature?.thumbprint },
    });
  });

  it('for other bytes, compares with the stored version: same fingerprint and signatures, or what differs', async () => {
    const { agreement } = await signedExample();
    const plain = await host.client.call('document.export', { id: agreement.meta.id, digitalSignature: false });
    // The same parts in another zip (e.g. copied through a tool that re-packs files).
    const report = await host.client.call('document.verify', { base64: await restored(plain.base64) });
    expect(report).toMatchObject({
      status: 'match',
      anchor: { kind: 'not_exported', stored: { id: agreement.meta.id, fingerprintEqual: true, signaturesEqual: true, exports: 1 } },
    });

    // A draft exported, then edited: the stored version no longer has the document's content.
    const draft = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const exported = await host.client.call('document.export', { id: draft.agreement.meta.id });
    await host.client.call('agreements.save', {
      id: draft.agreement.meta.id,
      revision: draft.revision,
      agreement: { ...draft.agreement, meta: { ...draft.agreement.meta, title: 'Otro título' } },
    });
    const edited = await host.client.call('document.verify', { base64: await restored(exported.base64) });
    expect(edited).toMatchObject({ anchor: { kind: 'not_exported', stored: { title: 'Otro título', fingerprintEqual: false, signaturesEqual: true } } });
  });

  it('says so when no agreement with the document’s id is stored here', async () => {
    const { agreement } = await signedExample();
    const exported = await host.client.call('document.export', { id: agreement.meta.id, digitalSignature: false });
    const elsewhere = await startHost(kind);
    try {
      expect(await elsewhere.client.call('document.verify', { base64: exported.base64 })).toMatchObject({
        status: 'match',
        anchor: { kind: 'not_exported', stored: null },
      });
    } finally {
      await elsewhere.close();
    }
  });

  it('answers an unreadable file as such, and refuses input that is not base64 or too large', async () => {
    expect(await host.client.call('document.verify', { base64: Buffer.from('not a zip').toString('base64') })).toEqual({
      status: 'unreadable',
      reason: 'not_zip',
    });
    expect(await host.client.send('document.verify', { base64: 'not base64!' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const tooLarge = 'A'.repeat(Math.ceil(VERIFY_UPLOAD_MAX_BYTES / 3) * 4 + 4);
    expect(await host.client.send('document.verify', { base64: tooLarge })).toMatchObject({
      ok: false,
      error: { kind: expect.stringMatching(/invalid_input|too_large/) },
    });
  });
});
