import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import type { AgreementRecord } from '../src/shared/api/contract';
import type { MonthlyActuals } from '../src/shared/model/actuals';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { setApiClient } from '../src/renderer/api/apiClient';
import { carryDecision } from '../src/renderer/features/results/review/carryDecision';
import { startHost, type HostUnderTest } from './support/hosts';
import { signAll as signAllWith } from './support/signAll';

type Decision = MonthlyActuals['decisions'][number];
const decision = (id: string, text: string): Decision => ({ id, text, owner: 'Laura' });

/**
 * The review's "carry into the decision log" against the real core: a draft's own log gains the entry; a
 * signed version is never touched (same fingerprint, same revision) and the entry goes into its amendment,
 * opened once and reused, never twice the same decision.
 */
describe('carrying a month’s decision into the agreement’s decision log', () => {
  let host: HostUnderTest;
  let created: AgreementRecord;

  beforeEach(async () => {
    host = await startHost('direct');
    setApiClient(createApiClient(host.raw));
    created = await host.client.call('agreements.create', { source: 'example', language: 'en' });
  });
  afterEach(async () => {
    setApiClient(null);
    await host.close();
  });

  const signAll = (record: AgreementRecord) => signAllWith(host.client, record);

  it('appends to a draft’s own log once', async () => {
    const before = created.agreement.decisions.length;
    const first = await carryDecision(created.agreement, decision('d-1', 'Restart the webinar campaign'), '2027-03-02');
    expect(first).toMatchObject({ ok: true, version: null });
    const again = await carryDecision(created.agreement, decision('d-1', 'Restart the webinar campaign'), '2027-03-03');
    expect(again).toMatchObject({ ok: true, version: null });
    const stored = await host.client.call('agreements.get', { id: created.agreement.meta.id });
    expect(stored.agreement.decisions).toHaveLength(before + 1);
    expect(stored.agreement.decisions.at(-1)).toMatchObject({ id: 'd-1', text: 'Restart the webinar campaign', owner: 'Laura' });
  });

  it('leaves a signed version as signed and puts the decision into one amendment', async () => {
    const signed = await signAll(created);
    expect(signed.agreement.meta.status).toBe('signed');
    const fingerprint = fingerprintOf(signed.agreement);

    const first = await carryDecision(signed.agreement, decision('d-1', 'Restart the webinar campaign'), '2027-03-02');
    if (!first.ok) throw new Error(`carry refused: ${first.error.kind}`);
    expect(first.version).toBe(signed.agreement.meta.version + 1);
    const second = await carryDecision(signed.agreement, decision('d-2', 'Call every MQL within 4 hours'), '2027-03-02');
    const repeated = await carryDecision(signed.agreement, decision('d-1', 'Restart the webinar campaign'), '2027-03-04');
    expect(second).toMatchObject({ ok: true, version: first.version });
    expect(repeated).toMatchObject({ ok: true, version: first.version });

    const after = await host.client.call('agreements.get', { id: signed.agreement.meta.id });
    expect(after.revision).toBe(signed.revision);
    expect(after.agreement.meta.status).toBe('signed');
    expect(fingerprintOf(after.agreement)).toBe(fingerprint);
    expect(after.agreement.decisions).toEqual(signed.agreement.decisions);

    const list = await host.client.call('agreements.list', {});
    const amendments = list.filter((item) => item.version === first.version);
    expect(amendments).toHaveLength(1);
    const amendment = await host.client.call('agreements.get', { id: amendments[0]!.id });
    expect(amendment.agreement.meta.status).toBe('draft');
    expect(amendment.agreement.decisions.slice(signed.agreement.decisions.length).map((d) => [d.id, d.text])).toEqual([
      ['d-1', 'Restart the webinar campaign'],
      ['d-2', 'Call every MQL within 4 hours'],
    ]);
  });
});
