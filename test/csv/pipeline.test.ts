import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/shared/actuals/amounts';
import { OFFICE_HOURS } from '../../src/shared/actuals/businessHours';
import { chunksOf, importCsv, previewCsv, type CsvProgress } from '../../src/shared/actuals/importCsv';
import { CsvImportJob } from '../../src/shared/actuals/job';
import { createDecoder } from '../../src/shared/actuals/encoding';
import { MedianSketch } from '../../src/shared/actuals/median';
import type { CsvImportOptions } from '../../src/shared/actuals/options';
import { CsvImportError, type AgreementFacts } from '../../src/shared/actuals/types';

const facts: AgreementFacts = {
  stages: [
    { id: 'l', key: 'lead', name: 'Lead' },
    { id: 'm', key: 'mql', name: 'MQL' },
    { id: 's', key: 'sql', name: 'SQL' },
  ],
  handoffStageId: 'm',
  firstContactWindowHours: 4,
};
const bytes = (text: string) => new TextEncoder().encode(text);
const HEAD = 'Record ID,Became a Lead Date,Became a Marketing Qualified Lead Date,First outreach date\n';
const run = (csv: string, options: Partial<CsvImportOptions> = {}) =>
  importCsv(chunksOf(bytes(csv), 16), { facts, timeZone: 'UTC', mapping: 'hubspot', ...options });
const counts = (months: { month: string; stages: { stageId: string; count: number | null }[] }[]) =>
  Object.fromEntries(months.map((m) => [m.month, m.stages.map((s) => s.count)]));

