import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { verifyDocx } from '../src/main/core/document';
import JSZip from 'jszip';
import { createPassphraseProtector, verifyPackageSignature } from '../src/main/core/packageSignature';
import { pemBody } from '../src/main/core/packageSignature/certificate';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { writeLegacyIdentity } from './support/legacyIdentity';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';
import { issueCertificate, pkcs12 } from './packageSignature/pki';

const PASSPHRASE = 'correct horse battery';

/**
 * Exporting a fully signed agreement seals the .docx with the signing key of the agreement's organization,
 * one key per client organization on the same computer, whichever host carries it.
 */
describe.each(HOST_KINDS)('the digital signature through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  async function signedExample(company?: string): Promise<AgreementRecord> {
    let record = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    if (company !== undefined) {
      const agreement = { ...record.agreement, meta: { ...record.agreement.meta, company } };
      record = { agreement, revision: (await host.client.call('agreements.save', { id: agreement.meta.id, revision: record.revision, agreement })).revision };
    }
    const fingerprint = fingerprintOf(record.agreement);
    for (const signer of record.agreement.participants.filter((p) => p.mustSign)) {
      record = (
        await host.client.call('signing.sign', {
          id: record.agreement.meta.id,
          revision: record.revision,
          participantId: signer.id,
          name: signer.name,
          jobTitle: signer.jobTitle,
          image: strokePngDataUrl(2),
          consent: true,
          fingerprint,
        })
      ).record;
    }
    return record;
  }
  const docx = (base64: string) => Buffer.from(base64, 'base64');

  it('creates the organization’s key on first use, asks for a passphrase once per session, and seals the package', async () => {
    expect(await host.client.call('signingKeys.list', {})).toEqual({ protection: 'passphrase', unlocked: false, passphraseSet: false, keys: [] });
    const { agreement } = await signedExample();
    const id = agreement.meta.id;
    expect(await host.client.send('document.export', { id })).toMatchObject({
      ok: false,
      error: { kind: 'signing_key_required', params: { reason: 'no_matching_key', company: 'Nortia Analytics' } },
    });
    expect(await host.client.send('document.export', { id, organization: 'Nortia Analytics' })).toMatchObject({
      ok: false,
      error: { kind: 'signing_key_locked' },
    });
    expect(await host.client.send('document.export', { id, organization: 'Nortia Analytics', passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'passphrase_too_short' } },
    });

    const sealed = await host.client.call('document.export', { id, organization: 'Nortia Analytics', passphrase: PASSPHRASE });
    expect(sealed.digitalSignature).toEqual({
      subject: expect.stringContaining('Nortia Analytics'),
      selfSigned: true,
      thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const report = await verifyPackageSignature(docx(sealed.base64));
    expect(report).toMatchObject({ status: 'valid', selfSigned: true, comment: expect.stringContaining('Laura Méndez') });
    expect(await verifyDocx(docx(sealed.base64))).toMatchObject({ status: 'match' });
    const listed = await host.client.call('signingKeys.list', {});
    expect(listed).toMatchObject({
      unlocked: true,
      passphraseSet: true,
      keys: [{ organization: 'Nortia Analytics', source: 'installation', selfSigned: true, unlocked: true }],
    });

    // The company now finds its key; a draft is not sealed unless asked; asked not to, nothing is sealed.
    expect((await host.client.call('document.export', { id })).digitalSignature).not.toBeNull();
    expect((await host.client.call('document.export', { id, digitalSignature: false })).digitalSignature).toBeNull();
    const draft = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    expect((await host.client.call('document.export', { id: draft.agreement.meta.id })).digitalSignature).toBeNull();
    expect((await host.client.call('document.export', { id: draft.agreement.meta.id, digitalSignature: true })).digitalSignature).not.toBeNull();
  });

  it('keeps one key per client organization and never seals with another client’s name unless that key is chosen', async () => {
    await host.client.call('signingKeys.unlock', { passphrase: PASSPHRASE });
    const nortia = await host.client.call('signingKeys.create', { organization: 'Nortia Analítica, S.L.' });
    const acme = await host.client.call('signingKeys.create', { organization: 'Acme Corp' });
    expect(await host.client.call('signingKeys.create', { organization: 'nortia analitica s.l.' })).toMatchObject({ id: nortia.id });
    expect((await host.client.call('signingKeys.list', {})).keys.map((k) => k.organization)).toEqual(['Acme Corp', 'Nortia Analítica, S.L.']);

    const forNortia = await signedExample('Nortia Analítica S.L.');
    expect(await host.client.call('signingKeys.select', { agreementId: forNortia.agreement.meta.id })).toEqual({
      keyId: nortia.id,
      company: 'Nortia Analítica S.L.',
    });
    expect((await host.client.call('document.export', { id: forNortia.agreement.meta.id })).digitalSignature?.subject).toContain('Nortia Analítica');
    expect((await host.client.call('document.export', { id: forNortia.agreement.meta.id, keyId: acme.id })).digitalSignature?.subject).toContain('Acme Corp');

    const forStranger = await signedExample('Zeta Logistics');
    expect(await host.client.call('signingKeys.select', { agreementId: forStranger.agreement.meta.id })).toEqual({ keyId: null, company: 'Zeta Logistics' });
    expect(await host.client.send('document.export', { id: forStranger.agreement.meta.id })).toMatchObject({
      ok: false,
      error: { kind: 'signing_key_required' },
    });

    const afterRemoval = await host.client.call('signingKeys.remove', { id: acme.id });
    expect(afterRemoval.keys.map((k) => k.id)).toEqual([nortia.id]);
    expect(await host.client.send('document.export', { id: forNortia.agreement.meta.id, keyId: acme.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', params: { reason: 'no_such_key' } },
    });
    expect(await host.client.send('signingKeys.remove', { id: acme.id })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('keeps the keys locked in a new session until the right passphrase is given once', async () => {
    const { agreement } = await signedExample();
    await host.client.call('document.export', { id: agreement.meta.id, organization: 'Nortia Analytics', passphrase: PASSPHRASE });
    const dataDir = host.dataDir;
    host.core.close();
    const next = await startHost(kind, dataDir);
    try {
      expect(await next.client.call('signingKeys.list', {})).toMatchObject({
        unlocked: false,
        passphraseSet: true,
        keys: [{ organization: 'Nortia Analytics', unlocked: false }],
      });
      expect(await next.client.send('document.export', { id: agreement.meta.id })).toMatchObject({ ok: false, error: { kind: 'signing_key_locked' } });
      expect(await next.client.send('signingKeys.unlock', { passphrase: 'wrong one' })).toMatchObject({
        ok: false,
        error: { kind: 'unauthorized', params: { reason: 'wrong_passphrase' } },
      });
      expect(await next.client.call('signingKeys.unlock', { passphrase: PASSPHRASE })).toMatchObject({ unlocked: true, keys: [{ unlocked: true }] });
      // Once open, another passphrase is simply wrong; the right one again is fine.
      expect(await next.client.send('signingKeys.unlock', { passphrase: 'yet another one' })).toMatchObject({
        ok: false,
        error: { params: { reason: 'wrong_passphrase' } },
      });
      expect((await next.client.call('document.export', { id: agreement.meta.id, passphrase: PASSPHRASE })).digitalSignature).toMatchObject({
        selfSigned: true,
      });
    } finally {
      await next.close();
      host = await startHost(kind);
    }
  });

  it('keeps using the single identity an earlier version created, moved into the key folder on first read', async () => {
    const dataDir = host.dataDir;
    host.core.close();
    const legacy = await writeLegacyIdentity(dataDir, 'Nortia Analytics', createPassphraseProtector(PASSPHRASE));
    const next = await startHost(kind, dataDir);
    try {
      const { keys } = await next.client.call('signingKeys.list', {});
      expect(keys).toMatchObject([{ organization: 'Nortia Analytics', source: 'installation', createdAt: '2026-01-05T10:00:00.000Z' }]);
      expect(existsSync(join(dataDir, 'signing', 'identity.json'))).toBe(false);
      await next.client.call('signingKeys.unlock', { passphrase: PASSPHRASE });
      let record = await next.client.call('agreements.create', { source: 'example', language: 'en' });
      const fingerprint = fingerprintOf(record.agreement);
      for (const signer of record.agreement.participants.filter((p) => p.mustSign)) {
        record = (
          await next.client.call('signing.sign', {
            id: record.agreement.meta.id,
            revision: record.revision,
            participantId: signer.id,
            name: signer.name,
            jobTitle: signer.jobTitle,
            image: strokePngDataUrl(1),
            consent: true,
            fingerprint,
          })
        ).record;
      }
      const sealed = await next.client.call('document.export', { id: record.agreement.meta.id });
      const report = await verifyPackageSignature(docx(sealed.base64));
      expect(report).toMatchObject({ status: 'valid', selfSigned: true });
      // The very certificate the old file held signed it.
      const signaturePart = await (await JSZip.loadAsync(docx(sealed.base64))).file('_xmlsignatures/sig1.xml')?.async('string');
      expect(signaturePart?.replace(/\s/g, '')).toContain(pemBody(legacy.certificatePem));
    } finally {
      await next.close();
      host = await startHost(kind);
    }
  });

  it('adds an imported organization certificate beside the others, refusing a wrong password', async () => {
    const ca = issueCertificate('Nortia Root CA', { ca: true });
    const holder = issueCertificate('Nortia Analytics', { issuer: ca });
    const file = pkcs12(holder, 'p12-password', [ca.certificatePem]).toString('base64');
    expect(await host.client.send('signingKeys.importP12', { base64: file, password: 'nope', passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { params: { reason: 'p12_wrong_password' } },
    });
    expect((await host.client.call('signingKeys.list', {})).keys).toEqual([]);
    const key = await host.client.call('signingKeys.importP12', { base64: file, password: 'p12-password', passphrase: PASSPHRASE });
    expect(key).toMatchObject({ organization: 'Nortia Analytics', source: 'imported', selfSigned: false, unlocked: true });
    const { agreement } = await signedExample();
    const sealed = await host.client.call('document.export', { id: agreement.meta.id });
    expect(sealed.digitalSignature).toEqual({
      subject: expect.stringContaining('Nortia Analytics'),
      selfSigned: false,
      thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await verifyPackageSignature(docx(sealed.base64))).toMatchObject({ status: 'valid', selfSigned: false });
  });
});
