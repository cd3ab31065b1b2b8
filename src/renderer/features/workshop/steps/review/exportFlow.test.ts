import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../../shared/api/client';
import type { KeyStatus, OpName } from '../../../../../shared/api/contract';
import { attemptExport, exportInput, keyPrompt, type ExportRequest } from './exportFlow';

const identity = { source: 'installation', subject: 'CN=Nortia, O=Nortia', issuer: 'CN=Nortia, O=Nortia', selfSigned: true, notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2031-01-01T00:00:00.000Z' } as const;

/**
 * A host that keeps its key the way the real one does: none until an organization is given, then protected
 * by a passphrase (or by the keychain), open for the rest of the session once the right passphrase is given.
 */
function fakeHost(options: { protection?: KeyStatus['protection']; passphrase?: string; statusFails?: boolean } = {}) {
  const protection = options.protection ?? 'passphrase';
  let passphrase = options.passphrase ?? null;
  let exists = passphrase !== null;
  let open = false;
  const calls: { name: OpName; input: Record<string, unknown> }[] = [];
  const fail = (kind: string, params?: Record<string, string>) => ({ ok: false, error: { kind, message: kind, ...(params ? { params } : {}) } });
  const output = (sealed: boolean) => ({ fileName: 'sla.docx', base64: 'UEs=', bytes: 2, digitalSignature: sealed ? { subject: identity.subject, selfSigned: true, thumbprint: 'a1'.repeat(32) } : null });
  const transport = async (name: OpName, raw: unknown) => {
    const input = raw as Record<string, unknown>;
    calls.push({ name, input });
    if (name === 'signingKey.status') {
      if (options.statusFails) return fail('storage', { reason: 'identity_corrupt' });
      return { ok: true, value: { protection, identity: exists ? identity : null, unlocked: exists && (open || protection === 'safeStorage') } };
    }
    if (name !== 'document.export') return fail('internal');
    if (input.digitalSignature === false) return { ok: true, value: output(false) };
    if (input.id === 'draft') return { ok: true, value: output(false) };
    if (input.id === 'gone') return fail('not_found');
    if (open || (exists && protection === 'safeStorage')) return { ok: true, value: output(true) };
    if (!exists && !input.organization) return fail('signing_key_required');
    if (protection === 'safeStorage') {
      exists = open = true;
      return { ok: true, value: output(true) };
    }
    if (!input.passphrase) return fail('signing_key_locked');
    if (!exists) {
      exists = true;
      passphrase = String(input.passphrase);
    } else if (input.passphrase !== passphrase) return fail('unauthorized', { reason: 'wrong_passphrase' });
    open = true;
    return { ok: true, value: output(true) };
  };
  return { client: createApiClient(transport), calls, exports: () => calls.filter((c) => c.name === 'document.export').map((c) => c.input) };
}

const signed: ExportRequest = { id: 'signed' };

describe('exporting a signed agreement that the host seals with its key', () => {
  it('asks for an organization and a new passphrase on first use, then sends them with the retry', async () => {
    const host = fakeHost();
    const first = await attemptExport(host.client, signed);
    expect(first).toEqual({ kind: 'key', prompt: { mode: 'create', passphrase: true, identity: null, wrongPassphrase: false, error: null } });
    const second = await attemptExport(host.client, signed, { organization: 'Nortia', passphrase: 'correct horse' }, first.kind === 'key' ? first.prompt : null);
    expect(second).toMatchObject({ kind: 'exported', output: { digitalSignature: { subject: identity.subject } } });
    expect(host.exports()).toEqual([{ id: 'signed' }, { id: 'signed', organization: 'Nortia', passphrase: 'correct horse' }]);
  });

  it('asks only for the organization where the system keychain protects the key', async () => {
    const host = fakeHost({ protection: 'safeStorage' });
    const first = await attemptExport(host.client, signed);
    expect(first).toMatchObject({ kind: 'key', prompt: { mode: 'create', passphrase: false } });
    expect(await attemptExport(host.client, signed, { organization: 'Nortia' })).toMatchObject({ kind: 'exported' });
  });

  it('asks for the passphrase of an existing key, and keeps asking while it is wrong', async () => {
    const host = fakeHost({ passphrase: 'first passphrase' });
    const locked = await attemptExport(host.client, signed);
    expect(locked).toEqual({ kind: 'key', prompt: { mode: 'unlock', passphrase: true, identity, wrongPassphrase: false, error: null } });
    const prompt = locked.kind === 'key' ? locked.prompt : null;
    const wrong = await attemptExport(host.client, signed, { passphrase: 'guess' }, prompt);
    expect(wrong).toMatchObject({ kind: 'key', prompt: { mode: 'unlock', wrongPassphrase: true, error: null } });
    expect(await attemptExport(host.client, signed, { passphrase: 'first passphrase' }, prompt)).toMatchObject({ kind: 'exported' });
    // Open for the rest of the session: the next export needs nothing.
    expect(await attemptExport(host.client, { id: 'signed', language: 'es' })).toMatchObject({ kind: 'exported' });
  });

  it('switches to the passphrase when the host asks for one the dialog did not show', async () => {
    const host = fakeHost();
    const asked = await attemptExport(host.client, signed, { organization: 'Nortia' }, { mode: 'create', passphrase: false, identity: null, wrongPassphrase: false, error: null });
    expect(asked).toMatchObject({ kind: 'key', prompt: { mode: 'create', passphrase: true } });
  });

  it('keeps other failures in the dialog once it is open, and reports them directly otherwise', async () => {
    const host = fakeHost();
    const shown = keyPrompt({ protection: 'passphrase', identity: null, unlocked: false }, { kind: 'signing_key_required', message: '' });
    expect(await attemptExport(host.client, { id: 'gone' })).toEqual({ kind: 'failed', error: { kind: 'not_found', message: 'not_found' } });
    expect(await attemptExport(host.client, { id: 'gone' }, { organization: 'Nortia', passphrase: 'long enough' }, shown)).toMatchObject({
      kind: 'key',
      prompt: { mode: 'create', error: { kind: 'not_found' } },
    });
  });

  it('reports the key status failure when the dialog cannot be set up', async () => {
    const host = fakeHost({ statusFails: true });
    expect(await attemptExport(host.client, signed)).toMatchObject({ kind: 'failed', error: { kind: 'storage', params: { reason: 'identity_corrupt' } } });
  });

  it('never asks for a key when the document is exported without a digital signature, or is a draft', async () => {
    const host = fakeHost();
    expect(await attemptExport(host.client, { id: 'signed', digitalSignature: false })).toMatchObject({ kind: 'exported', output: { digitalSignature: null } });
    expect(await attemptExport(host.client, { id: 'draft' })).toMatchObject({ kind: 'exported' });
    expect(host.calls.some((c) => c.name === 'signingKey.status')).toBe(false);
  });
});

describe('the export input', () => {
  it('carries only what was given', () => {
    expect(exportInput({ id: 'a' })).toEqual({ id: 'a' });
    expect(exportInput({ id: 'a', language: 'es', digitalSignature: false }, { organization: '', passphrase: '' })).toEqual({ id: 'a', language: 'es', digitalSignature: false });
    expect(exportInput({ id: 'a' }, { organization: 'Nortia', passphrase: 'pp' })).toEqual({ id: 'a', organization: 'Nortia', passphrase: 'pp' });
  });

  it('gives up on a key the keychain holds but cannot open: no answer would help', () => {
    expect(keyPrompt({ protection: 'safeStorage', identity, unlocked: false }, { kind: 'signing_key_locked', message: '' })).toBeNull();
  });
});
