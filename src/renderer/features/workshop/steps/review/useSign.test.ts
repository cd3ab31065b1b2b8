import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../../../shared/api/client';
import type { OpName } from '../../../../../shared/api/contract';
import { createExample } from '../../../../../shared/model/example';
import type { Agreement } from '../../../../../shared/model/schema';
import { setApiClient } from '../../../../api/apiClient';
import { resetAppStore, useAppStore } from '../../../../store/appStore';
import { signAgreement } from './useSign';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';

/** A stand-in fingerprint: it changes whenever the stored content does (the real one is a SHA-256 of it). */
const fingerprintOf = (agreement: Agreement) =>
  JSON.stringify({ ...agreement, meta: { ...agreement.meta, status: 'draft', updatedAt: '' }, signatures: [] })
    .length.toString(16)
    .padStart(64, '0');

/** A host in memory: it stores one agreement, refuses stale or signed saves and signs like the real one. */
function fakeHost(initial: Agreement) {
  let stored = { agreement: initial, revision: 1 };
  const calls: { name: OpName; input: Record<string, unknown> }[] = [];
  const fail = (kind: string) => ({ ok: false, error: { kind, message: kind } });
  const transport = async (name: OpName, raw: unknown) => {
    const input = raw as Record<string, unknown>;
    calls.push({ name, input });
    if (name === 'agreements.get') return { ok: true, value: stored };
    if (name === 'agreements.save') {
      if (stored.agreement.meta.status !== 'draft') return fail('read_only');
      if (input.revision !== stored.revision) return fail('stale_revision');
      stored = { agreement: input.agreement as Agreement, revision: stored.revision + 1 };
      const { meta } = stored.agreement;
      const summary = {
        id: meta.id,
        title: meta.title,
        company: meta.company,
        language: meta.language,
        status: meta.status,
        version: meta.version,
        revision: stored.revision,
        createdAt: meta.createdAt,
        updatedAt: meta.updatedAt,
        deletedAt: null,
        stepsComplete: 8,
        stepsTotal: 8,
        signatures: null,
      };
      return { ok: true, value: { revision: stored.revision, summary } };
    }
    if (name === 'signing.sign') {
      const fingerprint = fingerprintOf(stored.agreement);
      if (input.fingerprint !== fingerprint) return { ok: false, error: { kind: 'stale_revision', message: 'changed', params: { reason: 'content_changed' } } };
      if (input.revision !== stored.revision) return fail('stale_revision');
      const signature = {
        id: `s${stored.revision}`,
        participantId: String(input.participantId),
        name: String(input.name),
        jobTitle: String(input.jobTitle),
        signedAt: '2026-03-02T10:15:00+01:00',
        image: String(input.image),
        device: 'Meeting-room laptop',
        fingerprint,
        canonicalVersion: 1,
      };
      const agreement = {
        ...stored.agreement,
        meta: { ...stored.agreement.meta, status: 'signed' as const },
        signatures: [...stored.agreement.signatures, signature],
      };
      stored = { agreement, revision: stored.revision + 1 };
      return { ok: true, value: { record: stored, fingerprint } };
    }
    return fail('internal');
  };
  /** Another window saves a change to the stored version. */
  const changeElsewhere = (recipe: (agreement: Agreement) => Agreement) => {
    stored = { agreement: recipe(stored.agreement), revision: stored.revision + 1 };
  };
  return { transport, calls, stored: () => stored, changeElsewhere };
}

