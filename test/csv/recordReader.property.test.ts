import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Newline } from '../../src/shared/actuals/dialect';
import { CsvRecordReader } from '../../src/shared/actuals/records';

interface Seen {
  fields: string[];
  line: number;
  badQuotes: boolean;
}

function readAll(pieces: string[], newline: Newline): Seen[] {
  const reader = new CsvRecordReader(',', newline);
  const seen: Seen[] = [];
  const handler = (record: { toArray(): string[] }, line: number, badQuotes: boolean) => seen.push({ fields: record.toArray(), line, badQuotes });
  for (const piece of pieces) reader.push(piece, handler);
  reader.end(handler);
  return seen;
}

/** Cuts text at the given fractions of its length (sorted, repeats allowed: empty pieces too). */
function cut(text: string, at: number[]): string[] {
  const points = at.map((f) => Math.floor(f * text.length)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Fields as exports write them, and some they should not: quoted delimiters and line breaks, doubled quotes, stray quotes. */
const field = fc.constantFrom('a', 'bc', '', '2024-01-09 13:20', '"x,y"', '"say ""hi"""', '""', '"two\nlines"', '"crlf\r\nin"', 'a"b', '"open', 'é中');
const textArb = fc
  .tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.constantFrom<Newline>('\n', '\r\n'), fc.boolean())
  .map(([rows, newline, finalBreak]) => ({ text: rows.map((r) => r.join(',')).join(newline) + (finalBreak ? newline : ''), newline }));

describe('the record reader over text arriving in pieces', () => {
  it('hands over the same records, lines and quote problems however the text is cut', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), ({ text, newline }, at) => {
        expect(readAll(cut(text, at), newline)).toEqual(readAll([text], newline));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives papaparse’s fields for well-formed text, wherever a piece ends', () => {
    const wellFormed = fc
      .array(fc.array(fc.constantFrom('a', '', '"x,y"', '"say ""hi"""', '"two\nlines"', '""""'), { minLength: 3, maxLength: 3 }), {
        minLength: 1,
        maxLength: 10,
      })
      .map((rows) => `${rows.map((r) => r.join(',')).join('\n')}\n`);
    fc.assert(
      fc.property(wellFormed, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (text, at) => {
        const expected = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data.filter(
          (r) => !(r.length === 1 && r[0] === ''),
        );
        expect(readAll(cut(text, at), '\n').map((r) => r.fields)).toEqual(expected);
      }),
      { numRuns: 800 },
    );
  });

  it('counts physical lines across pieces, line breaks inside quotes included', () => {
    const text = 'id,name\n1,"a\nb"\n2,"say ""hi"""\n3,x\n';
    expect(readAll(['id,na', 'me\n1,"a', '\nb"\n2,"say ""h', 'i"""\n3', ',x\n'], '\n').map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'id', 'name'],
      [2, '1', 'a\nb'],
      [4, '2', 'say "hi"'],
      [5, '3', 'x'],
    ]);
    expect(readAll([text], '\n')).toEqual(readAll(['id,na', 'me\n1,"a', '\nb"\n2,"say ""h', 'i"""\n3', ',x\n'], '\n'));
  });
});
