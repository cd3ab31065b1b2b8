import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMonth } from '../src/shared/actuals/store';
import { startHost, type HostUnderTest } from './support/hosts';

/** `actuals.exportReviewDocx` / `actuals.exportReviewCsv`: what the app's review screen offers, on the core's own data. */
describe('exporting a month review through the core', () => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost('direct');
  });
  afterEach(async () => {
    await host.close();
  });

  it('writes the stored month as .docx and CSV in the asked language; a bad month is refused by the contract', async () => {
    const record = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const id = record.agreement.meta.id;
    const lead = record.agreement.lifecycle.stages[0]!.id;
    const { revision } = await host.client.call('actuals.get', { id });
    await host.client.call('actuals.save', { id, revision, months: [{ ...emptyMonth('2027-03'), stages: [{ stageId: lead, count: 1234.5 }], notes: 'Nota' }] });

    const docx = await host.client.call('actuals.exportReviewDocx', { id, month: '2027-03' });
    expect(docx.fileName).toMatch(/-2027-03\.docx$/);
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.base64, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Revisión mensual: marzo de 2027');
    expect(xml).toContain('1.234,5');

    const es = await host.client.call('actuals.exportReviewCsv', { id, month: '2027-03' });
    expect(es.text.startsWith('\uFEFF')).toBe(true);
    expect(es.text).toContain('Lead;500;1234,5;246,9;Cumplido');
    const en = await host.client.call('actuals.exportReviewCsv', { id, month: '2027-03', language: 'en' });
    expect(en.text).toContain('Lead,500,1234.5,246.9,Met');

    expect(await host.client.send('actuals.exportReviewCsv', { id, month: '2027-13' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});