describe('signing from the review page', () => {
  const example = createExample('en');
  const [marketing, sales] = example.participants.filter((p) => p.mustSign);
  let host: ReturnType<typeof fakeHost>;
  const session = () => useAppStore.getState().session!;
  /** What the sign dialog shows: the fingerprint of the content on screen (saved first, as the dialog does). */
  const shown = () => fingerprintOf(session().draft);

  beforeEach(async () => {
    vi.stubGlobal('localStorage', undefined);
    resetAppStore();
    host = fakeHost(example);
    setApiClient(createApiClient(host.transport));
    await useAppStore.getState().openWorkshop(example.meta.id);
  });
  afterEach(() => {
    useAppStore.getState().closeWorkshop();
    setApiClient(null);
    vi.unstubAllGlobals();
  });

  it('saves the last edits first, so the signature covers what is on screen', async () => {
    useAppStore.getState().setField(['goals', 'basis'], 'Twelve months of CRM data.');
    const outcome = await signAgreement({
      participantId: marketing!.id,
      name: 'Laura Méndez',
      jobTitle: 'CMO',
      image: PNG,
      fingerprint: shown(),
      updateJobTitle: false,
    });
    expect(outcome).toEqual({ ok: true, complete: false });
    const names = host.calls.map((c) => c.name);
    expect(names.indexOf('agreements.save')).toBeLessThan(names.indexOf('signing.sign'));
    expect(host.calls.find((c) => c.name === 'signing.sign')?.input).toMatchObject({ revision: 2, consent: true, jobTitle: 'CMO' });
    expect(host.stored().agreement.goals.basis).toBe('Twelve months of CRM data.');
  });

  it('freezes the session after the first signature: edits are ignored and nothing is saved again', async () => {
    await signAgreement({ participantId: marketing!.id, name: 'Laura Méndez', jobTitle: 'CMO', image: PNG, fingerprint: shown(), updateJobTitle: false });
    expect(session()).toMatchObject({ readOnly: true, revision: 2, save: { status: 'readOnly' } });
    expect(session().draft.signatures).toHaveLength(1);
    expect(session().history.past).toHaveLength(0);
    const draft = session().draft;
    useAppStore.getState().setField(['goals', 'basis'], 'changed after signing');
    expect(session().draft).toBe(draft);
    expect(await useAppStore.getState().saveNow()).toBe(true);
    expect(host.calls.filter((c) => c.name === 'agreements.save')).toHaveLength(0);
  });

  it('tells when the last signer signs, using the new revision', async () => {
    await signAgreement({ participantId: marketing!.id, name: 'Laura Méndez', jobTitle: 'CMO', image: PNG, fingerprint: shown(), updateJobTitle: false });
    const outcome = await signAgreement({
      participantId: sales!.id,
      name: 'Daniel Ortega',
      jobTitle: 'VP Sales',
      image: PNG,
      fingerprint: shown(),
      updateJobTitle: false,
    });
    expect(outcome).toEqual({ ok: true, complete: true });
    expect(host.calls.filter((c) => c.name === 'signing.sign').map((c) => c.input.revision)).toEqual([1, 2]);
  });

  it('catches up with the stored version when the host refuses a stale signature', async () => {
    await signAgreement({ participantId: marketing!.id, name: 'Laura Méndez', jobTitle: 'CMO', image: PNG, fingerprint: shown(), updateJobTitle: false });
    // Another window signs meanwhile: this screen's revision is now behind.
    await host.transport('signing.sign', {
      id: example.meta.id,
      revision: 2,
      participantId: sales!.id,
      name: 'Daniel Ortega',
      jobTitle: 'VP Sales',
      image: PNG,
      consent: true,
      fingerprint: shown(),
    });
    const outcome = await signAgreement({
      participantId: sales!.id,
      name: 'Daniel Ortega',
      jobTitle: 'VP Sales',
      image: PNG,
      fingerprint: shown(),
      updateJobTitle: false,
    });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'stale_revision' } });
    expect(session().revision).toBe(3);
    expect(session().draft.signatures).toHaveLength(2);
  });

  it('sends the fingerprint the dialog showed, and when another window changed the content it signs nothing and shows the stored version', async () => {
    const fingerprint = shown();
    host.changeElsewhere((agreement) => ({ ...agreement, goals: { ...agreement.goals, basis: 'Changed in another window.' } }));
    const outcome = await signAgreement({
      participantId: marketing!.id,
      name: 'Laura Méndez',
      jobTitle: 'CMO',
      image: PNG,
      fingerprint,
      updateJobTitle: false,
    });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'stale_revision', params: { reason: 'content_changed' } } });
    expect(host.calls.find((c) => c.name === 'signing.sign')?.input).toMatchObject({ fingerprint, updateJobTitle: false });
    expect(host.stored().agreement.signatures).toHaveLength(0);
    // The screen now shows what is stored, so the next dialog shows (and signs) what the other window saved.
    expect(session().draft.goals.basis).toBe('Changed in another window.');
    expect(session().revision).toBe(2);
  });
});