describe('CSV import: progress and cancellation', () => {
  it('reports bytes read after each chunk, up to the file size', async () => {
    const csv = `${HEAD}${Array.from({ length: 50 }, (_, i) => `${i},2025-01-0${(i % 9) + 1},,\n`).join('')}`;
    const seen: CsvProgress[] = [];
    await importCsv(chunksOf(bytes(csv), 100), { facts, timeZone: 'UTC' }, { totalBytes: csv.length, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(Math.ceil(csv.length / 100));
    expect(seen.map((p) => p.bytesRead)).toEqual([...seen.map((p) => p.bytesRead)].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ bytesRead: csv.length, totalBytes: csv.length });
  });

  it('stops with “cancelled” and no result when the signal is aborted mid-file', async () => {
    const controller = new AbortController();
    const csv = `${HEAD}${'1,2025-01-02,,\n'.repeat(200)}`;
    const outcome = importCsv(
      chunksOf(bytes(csv), 64),
      { facts, timeZone: 'UTC' },
      { signal: controller.signal, onProgress: (p) => p.bytesRead >= 128 && controller.abort() },
    );
    await expect(outcome).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses more bytes after cancel()', () => {
    const job = new CsvImportJob({ facts, timeZone: 'UTC' });
    job.push(bytes(HEAD));
    job.cancel();
    expect(() => job.push(bytes('1,2025-01-02,,\n'))).toThrow(CsvImportError);
    expect(() => job.finish()).toThrow(/cancelled/);
  });
});

describe('CSV import: dates, zones and speed to lead', () => {
  it('stops on dates that cannot tell day from month, and reads them as told', async () => {
    const csv = `${HEAD}1,03/04/2025,05/06/2025,\n2,01/02/2025,,\n`;
    await expect(run(csv)).rejects.toMatchObject({ code: 'ambiguous_dates', params: { example: '03/04/2025' } });
    // Day/month: leads in April and February, the MQL in June; month/day: March and January, May.
    expect(counts((await run(csv, { dateOrder: 'dmy' })).months)).toEqual({ '2025-02': [1, 0, null], '2025-04': [1, 0, null], '2025-06': [0, 1, null] });
    expect(counts((await run(csv, { dateOrder: 'mdy' })).months)).toEqual({ '2025-01': [1, 0, null], '2025-03': [1, 0, null], '2025-05': [0, 1, null] });
  });

  it('settles the order from a day over 12, and refuses a file that mixes both orders', async () => {
    expect((await run(`${HEAD}1,03/04/2025,,\n2,25/04/2025,,\n`)).detected.dateOrder).toBe('dmy');
    await expect(run(`${HEAD}1,13/04/2025,,\n2,04/25/2025,,\n`)).rejects.toMatchObject({ code: 'inconsistent_dates' });
  });

  it('counts months in the stated time zone', async () => {
    // 23:30 UTC on 31 March 2025 is 01:30 on 1 April in Madrid (summer time began on 30 March).
    const csv = `${HEAD}1,2025-03-31T23:30:00Z,,\n`;
    expect(counts((await run(csv, { timeZone: 'UTC' })).months)).toEqual({ '2025-03': [1, 0, null] });
    expect(counts((await run(csv, { timeZone: 'Europe/Madrid' })).months)).toEqual({ '2025-04': [1, 0, null] });
    await expect(run(csv, { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'invalid_time_zone' });
  });

  it('measures speed to lead from the handoff stage in calendar hours, across a daylight-saving change', async () => {
    // Madrid, window 4 h. Row 1: MQL 10:00 → contact 12:30 = 2.5 h (within). Row 2: 09:00 → 15:00 = 6 h (missed).
    // Row 3: 29 March 2025 23:00 → 30 March 05:00 wall clock, but clocks went 02:00 → 03:00: 5 real hours (missed).
    // Row 4: no time of day, not measured. Median of 2.5, 5, 6 = 5; within window 1 of 3 = 33.3 %.
    const csv = `${HEAD}1,2025-03-03 08:00,2025-03-03 10:00,2025-03-03 12:30\n2,2025-03-04 08:00,2025-03-04 09:00,2025-03-04 15:00\n3,2025-03-29 22:00,2025-03-29 23:00,2025-03-30 05:00\n4,2025-03-05,2025-03-05,2025-03-06\n`;
    const [march] = (await run(csv, { timeZone: 'Europe/Madrid' })).months;
    expect(march).toMatchObject({ month: '2025-03', medianHoursToFirstContact: 5, speedToLead: { handedOff: 4, measured: 3, withinSla: 1, withoutTime: 1 } });
    expect(march!.pctContactedWithinSla).toBeCloseTo(100 / 3, 10);
  });

  it('counts working hours instead when given a business calendar', async () => {
    // Friday 7 March 2025 17:00 → Monday 10 March 10:00: 1 h on Friday (to 18:00) + 1 h on Monday (from 09:00) = 2 h.
    const csv = `${HEAD}1,2025-03-07 16:00,2025-03-07 17:00,2025-03-10 10:00\n`;
    const [march] = (await run(csv, { businessHours: OFFICE_HOURS })).months;
    expect(march).toMatchObject({ medianHoursToFirstContact: 2, pctContactedWithinSla: 100 });
    const calendar = (await run(csv)).months[0]!;
    expect(calendar).toMatchObject({ medianHoursToFirstContact: 65, pctContactedWithinSla: 0 });
  });
});

describe('CSV import: encodings, preview and limits', () => {
  it('reads Windows-1252 bytes when they are not UTF-8, or as told', async () => {
    // "Señora" in Windows-1252: ñ is the single byte 0xF1, invalid in UTF-8.
    const csv = Uint8Array.from([...bytes('Record ID,Company Name,Became a Lead Date\n1,Se'), 0xf1, ...bytes('ora,2025-01-02\n')]);
    const preview = previewCsv(csv, true, { facts, timeZone: 'UTC' }, 5);
    expect(preview.detected).toMatchObject({ encoding: 'windows-1252', encodingDetected: true });
    expect(preview.rows[0]).toMatchObject({ line: 2, stages: { l: '2025-01-02' }, readDates: { l: '2025-01-02' }, problem: null });
    const told = previewCsv(csv, true, { facts, timeZone: 'UTC', encoding: 'windows-1252' }, 5);
    expect(told.detected).toMatchObject({ encoding: 'windows-1252', encodingDetected: false });
  });

  it('reads the euro sign and curly quotes of Windows-1252 as such on every host (Node 20 decodes the label as Latin-1)', () => {
    const decoder = createDecoder('windows-1252');
    // "1.234 €" and “Sí” in Windows-1252, split between two chunks.
    const text =
      decoder.decode(Uint8Array.from([...bytes('1.234 '), 0x80, 0x3b, 0x93]), { stream: true }) + decoder.decode(Uint8Array.from([0x53, 0xed, 0x94]));
    expect(text).toBe('1.234 €;“Sí”');
    expect(parseAmount('1.234 €', ',')).toBe(1234);
    // The five bytes Windows-1252 leaves undefined stay what TextDecoder makes of them, and UTF-8 is untouched.
    expect(createDecoder('windows-1252').decode(Uint8Array.of(0x81))).toBe('\u0081');
    expect(createDecoder('utf-8').decode(bytes('€'))).toBe('€');
  });

  it('stops on a record that never ends (an unclosed quote) instead of filling memory', async () => {
    const csv = `${HEAD}1,"2025-01-02,,\n${'2,2025-01-03,,\n'.repeat(100)}`;
    await expect(run(csv, { maxRecordChars: 500 })).rejects.toMatchObject({ code: 'record_too_large', params: { line: 2, limit: 500 } });
  });

  it('reads amounts as people write them and refuses the ambiguous ones', () => {
    expect(parseAmount('1.234,50 €', ',')).toBe(1234.5);
    expect(parseAmount('€1,234.50', '.')).toBe(1234.5);
    expect(parseAmount('1 234,5', ',')).toBe(1234.5);
    expect(parseAmount('(120)', '.')).toBe(-120);
    expect(parseAmount('1,5', '.')).toBeNaN();
    expect(parseAmount('twelve', '.')).toBeNaN();
  });

  it('keeps medians within 0.5 % of (1 + the true median) once past its budget of exact values', () => {
    const exact = new MedianSketch({ values: 1_000 });
    const sketched = new MedianSketch({ values: 10 });
    const values = Array.from({ length: 999 }, (_, i) => ((i * 7919) % 1000) / 10); // 0 … 99.9, shuffled
    for (const v of values) {
      exact.add(v);
      sketched.add(v);
    }
    expect(exact).toMatchObject({ exact: true });
    expect(sketched).toMatchObject({ exact: false });
    const truth = exact.median()!;
    expect(Math.abs(sketched.median()! - truth)).toBeLessThanOrEqual(0.005 * (1 + truth));
  });
});
