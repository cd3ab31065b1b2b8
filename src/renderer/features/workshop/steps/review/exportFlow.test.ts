import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../../shared/api/client';
import type { OpName } from '../../../../../shared/api/contract';
import type { SigningKeyDto } from '../../../../../shared/api/keysAndSettings';
import { attemptExport, exportInput, sealPrompt, type ExportRequest } from './exportFlow';

const keyOf = (organization: string, id: string): SigningKeyDto => ({
  id: id.repeat(64).slice(0, 64),
  organization,
  source: 'installation',
  protection: 'passphrase',
  subject: `CN=${organization}, O=${organization}`,
  issuer: `CN=${organization}, O=${organization}`,
  selfSigned: true,
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2031-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  unlocked: false,
});

/**
 * A host that keeps its keys the way the real one does: one per organization, protected by one passphrase,
 * open for the rest of the session once it is given; a document is sealed with its company's key.
 */
function fakeHost(options: { keys?: SigningKeyDto[]; passphrase?: string; company?: string; listFails?: boolean } = {}) {
  const keys = [...(options.keys ?? [])];
  const passphrase = options.passphrase ?? 'the passphrase';
  const company = options.company ?? 'Nortia Analytics';
  let open = false;
  const calls: { name: OpName; input: Record<string, unknown> }[] = [];
  const fail = (kind: string, params?: Record<string, string>) => ({ ok: false, error: { kind, message: kind, ...(params ? { params } : {}) } });
  const output = (subject: string | null) => ({
    fileName: 'sla.docx',
    base64: 'UEs=',
    bytes: 2,
    digitalSignature: subject ? { subject, selfSigned: true, thumbprint: 'c'.repeat(64) } : null,
  });
  const list = () => ({ protection: 'passphrase', unlocked: open, passphraseSet: keys.length > 0, keys: keys.map((k) => ({ ...k, unlocked: open })) });
  const matching = () => keys.find((k) => k.organization === company) ?? null;
  const transport = async (name: OpName, raw: unknown) => {
    const input = raw as Record<string, unknown>;
    calls.push({ name, input });
    if (name === 'signingKeys.list') return options.listFails ? fail('storage', { reason: 'identity_corrupt' }) : { ok: true, value: list() };
    if (name === 'signingKeys.select') return { ok: true, value: { keyId: matching()?.id ?? null, company } };
    if (name !== 'document.export') return fail('internal');
    if (input.digitalSignature === false || input.id === 'draft') return { ok: true, value: output(null) };
    if (input.id === 'gone') return fail('not_found');
    if (input.passphrase !== undefined) {
      if (keys.length > 0 && input.passphrase !== passphrase) return fail('unauthorized', { reason: 'wrong_passphrase' });
      open = true;
    }
    let key = input.keyId
      ? keys.find((k) => k.id === input.keyId)
      : input.organization
        ? (keys.find((k) => k.organization === input.organization) ?? null)
        : matching();
    if (!key && input.organization) {
      if (!open) return fail('signing_key_locked');
      key = keyOf(String(input.organization), String(keys.length + 1));
      keys.push(key);
    }
    if (!key) return fail('signing_key_required', { reason: 'no_matching_key' });
    if (!open) return fail('signing_key_locked');
    return { ok: true, value: output(key.subject) };
  };
  return { client: createApiClient(transport), calls, exports: () => calls.filter((c) => c.name === 'document.export').map((c) => c.input) };
}

const signed: ExportRequest = { id: 'signed' };

