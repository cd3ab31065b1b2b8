import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../../src/shared/actuals/importCsv';
import type { CsvImportOptions, CsvImportResult } from '../../src/shared/actuals/options';
import type { AgreementFacts } from '../../src/shared/actuals/types';

/**
 * Property: whatever the order of the rows and however the bytes are cut into chunks (inside the BOM,
 * inside a multi-byte character, inside a quoted field, between \r and \n), the monthly counts are the
 * rows that reached each stage in each month — counted here from the generated records, not by the
 * importer — and what is detected (encoding, delimiter, line break, preset) does not change.
 */

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
type Key = (typeof KEYS)[number];
const facts: AgreementFacts = { stages: KEYS.map((key) => ({ id: `id-${key}`, key, name: key })), handoffStageId: 'id-mql', firstContactWindowHours: 24 };
const HEADER = [
  'Record ID',
  'Company Name',
  'Create Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
  'Amount',
];

interface GeneratedRecord {
  company: string;
  /** Minutes after 2024-01-01T00:00 (UTC) of each stage reached, increasing; the funnel may stop early. */
  stageMinutes: number[];
  cents: number;
}

/** Pieces that stress a CSV reader: delimiters, quotes and line breaks inside values, multi-byte characters. */
const piece = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r\n', 'é', 'ñ', '€', '😀', '中');
const recordArb: fc.Arbitrary<GeneratedRecord> = fc
  .record({
    company: fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
    start: fc.integer({ min: 0, max: 500 * 24 * 60 }),
    steps: fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 5 }),
    cents: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ company, start, steps, cents }) => {
    let at = start;
    const stageMinutes = steps.map((step, i) => (at = i === 0 ? at : at + step));
    return { company, stageMinutes, cents };
  });

const pad = (n: number) => String(n).padStart(2, '0');
function isoMinute(minutes: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const monthOf = (minutes: number) => isoMinute(minutes).slice(0, 7);

interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  bom: boolean;
}

function field(value: string, delimiter: string): string {
  return /[",;\t\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(records: readonly GeneratedRecord[], { delimiter, newline, bom }: Dialect): Uint8Array {
  const lines = [HEADER.join(delimiter)];
  records.forEach((r, i) => {
    const dates = KEYS.map((_, k) => (r.stageMinutes[k] === undefined ? '' : isoMinute(r.stageMinutes[k]!)));
    const customer = r.stageMinutes.length === KEYS.length;
    const amount = customer ? (r.cents / 100).toFixed(2) : '';
    // Spanish-locale exports (`;`) write a decimal comma.
    lines.push([String(1000 + i), field(r.company, delimiter), dates[0]!, ...dates, delimiter === ';' ? amount.replace('.', ',') : amount].join(delimiter));
  });
  const text = lines.join(newline) + newline;
  const bytes = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

/** Per month: how many records reached each stage, how many were created, and the customers' revenue in cents. */
function groundTruth(records: readonly GeneratedRecord[]): Map<string, { counts: Record<Key, number>; contacts: number; cents: number }> {
  const months = new Map<string, { counts: Record<Key, number>; contacts: number; cents: number }>();
  const month = (key: string) => {
    let m = months.get(key);
    if (!m) months.set(key, (m = { counts: { lead: 0, mql: 0, sql: 0, opportunity: 0, customer: 0 }, contacts: 0, cents: 0 }));
    return m;
  };
  for (const r of records) {
    r.stageMinutes.forEach((minutes, k) => month(monthOf(minutes)).counts[KEYS[k]!]++);
    month(monthOf(r.stageMinutes[0]!)).contacts++;
    if (r.stageMinutes.length === KEYS.length) month(monthOf(r.stageMinutes[KEYS.length - 1]!)).cents += r.cents;
  }
  return months;
}

async function* cutAt(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (at <= from || at >= bytes.length) continue;
    yield bytes.subarray(from, at);
    from = at;
  }
  yield bytes.subarray(from);
}

const options: CsvImportOptions = { facts, timeZone: 'UTC', mapping: 'hubspot' };
/** The header's bytes (plus a BOM and a line break): detection must see at least the header. */
const HEADER_BYTES = new TextEncoder().encode(HEADER.join(',')).length + 5;
/**
 * Detection reads only the first `sniffBytes` and `sampleRecords` (64 KB and 1,000 records by default):
 * made small here so these small files also go through the streaming decoder, the record reader's pieces
 * and the in-place reading of records that follow detection.
 */
const tuningArb = fc.record({ sniffBytes: fc.integer({ min: HEADER_BYTES, max: HEADER_BYTES + 300 }), sampleRecords: fc.integer({ min: 1, max: 4 }) });

function expectMatchesTruth(result: CsvImportResult, records: readonly GeneratedRecord[]): void {
  const truth = groundTruth(records);
  expect(result.rows).toMatchObject({ records: records.length, counted: records.length, rejected: 0 });
  expect(result.months.map((m) => m.month)).toEqual([...truth.keys()].sort());
  for (const m of result.months) {
    const want = truth.get(m.month)!;
    expect(Object.fromEntries(m.stages.map((s) => [s.stageId.slice(3), s.count]))).toEqual(want.counts);
    expect(m.contacts).toBe(want.contacts);
    expect(Math.round((m.revenue ?? 0) * 100)).toBe(want.cents);
  }
}

const dialectArb: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
});

