import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import type { OpName } from '../src/shared/api/contract';
import type { Agreement } from '../src/shared/model/schema';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { setApiClient } from '../src/renderer/api/apiClient';
import { resetAppStore, useAppStore } from '../src/renderer/store/appStore';
import { signAgreement } from '../src/renderer/features/workshop/steps/review/useSign';
import { startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

const PNG = strokePngDataUrl(2);

/**
 * Signing from the review page against the real core through the in-process transport: the fingerprint, the
 * revisions, the refusals of stale or changed content and the freeze after the first signature are the core's.
 */
describe('signing from the review page', () => {
  let host: HostUnderTest;
  let id: string;
  let marketing: Agreement['participants'][number];
  let sales: Agreement['participants'][number];
  let calls: { name: OpName; input: Record<string, unknown> }[];
  const session = () => useAppStore.getState().session!;
  /** What the sign dialog shows: the fingerprint of the content on screen (saved first, as the dialog does). */
  const shown = () => fingerprintOf(session().draft);
  const stored = async () => host.client.call('agreements.get', { id });

  beforeEach(async () => {
    vi.stubGlobal('localStorage', undefined);
    resetAppStore();
    host = await startHost('direct');
    calls = [];
    setApiClient(
      createApiClient(async (name, input) => {
        calls.push({ name, input: input as Record<string, unknown> });
        return host.raw(name, input);
      }),
    );
    const record = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    id = record.agreement.meta.id;
    [marketing, sales] = record.agreement.participants.filter((p) => p.mustSign) as [typeof marketing, typeof sales];
    await useAppStore.getState().openWorkshop(id);
  });
  afterEach(async () => {
    useAppStore.getState().closeWorkshop();
    setApiClient(null);
    vi.unstubAllGlobals();
    await host.close();
  });

  const sign = (who: typeof marketing, fingerprint = shown()) =>
    signAgreement({ participantId: who.id, name: who.name, jobTitle: who.jobTitle, image: PNG, fingerprint, updateJobTitle: false });

  it('saves the last edits first, so the signature covers what is on screen', async () => {
    const revision = session().revision;
    useAppStore.getState().setField(['goals', 'basis'], 'Twelve months of CRM data.');
    expect(await sign(marketing)).toEqual({ ok: true, complete: false });
    const names = calls.map((c) => c.name);
    expect(names.indexOf('agreements.save')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('agreements.save')).toBeLessThan(names.indexOf('signing.sign'));
    expect(calls.find((c) => c.name === 'signing.sign')?.input).toMatchObject({ revision: revision + 1, consent: true, jobTitle: marketing.jobTitle });
    const { agreement } = await stored();
    expect(agreement.goals.basis).toBe('Twelve months of CRM data.');
    expect(agreement.signatures.map((s) => s.fingerprint)).toEqual([fingerprintOf(agreement)]);
  });

  it('freezes the session after the first signature: edits are ignored and nothing is saved again', async () => {
    await sign(marketing);
    const { revision } = await stored();
    expect(session()).toMatchObject({ readOnly: true, revision, save: { status: 'readOnly' } });
    expect(session().draft.signatures).toHaveLength(1);
    expect(session().history.past).toHaveLength(0);
    const draft = session().draft;
    useAppStore.getState().setField(['goals', 'basis'], 'changed after signing');
    expect(session().draft).toBe(draft);
    expect(await useAppStore.getState().saveNow()).toBe(true);
    expect(calls.filter((c) => c.name === 'agreements.save')).toHaveLength(0);
    expect((await stored()).revision).toBe(revision);
  });

  it('tells when the last signer signs, using the new revision', async () => {
    const first = session().revision;
    await sign(marketing);
    expect(await sign(sales)).toEqual({ ok: true, complete: true });
    expect(calls.filter((c) => c.name === 'signing.sign').map((c) => c.input.revision)).toEqual([first, first + 1]);
    expect((await stored()).agreement.meta.status).toBe('signed');
  });

  it('catches up with the stored version when the host refuses a stale signature', async () => {
    await sign(marketing);
    // Another window signs meanwhile: this screen's revision is now behind.
    const behind = session().revision;
    await host.client.call('signing.sign', {
      id,
      revision: behind,
      participantId: sales.id,
      name: sales.name,
      jobTitle: sales.jobTitle,
      image: PNG,
      consent: true,
      fingerprint: shown(),
    });
    // The core names the reason: that signer's signature is already there.
    const outcome = await sign(sales);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'already_signed' } });
    expect(session().revision).toBe((await stored()).revision);
    expect(session().revision).toBeGreaterThan(behind);
    expect(session().draft.signatures).toHaveLength(2);
  });

  it('sends the fingerprint the dialog showed, and when another window changed the content it signs nothing and shows the stored version', async () => {
    const fingerprint = shown();
    const before = await stored();
    const changed = { ...before.agreement, goals: { ...before.agreement.goals, basis: 'Changed in another window.' } };
    await host.client.call('agreements.save', { id, revision: before.revision, agreement: changed });
    const outcome = await sign(marketing, fingerprint);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'stale_revision' } });
    expect(calls.find((c) => c.name === 'signing.sign')?.input).toMatchObject({ fingerprint, updateJobTitle: false });
    expect((await stored()).agreement.signatures).toHaveLength(0);
    // The screen now shows what is stored, so the next dialog shows (and signs) what the other window saved.
    expect(session().draft.goals.basis).toBe('Changed in another window.');
    expect(session().revision).toBe(before.revision + 1);
    expect(await sign(marketing)).toEqual({ ok: true, complete: false });
  });
});