describe('exporting a signed agreement that the host seals with its company’s key', () => {
  it('asks which seal to use when no key carries the company, and creates one for it with a new passphrase', async () => {
    const host = fakeHost();
    const first = await attemptExport(host.client, signed);
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
    const second = await attemptExport(host.client, signed, { organization: 'Nortia Analytics', passphrase: 'correct horse' }, prompt);
    expect(second).toMatchObject({ kind: 'exported', output: { digitalSignature: { subject: 'CN=Nortia Analytics, O=Nortia Analytics' } } });
    expect(host.exports()).toEqual([{ id: 'signed' }, { id: 'signed', organization: 'Nortia Analytics', passphrase: 'correct horse' }]);
    // The company's key is found from now on.
    expect(await attemptExport(host.client, { id: 'signed', language: 'es' })).toMatchObject({ kind: 'exported' });
  });

  it('preselects the company’s key when only the passphrase is missing, and keeps asking while it is wrong', async () => {
    const nortia = keyOf('Nortia Analytics', 'a');
    const host = fakeHost({ keys: [keyOf('Acme Corp', 'b'), nortia] });
    const locked = await attemptExport(host.client, signed);
    expect(locked).toMatchObject({ kind: 'seal', prompt: { reason: 'locked', suggested: nortia.id, keys: { passphraseSet: true, unlocked: false } } });
    const prompt = locked.kind === 'seal' ? locked.prompt : null;
    const wrong = await attemptExport(host.client, signed, { keyId: nortia.id, passphrase: 'guess' }, prompt);
    expect(wrong).toMatchObject({ kind: 'seal', prompt: { reason: 'locked', wrongPassphrase: true, error: null } });
    expect(await attemptExport(host.client, signed, { keyId: nortia.id, passphrase: 'the passphrase' }, prompt)).toMatchObject({
      kind: 'exported',
      output: { digitalSignature: { subject: nortia.subject } },
    });
  });

  it('seals with another organization’s key only when that key is chosen', async () => {
    const acme = keyOf('Acme Corp', 'b');
    const host = fakeHost({ keys: [acme], company: 'Zeta Logistics' });
    const asked = await attemptExport(host.client, signed, { passphrase: 'the passphrase' });
    expect(asked).toMatchObject({ kind: 'seal', prompt: { reason: 'noMatch', suggested: null } });
    const prompt = asked.kind === 'seal' ? asked.prompt : null;
    expect(await attemptExport(host.client, signed, { keyId: acme.id }, prompt)).toMatchObject({
      kind: 'exported',
      output: { digitalSignature: { subject: acme.subject } },
    });
  });

  it('opens the choice from the menu even when the company has a key', async () => {
    const nortia = keyOf('Nortia Analytics', 'a');
    const host = fakeHost({ keys: [nortia] });
    expect(await sealPrompt(host.client, 'signed', 'choose')).toMatchObject({ ok: true, prompt: { reason: 'choose', suggested: nortia.id } });
    expect(host.exports()).toEqual([]);
  });

  it('keeps other failures in the dialog once it is open, and reports them directly otherwise', async () => {
    const host = fakeHost();
    const shown = await sealPrompt(host.client, 'gone', 'noMatch');
    expect(await attemptExport(host.client, { id: 'gone' })).toEqual({ kind: 'failed', error: { kind: 'not_found', message: 'not_found' } });
    expect(
      await attemptExport(host.client, { id: 'gone' }, { organization: 'Nortia', passphrase: 'long enough' }, shown.ok ? shown.prompt : null),
    ).toMatchObject({
      kind: 'seal',
      prompt: { reason: 'noMatch', error: { kind: 'not_found' } },
    });
  });

  it('reports a failure to list the keys when the dialog cannot be set up', async () => {
    const host = fakeHost({ listFails: true });
    expect(await attemptExport(host.client, signed)).toMatchObject({ kind: 'failed', error: { kind: 'storage', params: { reason: 'identity_corrupt' } } });
  });

  it('never asks for a seal when the document is exported without a digital signature, or is a draft', async () => {
    const host = fakeHost();
    expect(await attemptExport(host.client, { id: 'signed', digitalSignature: false })).toMatchObject({ kind: 'exported', output: { digitalSignature: null } });
    expect(await attemptExport(host.client, { id: 'draft' })).toMatchObject({ kind: 'exported' });
    expect(host.calls.some((c) => c.name === 'signingKeys.list')).toBe(false);
  });
});

describe('the export input', () => {
  it('carries only what was given: a chosen key wins over an organization', () => {
    expect(exportInput({ id: 'a' })).toEqual({ id: 'a' });
    expect(exportInput({ id: 'a', language: 'es', digitalSignature: false }, { organization: '', passphrase: '' })).toEqual({
      id: 'a',
      language: 'es',
      digitalSignature: false,
    });
    expect(exportInput({ id: 'a' }, { organization: 'Nortia', passphrase: 'pp' })).toEqual({ id: 'a', organization: 'Nortia', passphrase: 'pp' });
    expect(exportInput({ id: 'a' }, { keyId: 'k', organization: 'Nortia' })).toEqual({ id: 'a', keyId: 'k' });
  });
});
