#!/usr/bin/env node
/**
 * Writes the CSV import fixtures, and on demand a large HubSpot-style file for the benchmark.
 *
 *   node scripts/generate-csv-fixtures.mjs                     → test/fixtures/csv/ (committed; regenerated identically)
 *   node scripts/generate-csv-fixtures.mjs --out DIR           → the same files into DIR
 *   node scripts/generate-csv-fixtures.mjs --large 1000000 --out FILE.csv   → ~150 MB, never committed
 *
 * Each fixture comes with `<name>.expected.json`: the figures a correct import reads from it, computed
 * here from the generated records (not by the importer), and the bad rows with their line numbers.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, GENERIC_MAPPING } from './csv-fixtures/fixtures.mjs';
import { DATE_STYLES, makeRecords, monthOf } from './csv-fixtures/records.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'csv');

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value, delimiter) {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Windows-1252 bytes of a text (Latin-1 plus the euro sign at 0x80; nothing else from 0x80–0x9F is used). */
function windows1252(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20ac) bytes[i] = 0x80;
    else if (code <= 0xff && (code < 0x80 || code > 0x9f)) bytes[i] = code;
    else throw new Error(`character U+${code.toString(16)} has no Windows-1252 byte here`);
  }
  return bytes;
}

/** Bad rows planted in bad-rows.csv: record index → how it is broken. */
const BREAKAGES = {
  3: { reason: 'bad_date', edit: (f, h) => (f[h.indexOf('Became a Marketing Qualified Lead Date')] = '2025-13-45 10:00') },
  7: { reason: 'negative_amount', edit: (f, h) => (f[h.indexOf('Amount')] = '-150.00') },
  11: { reason: 'bad_amount', edit: (f, h) => (f[h.indexOf('Amount')] = '12abc') },
  15: {
    reason: 'dates_out_of_order',
    edit: (f, h, r) => {
      f[h.indexOf('Became a Marketing Qualified Lead Date')] = DATE_STYLES.hubspot(r.created + 86_400_000);
      f[h.indexOf('Became a Sales Qualified Lead Date')] = DATE_STYLES.hubspot(r.created - 2 * 86_400_000);
    },
  },
  19: { reason: 'column_count', edit: (f) => f.splice(-2, 2) },
  23: { reason: 'duplicate_record', edit: (f, h, _r, first) => (f[h.indexOf('Record ID')] = String(first.id)) },
  27: { reason: 'bad_quotes', raw: (f, h) => ({ at: h.indexOf('Company Name'), text: '"Acme "Labs" Inc"' }) },
};

function emptyMonth() {
  return { lead: 0, mql: 0, sql: 0, opportunity: 0, customer: 0, custom: 0, contacts: 0, revenue: 0 };
}

/** The text of one fixture and the figures it holds. */
export function buildFixture(spec) {
  const { style, delimiter, newline } = spec;
  const records = makeRecords(spec.seed, spec.count);
  if (spec.badRows) records[1].notes = 'First line\nsecond line, with a comma';
  const lines = [style.header.map((v) => csvField(v, delimiter)).join(delimiter)];
  let line = 2;
  const months = {};
  const badRows = [];
  let counted = 0;
  records.forEach((record, index) => {
    const fields = style.row(record);
    const broken = spec.badRows ? BREAKAGES[index] : undefined;
    broken?.edit?.(fields, style.header, record, records[0]);
    const cells = fields.map((v) => csvField(v, delimiter));
    if (broken?.raw) {
      const { at, text } = broken.raw(fields, style.header);
      cells[at] = text;
    }
    const text = cells.join(delimiter);
    lines.push(text);
    if (broken) badRows.push({ line, reason: broken.reason });
    else {
      counted++;
      const truth = style.truth(record);
      const month = (local) => (months[monthOf(local)] ??= emptyMonth());
      for (const [key, local] of Object.entries(truth.stages)) if (local !== undefined) month(local)[key]++;
      if (truth.created !== undefined) month(truth.created).contacts++;
      if (truth.stages.customer !== undefined && truth.amount !== undefined) month(truth.stages.customer).revenue += truth.amount;
    }
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  });
  for (const m of Object.values(months)) m.revenue = Math.round(m.revenue * 100) / 100;
  const sorted = Object.fromEntries(Object.entries(months).sort(([a], [b]) => a.localeCompare(b)));
  const text = lines.join(newline) + newline;
  return { text, expected: { records: records.length, counted, rejected: badRows.length, months: sorted, badRows } };
}

