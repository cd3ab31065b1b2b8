import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../src/shared/api/client';
import type { AgreementRecord, OpName } from '../src/shared/api/contract';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { newId } from '../src/shared/model/ids';
import { attemptExport, sealPrompt, type ExportRequest } from '../src/renderer/features/workshop/steps/review/exportFlow';
import { startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

const PASSPHRASE = 'correct horse battery';

/**
 * The review step's export flow (seal dialog included) against the real core through the in-process
 * transport: the keys, their passphrase, the company's default key and every refusal are the core's own.
 */
describe('exporting from the review step, sealed with the company’s key by the real core', () => {
  let host: HostUnderTest;
  let client: ApiClient;
  let calls: { name: OpName; input: unknown }[];

  /** The app's client on `host`, writing down every message it sends. */
  const connect = (to: HostUnderTest) => {
    host = to;
    calls = [];
    client = createApiClient(async (name, input) => {
      calls.push({ name, input });
      return to.raw(name, input);
    });
  };
  const exportsSent = () => calls.filter((c) => c.name === 'document.export').map((c) => c.input);

  beforeEach(async () => connect(await startHost('direct')));
  afterEach(async () => {
    await host.close();
  });

  /** The example agreement of `company`, signed by everyone who must sign. */
  async function signedAgreement(company = 'Nortia Analytics'): Promise<ExportRequest> {
    let record: AgreementRecord = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const agreement = { ...record.agreement, meta: { ...record.agreement.meta, company } };
    record = { agreement, revision: (await host.client.call('agreements.save', { id: agreement.meta.id, revision: record.revision, agreement })).revision };
    const fingerprint = fingerprintOf(record.agreement);
    for (const signer of record.agreement.participants.filter((p) => p.mustSign)) {
      const input = { id: agreement.meta.id, revision: record.revision, participantId: signer.id, name: signer.name, jobTitle: signer.jobTitle };
      record = (await host.client.call('signing.sign', { ...input, image: strokePngDataUrl(2), consent: true, fingerprint })).record;
    }
    return { id: agreement.meta.id };
  }

  /** The keys of `organizations`, created in a session that then ends: the next one starts locked. */
  async function keysFromAnEarlierSession(organizations: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const organization of organizations) ids.push((await host.client.call('signingKeys.create', { organization, passphrase: PASSPHRASE })).id);
    const dataDir = host.dataDir;
    host.core.close();
    connect(await startHost('direct', dataDir));
    return ids;
  }

  it('asks which seal to use when no key carries the company, and creates one for it with a new passphrase', async () => {
    const signed = await signedAgreement();
    const first = await attemptExport(client, signed);
    expect(first).toMatchObject({
      kind: 'seal',
      prompt: {
        reason: 'noMatch',
        company: 'Nortia Analytics',
        suggested: null,
        keys: { keys: [], passphraseSet: false },
        wrongPassphrase: false,
        error: null,
      },
    });
    const prompt = first.kind === 'seal' ? first.prompt : null;
    const second = await attemptExport(client, signed, { organization: 'Nortia Analytics', passphrase: PASSPHRASE }, prompt);
    expect(second).toMatchObject({
      kind: 'exported',
      output: { digitalSignature: { subject: expect.stringContaining('Nortia Analytics'), selfSigned: true } },
    });
    expect(exportsSent()).toEqual([signed, { ...signed, organization: 'Nortia Analytics', passphrase: PASSPHRASE }]);
    // The company's key is found from now on, without asking.
    expect(await attemptExport(client, { ...signed, language: 'es' })).toMatchObject({ kind: 'exported' });
    expect(calls.filter((c) => c.name === 'signingKeys.list')).toHaveLength(1);
  });

  it('preselects the company’s key when only the passphrase is missing, and keeps asking while it is wrong', async () => {
    const signed = await signedAgreement();
    const [, nortia] = await keysFromAnEarlierSession(['Acme Corp', 'Nortia Analytics']);
    const locked = await attemptExport(client, signed);
    expect(locked).toMatchObject({ kind: 'seal', prompt: { reason: 'locked', suggested: nortia, keys: { passphraseSet: true, unlocked: false } } });
    const prompt = locked.kind === 'seal' ? locked.prompt : null;
    expect(prompt?.keys.keys.map((k) => k.organization).sort()).toEqual(['Acme Corp', 'Nortia Analytics']);
    const wrong = await attemptExport(client, signed, { keyId: nortia, passphrase: 'not the passphrase' }, prompt);
    expect(wrong).toMatchObject({ kind: 'seal', prompt: { reason: 'locked', wrongPassphrase: true, error: null } });
    expect(await attemptExport(client, signed, { keyId: nortia, passphrase: PASSPHRASE }, prompt)).toMatchObject({
      kind: 'exported',
      output: { digitalSignature: { subject: expect.stringContaining('Nortia Analytics') } },
    });
  });

  it('seals with another organization’s key only when that key is chosen', async () => {
    const signed = await signedAgreement('Zeta Logistics');
    const [acme] = await keysFromAnEarlierSession(['Acme Corp']);
    const asked = await attemptExport(client, signed, { passphrase: PASSPHRASE });
    expect(asked).toMatchObject({ kind: 'seal', prompt: { reason: 'noMatch', company: 'Zeta Logistics', suggested: null } });
    const prompt = asked.kind === 'seal' ? asked.prompt : null;
    const sealed = await attemptExport(client, signed, { keyId: acme, passphrase: PASSPHRASE }, prompt);
    expect(sealed).toMatchObject({ kind: 'exported', output: { digitalSignature: { subject: expect.stringContaining('Acme Corp') } } });
    expect(sealed.kind === 'exported' ? sealed.output.digitalSignature?.subject : '').not.toContain('Zeta');
  });

  it('opens the choice from the menu even when the company has a key, without exporting', async () => {
    const signed = await signedAgreement();
    const [nortia] = await keysFromAnEarlierSession(['Nortia Analytics']);
    expect(await sealPrompt(client, signed.id, 'choose')).toMatchObject({
      ok: true,
      prompt: { reason: 'choose', suggested: nortia, company: 'Nortia Analytics' },
    });
    expect(exportsSent()).toEqual([]);
  });

  it('keeps other failures in the dialog once it is open, and reports them directly otherwise', async () => {
    const signed = await signedAgreement();
    const shown = await sealPrompt(client, signed.id, 'noMatch');
    expect(shown.ok).toBe(true);
    // A passphrase too short for a new key: the dialog stays open with what was typed, the error shown in it.
    expect(await attemptExport(client, signed, { organization: 'Nortia Analytics', passphrase: 'short' }, shown.ok ? shown.prompt : null)).toMatchObject({
      kind: 'seal',
      prompt: { reason: 'noMatch', wrongPassphrase: false, error: { params: { reason: 'passphrase_too_short' } } },
    });
    const gone = { id: newId() };
    expect(await attemptExport(client, gone)).toMatchObject({ kind: 'failed', error: { kind: 'not_found' } });
    expect(await attemptExport(client, gone, { organization: 'Nortia Analytics', passphrase: PASSPHRASE }, shown.ok ? shown.prompt : null)).toMatchObject({
      kind: 'seal',
      prompt: { reason: 'noMatch', error: { kind: 'not_found' } },
    });
  });

  it('reports keys that cannot be read when the dialog cannot be set up', async () => {
    const signed = await signedAgreement();
    mkdirSync(join(host.dataDir, 'signing'), { recursive: true });
    writeFileSync(join(host.dataDir, 'signing', 'identity.json'), '{"format":"sla-workshop-signing-identity","version":1}');
    expect(await sealPrompt(client, signed.id, 'choose')).toMatchObject({ ok: false, error: { kind: 'storage', params: { reason: 'identity_corrupt' } } });
    expect(await attemptExport(client, signed)).toMatchObject({ kind: 'failed', error: { kind: 'storage', params: { reason: 'identity_corrupt' } } });
  });

  it('never asks for a seal when the document is exported without a digital signature, or is a draft', async () => {
    const signed = await signedAgreement();
    const draft = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    expect(await attemptExport(client, { ...signed, digitalSignature: false })).toMatchObject({ kind: 'exported', output: { digitalSignature: null } });
    expect(await attemptExport(client, { id: draft.agreement.meta.id })).toMatchObject({ kind: 'exported', output: { digitalSignature: null } });
    expect(calls.some((c) => c.name === 'signingKeys.list')).toBe(false);
  });
});
