import fc from 'fast-check';
import type { AgreementFacts } from '../../src/shared/actuals/types';

/**
 * Random HubSpot-style CSV files for the pieces tests (test/csv/pieces*.test.ts): quoted line breaks and
 * doubled quotes, record ids repeated anywhere in the file, bad rows of every kind, first-contact and
 * MQL → SQL times for the medians, `,` `;` or tab, \n or \r\n, with or without a BOM, UTF-8 or Latin-1.
 */

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export const facts: AgreementFacts = {
  stages: KEYS.map((key) => ({ id: `id-${key}`, key, name: key })),
  handoffStageId: 'id-mql',
  firstContactWindowHours: 24,
};

const HEADER = [
  'Record ID',
  'Company Name',
  'Create Date',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
  'First Contact Date',
  'Amount',
];

export interface Row {
  /** Index of the record id; small so that ids repeat. */
  id: number;
  company: string;
  start: number;
  steps: number[];
  contactAfter: number | null;
  cents: number;
  breakage: 'none' | 'bad_date' | 'negative' | 'bad_amount' | 'short' | 'bad_quotes' | 'blank';
}

const utf8Piece = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r\n', 'é', 'ñ', '€', '😀');
const latinPiece = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r\n', 'é', 'ñ');

export const rowArb = (latin1: boolean): fc.Arbitrary<Row> =>
  fc.record({
    id: fc.integer({ min: 0, max: 60 }),
    company: fc.array(latin1 ? latinPiece : utf8Piece, { maxLength: 6 }).map((parts) => parts.join('')),
    start: fc.integer({ min: 0, max: 120 * 24 * 60 }),
    steps: fc.array(fc.integer({ min: 0, max: 20 * 24 * 60 }), { minLength: 1, maxLength: 5 }),
    contactAfter: fc.option(fc.integer({ min: 0, max: 72 * 60 })),
    cents: fc.integer({ min: 0, max: 1_000_000 }),
    breakage: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'bad_date', 'negative', 'bad_amount', 'short', 'bad_quotes', 'blank'),
  });

export interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  bom: boolean;
  latin1: boolean;
}

export const dialectArb: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  latin1: fc.boolean(),
});

const pad = (n: number) => String(n).padStart(2, '0');
function isoMinute(minutes: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function field(value: string, delimiter: string): string {
  return /[",;\t\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function writeCsv(rows: readonly Row[], { delimiter, newline, bom, latin1 }: Dialect): Uint8Array {
  const lines = [HEADER.join(delimiter)];
  for (const r of rows) {
    if (r.breakage === 'blank') {
      lines.push('');
      continue;
    }
    let at = r.start;
    const minutes = r.steps.map((step, i) => (at = i === 0 ? at : at + step));
    const dates = KEYS.map((_, k) => (minutes[k] === undefined ? '' : isoMinute(minutes[k]!)));
    if (r.breakage === 'bad_date') dates[1] = '2024-13-45 10:00';
    const contact = r.contactAfter !== null && minutes[1] !== undefined ? isoMinute(minutes[1] + r.contactAfter) : '';
    let amount = minutes.length === KEYS.length || minutes.length >= 3 ? (r.cents / 100).toFixed(2) : '';
    if (r.breakage === 'negative') amount = `-${(r.cents / 100).toFixed(2)}`;
    if (r.breakage === 'bad_amount') amount = '12abc';
    if (delimiter === ';') amount = amount.replace('.', ',');
    const company = r.breakage === 'bad_quotes' ? '"Acme "Labs" Inc"' : field(r.company, delimiter);
    const fields = [String(5000 + r.id), company, dates[0]!, ...dates, contact, amount];
    if (r.breakage === 'short') fields.splice(-2, 2);
    lines.push(fields.join(delimiter));
  }
  const text = lines.join(newline) + newline;
  const body = latin1 ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  if (!bom || latin1) return body;
  return new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
}

/** The header's bytes (plus a BOM and a line break): detection must see at least the header. */
export const HEADER_BYTES = new TextEncoder().encode(HEADER.join(',')).length + 5;
