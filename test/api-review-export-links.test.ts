import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMonth } from '../src/shared/actuals/store';
import { startHost, type HostUnderTest } from './support/hosts';

/** The review export shows a commitment measured the way the user chose on the review screen (`links`). */
describe('exporting a month review with the measures chosen on screen', () => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost('direct');
  });
  afterEach(async () => {
    await host.close();
  });

  it('holds a commitment to the linked figure; without a link it has no data; a malformed link is refused', async () => {
    const record = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = record.agreement.meta.id;
    // The example's "Minimum MQL conversion rate": at least 8 %, in percent, with no automatic measure.
    const conversion = record.agreement.protocol.commitments[4]!;
    await host.client.call('actuals.save', { id, revision: 0, months: [{ ...emptyMonth('2027-03'), pctContactedWithinSla: 84 }] });
    const line = (text: string) => text.split(/\r?\n/).find((l) => l.startsWith(conversion.description)) ?? '';

    const plain = await host.client.call('actuals.exportReviewCsv', { id, month: '2027-03' });
    expect(line(plain.text)).not.toMatch(/,Met$/);
    const linked = await host.client.call('actuals.exportReviewCsv', {
      id,
      month: '2027-03',
      links: { [conversion.id]: { kind: 'pctContactedWithinSla' } },
    });
    expect(line(linked.text)).toMatch(/84.*,Met$/);
    expect(await host.raw('actuals.exportReviewCsv', { id, month: '2027-03', links: { [conversion.id]: { kind: 'everything' } } })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });
});
