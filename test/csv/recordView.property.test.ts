import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordView } from '../../src/shared/actuals/recordView';

/** Lines built from the characters that matter to quoting, read by the in-place reader and by papaparse. */
const lineArb = fc.array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '"x"', ',"a,b",', 'é'), { maxLength: 12 }).map((parts) => parts.join(''));

describe('reading a line with simple quoted fields in place', () => {
  it('gives exactly papaparse’s fields whenever it takes a line (doubled quotes undone), and leaves open or misplaced quotes to papaparse', () => {
    fc.assert(
      fc.property(lineArb, fc.constantFrom(',', ';'), (line, delimiter) => {
        const view = new RecordView();
        const text = `xx\n${line}\nyy`;
        if (view.setSimpleQuotedLine(text, 3, 3 + line.length, delimiter)) {
          const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n' });
          expect(parsed.errors).toEqual([]);
          expect(view.toArray()).toEqual(parsed.data[0] ?? ['']);
        }
      }),
      { numRuns: 2000 },
    );
    const view = new RecordView();
    expect(view.setSimpleQuotedLine('1,"Acme, Inc.",,"x"', 0, 19, ',')).toBe(true);
    expect(view.toArray()).toEqual(['1', 'Acme, Inc.', '', 'x']);
    expect(view.setSimpleQuotedLine('1,"say ""hi""",2', 0, 16, ',')).toBe(true);
    expect(view.toArray()).toEqual(['1', 'say "hi"', '2']);
    expect(view.setSimpleQuotedLine('"""",""', 0, 7, ',')).toBe(true);
    expect(view.toArray()).toEqual(['"', '']);
    // A line after one with doubled quotes: no field keeps the earlier line's own text.
    expect(view.setSimpleQuotedLine('a,"b",c', 0, 7, ',')).toBe(true);
    expect(view.toArray()).toEqual(['a', 'b', 'c']);
    expect(view.setSimpleQuotedLine('1,"open', 0, 7, ',')).toBe(false);
    expect(view.setSimpleQuotedLine('1,"a"b,2', 0, 8, ',')).toBe(false);
    expect(view.setSimpleQuotedLine('1,a"b,2', 0, 7, ',')).toBe(false);
  });
});
