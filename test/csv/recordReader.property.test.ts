import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Newline } from '../../src/shared/actuals/dialect';
import { fieldDecoderFor } from '../../src/shared/actuals/encoding';
import { CsvRecordReader } from '../../src/shared/actuals/records';

interface Seen {
  fields: string[];
  line: number;
  badQuotes: boolean;
}

type Encoding = 'utf-8' | 'windows-1252';

/** Windows-1252 bytes of text made only of Latin-1 characters. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const encode = (text: string, encoding: Encoding) => (encoding === 'utf-8' ? new TextEncoder().encode(text) : latin1(text));

function readAll(pieces: Uint8Array[], newline: Newline, encoding: Encoding = 'utf-8', delimiter: ',' | ';' | '\t' = ','): Seen[] {
  const reader = new CsvRecordReader(delimiter, newline, fieldDecoderFor(encoding), encoding === 'utf-8');
  const seen: Seen[] = [];
  const handler = (record: { toArray(): string[] }, line: number, badQuotes: boolean) => seen.push({ fields: record.toArray(), line, badQuotes });
  for (const piece of pieces) reader.push(piece, handler);
  reader.end(handler);
  return seen;
}

/** Cuts bytes at the given fractions of their length (sorted, repeats allowed: empty pieces too) — inside characters too. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = at.map((f) => Math.floor(f * bytes.length)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(bytes.slice(from, p));
    from = p;
  }
  pieces.push(bytes.slice(from));
  return pieces;
}

/** Fields as exports write them, and some they should not: quoted delimiters and line breaks, doubled quotes, stray quotes, non-ASCII text. */
const field = fc.constantFrom(
  'a',
  'bc',
  '',
  '2024-01-09 13:20',
  '"x,y"',
  '"say ""hi"""',
  '""',
  '"two\nlines"',
  '"crlf\r\nin"',
  'a"b',
  '"open',
  'é中😀',
  '"Café, ""Olé"""',
  '"ñ\nü"',
  'a\rb',
);
const latinField = fc.constantFrom('a', '', 'Peña', '"Müller, S.L."', '"say ""olé"""', '"dos\nlíneas"', 'ç"x', '"abierta', '\u00a0');
const textArb = (fields: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(fc.array(fields, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.constantFrom<Newline>('\n', '\r\n'), fc.boolean())
    .map(([rows, newline, finalBreak]) => ({ text: rows.map((r) => r.join(',')).join(newline) + (finalBreak ? newline : ''), newline }));
const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

describe('the record reader over bytes arriving in chunks', () => {
  it('hands over the same records, lines and quote problems however the UTF-8 bytes are cut (inside characters, quotes, \\r\\n)', () => {
    fc.assert(
      fc.property(textArb(field), cutsArb, ({ text, newline }, at) => {
        const bytes = encode(text, 'utf-8');
        expect(readAll(cut(bytes, at), newline)).toEqual(readAll([bytes], newline));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads Windows-1252 bytes the same however they are cut, with their characters decoded', () => {
    fc.assert(
      fc.property(textArb(latinField), cutsArb, ({ text, newline }, at) => {
        const bytes = encode(text, 'windows-1252');
        const whole = readAll([bytes], newline, 'windows-1252');
        expect(readAll(cut(bytes, at), newline, 'windows-1252')).toEqual(whole);
        // The same records as the UTF-8 bytes of the same text: the bytes differ, the fields do not.
        expect(whole).toEqual(readAll([encode(text, 'utf-8')], newline));
      }),
      { numRuns: 800 },
    );
  });

  it('gives papaparse’s fields for well-formed text, wherever a chunk ends', () => {
    const wellFormed = fc
      .tuple(
        fc.array(fc.array(fc.constantFrom('a', '', 'ñú', '"x,y"', '"x;y"', '"say ""hi"""', '"two\nlines"', '""""', '"€"'), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
        fc.constantFrom<Newline>('\n', '\r\n'),
      )
      .map(([rows, delimiter, newline]) => ({ text: `${rows.map((r) => r.join(delimiter)).join(newline)}${newline}`, delimiter, newline }));
    fc.assert(
      fc.property(wellFormed, cutsArb, ({ text, delimiter, newline }, at) => {
        const expected = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === ''));
        expect(readAll(cut(encode(text, 'utf-8'), at), newline, 'utf-8', delimiter).map((r) => r.fields)).toEqual(expected);
      }),
      { numRuns: 800 },
    );
  });

  it('reads a line of well-formed quoted fields exactly as papaparse, and leaves open or misplaced quotes to it', () => {
    const lineArb = fc.array(fc.constantFrom('a', 'b', ' ', ',', ';', '"', '""', '"x"', ',"a,b",', 'é'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(lineArb, fc.constantFrom<',' | ';'>(',', ';'), (line, delimiter) => {
        const parsed = Papa.parse<string[]>(`${line}\n`, { delimiter, newline: '\n', preview: 1 });
        const [record] = readAll([encode(`${line}\n`, 'utf-8')], '\n', 'utf-8', delimiter);
        expect(record?.fields).toEqual(parsed.data[0] ?? ['']);
        expect(record?.badQuotes).toBe(parsed.errors.some((e) => e.row === 0));
      }),
      { numRuns: 2000 },
    );
    expect(readAll([encode('1,"Acme, Inc.",,"x"\n1,"say ""hi""",2\n"""",""\na,"b",c\n', 'utf-8')], '\n').map((r) => r.fields)).toEqual([
      ['1', 'Acme, Inc.', '', 'x'],
      ['1', 'say "hi"', '2'],
      ['"', ''],
      // A line after one with doubled quotes: no field keeps the earlier line's own text.
      ['a', 'b', 'c'],
    ]);
  });

  it('counts physical lines across chunks, line breaks inside quotes included', () => {
    const text = 'id,name\n1,"a\nb"\n2,"say ""hi"""\n3,x\n';
    const pieces = ['id,na', 'me\n1,"a', '\nb"\n2,"say ""h', 'i"""\n3', ',x\n'].map((p) => encode(p, 'utf-8'));
    expect(readAll(pieces, '\n').map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'id', 'name'],
      [2, '1', 'a\nb'],
      [4, '2', 'say "hi"'],
      [5, '3', 'x'],
    ]);
    expect(readAll([encode(text, 'utf-8')], '\n')).toEqual(readAll(pieces, '\n'));
  });
});
