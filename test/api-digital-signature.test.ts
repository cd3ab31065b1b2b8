import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { verifyDocx } from '../src/main/core/document';
import { verifyPackageSignature } from '../src/main/core/packageSignature';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';
import { issueCertificate, pkcs12 } from './packageSignature/pki';

/** Exporting a fully signed agreement seals the .docx with the installation's key, whichever host carries it. */
describe.each(HOST_KINDS)('the digital signature through the %s host', (kind) => {
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
      record = (await host.client.call('signing.sign', { id: record.agreement.meta.id, revision: record.revision, participantId: signer.id, name: signer.name, jobTitle: signer.jobTitle, image: strokePngDataUrl(2), consent: true })).record;
    }
    return record;
  }
  const docx = (base64: string) => Buffer.from(base64, 'base64');

  it('asks for an organization on first use, then for the passphrase once per session, and seals the package', async () => {
    expect(await host.client.call('signingKey.status', {})).toEqual({ protection: 'passphrase', identity: null, unlocked: false });
    const { agreement } = await signedExample();
    const id = agreement.meta.id;
    expect(await host.client.send('document.export', { id })).toMatchObject({ ok: false, error: { kind: 'signing_key_required' } });
    expect(await host.client.send('document.export', { id, organization: 'Nortia Analytics' })).toMatchObject({ ok: false, error: { kind: 'signing_key_locked' } });

    const sealed = await host.client.call('document.export', { id, organization: 'Nortia Analytics', passphrase: 'correct horse battery' });
    expect(sealed.digitalSignature).toEqual({ subject: expect.stringContaining('Nortia Analytics'), selfSigned: true, thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const report = await verifyPackageSignature(docx(sealed.base64));
    expect(report).toMatchObject({ status: 'valid', selfSigned: true, comment: expect.stringContaining('Laura Méndez') });
    expect(await verifyDocx(docx(sealed.base64))).toMatchObject({ status: 'match' });
    expect(await host.client.call('signingKey.status', {})).toMatchObject({ identity: { source: 'installation', selfSigned: true }, unlocked: true });

    // Open for the rest of the session; a draft export is not sealed unless asked; asked not to, nothing is sealed.
    expect((await host.client.call('document.export', { id })).digitalSignature).not.toBeNull();
    expect((await host.client.call('document.export', { id, digitalSignature: false })).digitalSignature).toBeNull();
    const draft = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    expect((await host.client.call('document.export', { id: draft.agreement.meta.id })).digitalSignature).toBeNull();
    expect((await host.client.call('document.export', { id: draft.agreement.meta.id, digitalSignature: true })).digitalSignature).not.toBeNull();
  });

  it('keeps the key locked in a new session until the right passphrase opens it', async () => {
    const { agreement } = await signedExample();
    await host.client.call('document.export', { id: agreement.meta.id, organization: 'Nortia', passphrase: 'first passphrase' });
    const dataDir = host.dataDir;
    host.core.close();
    const next = await startHost(kind, dataDir);
    try {
      expect(await next.client.call('signingKey.status', {})).toMatchObject({ identity: { subject: expect.stringContaining('Nortia') }, unlocked: false });
      expect(await next.client.send('document.export', { id: agreement.meta.id })).toMatchObject({ ok: false, error: { kind: 'signing_key_locked' } });
      expect(await next.client.send('document.export', { id: agreement.meta.id, passphrase: 'wrong one' })).toMatchObject({ ok: false, error: { kind: 'unauthorized', params: { reason: 'wrong_passphrase' } } });
      expect((await next.client.call('document.export', { id: agreement.meta.id, passphrase: 'first passphrase' })).digitalSignature).toMatchObject({ selfSigned: true });
    } finally {
      await next.close();
      host = await startHost(kind);
    }
  });

  it('signs with an imported organization certificate, refusing a wrong password', async () => {
    const ca = issueCertificate('Nortia Root CA', { ca: true });
    const holder = issueCertificate('Nortia Analytics S.L.', { issuer: ca });
    const file = pkcs12(holder, 'p12-password', [ca.certificatePem]).toString('base64');
    expect(await host.client.send('signingKey.importP12', { base64: file, password: 'nope', passphrase: 'pp' })).toMatchObject({ ok: false, error: { params: { reason: 'p12_wrong_password' } } });
    expect(await host.client.call('signingKey.status', {})).toMatchObject({ identity: null });
    const status = await host.client.call('signingKey.importP12', { base64: file, password: 'p12-password', passphrase: 'pp' });
    expect(status).toMatchObject({ identity: { source: 'imported', selfSigned: false, subject: expect.stringContaining('Nortia Analytics S.L.') }, unlocked: true });
    const { agreement } = await signedExample();
    const sealed = await host.client.call('document.export', { id: agreement.meta.id });
    expect(sealed.digitalSignature).toEqual({ subject: expect.stringContaining('Nortia Analytics S.L.'), selfSigned: false, thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyPackageSignature(docx(sealed.base64))).toMatchObject({ status: 'valid', selfSigned: false });
  });
});