export function fixtureBytes(spec, text) {
  const body = spec.encoding === 'windows-1252' ? windows1252(text) : new TextEncoder().encode(text);
  if (!spec.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Every committed file: name → bytes. */
export function allFixtureFiles() {
  const files = new Map();
  for (const spec of FIXTURES) {
    const { text, expected } = buildFixture(spec);
    files.set(spec.file, fixtureBytes(spec, text));
    files.set(spec.file.replace(/\.csv$/, '.expected.json'), new TextEncoder().encode(`${JSON.stringify(expected, null, 2)}\n`));
    if (spec.mapping) files.set(spec.mapping, new TextEncoder().encode(`${JSON.stringify(GENERIC_MAPPING, null, 2)}\n`));
  }
  return files;
}

export function writeFixtures(dir = FIXTURE_DIR) {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of allFixtureFiles()) writeFileSync(join(dir, name), bytes);
}

const SOURCES = ['Organic Search', 'Paid Social', 'Direct Traffic', 'Referrals', 'Email Marketing', 'Offline Sources'];
const TITLES = ['Marketing Manager', 'Head of Sales', 'CEO', 'Operations Director', 'Purchasing Lead', 'CTO'];

const LARGE_HEADER = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Job Title',
  'Company Name',
  'Original Source',
  'Lifecycle Stage',
  'Create Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
  'First outreach date',
  'Number of times contacted',
  'Amount',
];

/**
 * A HubSpot-style contacts export of `rows` records (≈ 150 bytes each), written in batches so the
 * generator itself never holds the file. Records over 24 months; RFC 4180 quoting (company names with
 * commas and quotes are quoted, as HubSpot's export does).
 */
export async function writeLargeHubspotCsv(path, rows, seed = 7) {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${LARGE_HEADER.join(',')}\n`);
  const BATCH = 20_000;
  const d = DATE_STYLES.hubspot;
  for (let done = 0; done < rows; done += BATCH) {
    const records = makeRecords(seed + done, Math.min(BATCH, rows - done), '2024-01', 24);
    let text = '';
    for (const r of records) {
      const stage = ['customer', 'opportunity', 'sql', 'mql', 'lead'].find((k) => r.dates[k] !== undefined);
      const email = `${r.first}.${r.last}.${r.id + done}@example.com`
        .normalize('NFD')
        .toLowerCase()
        .replace(/[^a-z0-9.@]/g, '');
      text += [
        String(r.id + done),
        r.first,
        r.last,
        email,
        TITLES[r.id % TITLES.length],
        csvField(r.company, ','),
        SOURCES[(r.id >> 3) % SOURCES.length],
        stage,
        d(r.created),
        d(r.dates.lead),
        r.dates.mql === undefined ? '' : d(r.dates.mql),
        r.dates.sql === undefined ? '' : d(r.dates.sql),
        r.dates.opportunity === undefined ? '' : d(r.dates.opportunity),
        r.dates.customer === undefined ? '' : d(r.dates.customer),
        r.contacted === undefined ? '' : d(r.contacted),
        String(r.attempts),
        r.amount === undefined ? '' : r.amount.toFixed(2),
      ].join(',');
      text += '\n';
    }
    await write(text);
  }
  await new Promise((ok, fail) => out.end((error) => (error ? fail(error) : ok())));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const large = value('--large');
  if (large !== undefined) {
    const out = value('--out');
    if (!out) throw new Error('--large needs --out FILE.csv');
    await writeLargeHubspotCsv(resolve(out), Number(large));
    console.log(`wrote ${large} rows to ${out}`);
  } else {
    const dir = resolve(value('--out') ?? FIXTURE_DIR);
    writeFixtures(dir);
    console.log(`wrote the CSV fixtures to ${dir}`);
  }
}
