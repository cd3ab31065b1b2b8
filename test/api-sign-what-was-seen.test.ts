import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { createTranslator, describeError } from '../src/shared/i18n';
import { statusLabel } from '../src/shared/signing/displayStatus';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { strokePngDataUrl } from './support/png';

/**
 * #10 "What is signed is what was seen", through every host: a signature names the fingerprint its dialog
 * showed and is refused when the content moved on; a job title changed while signing updates the agreement
 * only before the first signature; the device is a readable name; a half-signed version never reads "Signed".
 */
describe.each(HOST_KINDS)('signing what was seen, through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  const signersOf = (record: AgreementRecord) => record.agreement.participants.filter((p) => p.mustSign);
  const signInput = (
    record: AgreementRecord,
    index: number,
    extra: { fingerprint?: string; jobTitle?: string; updateJobTitle?: boolean; revision?: number } = {},
  ) => {
    const signer = signersOf(record)[index]!;
    return {
      id: record.agreement.meta.id,
      revision: extra.revision ?? record.revision,
      participantId: signer.id,
      name: signer.name,
      jobTitle: extra.jobTitle ?? signer.jobTitle,
      image: strokePngDataUrl(index),
      consent: true as const,
      fingerprint: extra.fingerprint ?? fingerprintOf(record.agreement),
      ...(extra.updateJobTitle !== undefined ? { updateJobTitle: extra.updateJobTitle } : {}),
    };
  };

  it('previews the fingerprint a signature would cover, and refuses to sign once the content has another one', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    const shown = await host.client.call('signing.preview', { id });
    expect(shown).toEqual({ revision: 1, version: 1, fingerprint: fingerprintOf(example.agreement), started: false, device: 'Este portátil' });

    // Another window changes the goals while the dialog is open.
    const edited = { ...example.agreement, goals: { ...example.agreement.goals, basis: `${example.agreement.goals.basis} (revisado)` } };
    const saved = await host.client.call('agreements.save', { id, revision: 1, agreement: edited });
    // Even naming the new revision, the fingerprint the signer saw no longer matches: nothing is signed.
    const refused = await host.client.send('signing.sign', signInput(example, 0, { fingerprint: shown.fingerprint, revision: saved.revision }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'stale_revision', params: { reason: 'content_changed' } } });
    if (!refused.ok) expect(describeError(createTranslator('en'), refused.error)).toContain('changed after the signing dialog opened');
    const stored = await host.client.call('agreements.get', { id });
    expect(stored).toMatchObject({ revision: saved.revision, agreement: { meta: { status: 'draft' }, signatures: [] } });

    // With the fingerprint of what is stored now, the same signer signs.
    const again = await host.client.call('signing.preview', { id });
    expect(again.fingerprint).toBe(fingerprintOf(edited));
    const signed = await host.client.call('signing.sign', signInput(stored, 0, { fingerprint: again.fingerprint }));
    expect(signed.fingerprint).toBe(again.fingerprint);
    expect(signed.record.agreement.signatures[0]?.fingerprint).toBe(again.fingerprint);
  });

  it('still refuses a stale revision whose content did not change', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = example.agreement.meta.id;
    // The facilitator's private notes are not part of what is signed, but they do move the revision on.
    await host.client.call('agreements.save', {
      id,
      revision: 1,
      agreement: { ...example.agreement, notes: { ...example.agreement.notes, goals: 'private note' } },
    });
    expect(await host.client.send('signing.sign', signInput(example, 0))).toMatchObject({ ok: false, error: { kind: 'stale_revision' } });
  });

  it('changes the signer’s job title in the agreement with the first signature, when the dialog showed that fingerprint', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = example.agreement.meta.id;
    const [first, second] = signersOf(example);
    const preview = await host.client.call('signing.preview', { id, participantId: first!.id, jobTitle: '  Chief Marketing Officer ' });
    expect(preview.fingerprint).not.toBe(fingerprintOf(example.agreement));
    // Asking for the change with the fingerprint of the unchanged agreement is refused: that is not what was shown.
    expect(await host.client.send('signing.sign', signInput(example, 0, { jobTitle: 'Chief Marketing Officer', updateJobTitle: true }))).toMatchObject({
      ok: false,
      error: { kind: 'stale_revision', params: { reason: 'content_changed' } },
    });
    const signed = await host.client.call(
      'signing.sign',
      signInput(example, 0, { jobTitle: 'Chief Marketing Officer', updateJobTitle: true, fingerprint: preview.fingerprint }),
    );
    const agreement = signed.record.agreement;
    expect(agreement.participants.find((p) => p.id === first!.id)?.jobTitle).toBe('Chief Marketing Officer');
    expect(agreement.signatures[0]).toMatchObject({ jobTitle: 'Chief Marketing Officer', fingerprint: preview.fingerprint });
    expect(fingerprintOf(agreement)).toBe(preview.fingerprint);

    // From now on the content is frozen: the second signer's title is recorded with the signature only.
    const frozen = await host.client.call('signing.preview', { id, participantId: second!.id, jobTitle: 'Head of Sales' });
    expect(frozen).toMatchObject({ started: true, fingerprint: preview.fingerprint });
    expect(
      await host.client.send('signing.sign', signInput(signed.record, 1, { jobTitle: 'Head of Sales', updateJobTitle: true, fingerprint: frozen.fingerprint })),
    ).toMatchObject({
      ok: false,
      error: { kind: 'read_only', params: { reason: 'title_frozen' } },
    });
    const last = await host.client.call('signing.sign', signInput(signed.record, 1, { jobTitle: 'Head of Sales', fingerprint: frozen.fingerprint }));
    expect(last.record.agreement.participants.find((p) => p.id === second!.id)?.jobTitle).toBe(second!.jobTitle);
    expect(last.record.agreement.signatures[1]).toMatchObject({ jobTitle: 'Head of Sales', fingerprint: preview.fingerprint });
  });

  it('records the device under the readable name set once in the settings, else a generic one in the agreement’s language', async () => {
    expect(await host.client.call('settings.get', {})).toEqual({ deviceName: null });
    const english = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    expect((await host.client.call('signing.sign', signInput(english, 0))).record.agreement.signatures[0]?.device).toBe('This laptop');

    expect(await host.client.call('settings.update', { deviceName: '  Portátil   de la sala ' })).toEqual({ deviceName: 'Portátil de la sala' });
    expect(await host.client.send('settings.update', { deviceName: 'x'.repeat(81) })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await host.client.send('settings.update', { deviceName: 'Sala\u0007' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const spanish = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    expect((await host.client.call('signing.preview', { id: spanish.agreement.meta.id })).device).toBe('Portátil de la sala');
    expect((await host.client.call('signing.sign', signInput(spanish, 0))).record.agreement.signatures[0]?.device).toBe('Portátil de la sala');
    // Kept across restarts of the app, and cleared by an empty name.
    const dataDir = host.dataDir;
    host.core.close();
    const next = await startHost(kind, dataDir);
    try {
      expect(await next.client.call('settings.get', {})).toEqual({ deviceName: 'Portátil de la sala' });
      expect(await next.client.call('settings.update', { deviceName: '   ' })).toEqual({ deviceName: null });
    } finally {
      await next.close();
      host = await startHost(kind);
    }
  });

  it('says "Awaiting signatures (1 of 2)" in the list until every required signer has signed', async () => {
    const example = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = example.agreement.meta.id;
    const summary = async () => (await host.client.call('agreements.list', {})).find((s) => s.id === id)!;
    expect((await summary()).signatures).toBeNull();
    const first = await host.client.call('signing.sign', signInput(example, 0));
    const half = await summary();
    expect(half).toMatchObject({ status: 'signed', signatures: { signed: 1, required: 2 } });
    expect(statusLabel(createTranslator('en'), half.status, half.signatures)).toBe('Awaiting signatures (1 of 2)');
    expect(statusLabel(createTranslator('es'), half.status, half.signatures)).toBe('Pendiente de firmas (1 de 2)');
    await host.client.call('signing.sign', signInput(first.record, 1));
    const full = await summary();
    expect(full.signatures).toEqual({ signed: 2, required: 2 });
    expect(statusLabel(createTranslator('en'), full.status, full.signatures)).toBe('Signed');
  });
});