describe('CSV import under any row order and any chunking', () => {
  const defaults = options;
  it('counts every stage in its month, and detects the same format, for any split of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 25 }),
        dialectArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        tuningArb,
        async (records, dialect, fractions, tuning) => {
          const options: CsvImportOptions = { ...defaults, tuning };
          const bytes = writeCsv(records, dialect);
          const whole = await importCsv(chunksOf(bytes, bytes.length), options);
          expectMatchesTruth(whole, records);
          expect(whole.detected).toMatchObject({ encoding: 'utf-8', bom: dialect.bom, delimiter: dialect.delimiter, newline: dialect.newline });

          // Cuts anywhere, plus inside the BOM and inside the first multi-byte character.
          const multiByte = bytes.findIndex((b) => b >= 0xc0);
          const cuts = [...fractions.map((f) => Math.floor(f * bytes.length)), 1, 2, ...(multiByte >= 0 ? [multiByte + 1] : [])];
          const split = await importCsv(cutAt(bytes, cuts), options);
          expect(split.detected).toEqual(whole.detected);
          expect(split.months).toEqual(whole.months);
          expect(split.rows).toEqual(whole.rows);

          // Another order of the same rows gives the same months.
          const reversed = await importCsv(chunksOf(writeCsv([...records].reverse(), dialect), 7), options);
          expect(reversed.months).toEqual(whole.months);
        },
      ),
      { numRuns: 120 },
    );
    // A property runs many imports: on a loaded machine it needs more than the default 20 s.
  }, 120_000);

  it('reads a file handed over one byte at a time exactly like in one piece', async () => {
    const records = fc.sample(recordArb, { numRuns: 40, seed: 14 });
    for (const dialect of [
      { delimiter: ';', newline: '\r\n', bom: true },
      { delimiter: '\t', newline: '\n', bom: false },
    ] as const) {
      const bytes = writeCsv(records, dialect);
      const whole = await importCsv(chunksOf(bytes, bytes.length), options);
      expectMatchesTruth(whole, records);
      const byByte = await importCsv(chunksOf(bytes, 1), options);
      expect(byByte.detected).toEqual(whole.detected);
      expect(byByte.months).toEqual(whole.months);
      // The same after detection has seen only the header and one record: every later byte streams.
      const streamed = { ...options, tuning: { sniffBytes: HEADER_BYTES, sampleRecords: 1 } };
      const byByteStreamed = await importCsv(chunksOf(bytes, 1), streamed);
      expect(byByteStreamed.detected).toEqual(whole.detected);
      expect(byByteStreamed.months).toEqual(whole.months);
    }
  });
});
