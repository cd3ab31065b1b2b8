import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../../src/shared/actuals/importCsv';
import type { AgreementFacts } from '../../src/shared/actuals/types';
import { Utf8Check } from '../../src/shared/actuals/utf8Check';

function checkPieces(bytes: Uint8Array, cuts: number[], validator?: (b: Uint8Array) => boolean): boolean {
  const check = new Utf8Check(validator);
  let from = 0;
  let ok = true;
  for (const at of [...cuts.map((f) => Math.floor(f * bytes.length)), bytes.length].sort((a, b) => a - b)) {
    ok = check.push(bytes.subarray(from, at)) && ok;
    from = at;
  }
  return check.end() && ok;
}

const isValidWhole = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('checking that bytes arriving in chunks are UTF-8', () => {
  it('says what a whole-file check says, wherever the chunks are cut (inside characters too), with or without a native check', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', 'é', '€', '😀', '中', '\n').map((t) => Array.from(new TextEncoder().encode(t))),
      fc.constantFrom([0xe9], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0x80], [0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (parts, cuts) => {
        const bytes = Uint8Array.from(parts.flat());
        const want = isValidWhole(bytes);
        expect(checkPieces(bytes, cuts, isUtf8)).toBe(want);
        expect(checkPieces(bytes, cuts)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops an import detected as UTF-8 at a Windows-1252 byte past the first 64 KB, however it is read', async () => {
    const facts: AgreementFacts = { stages: [{ id: 'l', key: 'lead', name: 'Lead' }], handoffStageId: null, firstContactWindowHours: null };
    const rows = Array.from({ length: 4000 }, (_, i) => `${i + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')},Acme`);
    const ascii = new TextEncoder().encode(`Record ID,Became a Lead Date,Company Name\n${rows.join('\n')}\n`);
    const bytes = Uint8Array.from([...ascii, ...new TextEncoder().encode('9999,2024-02-01,Pe'), 0xf1, 0x61, 0x0a]);
    expect(ascii.length).toBeGreaterThan(65536);
    for (const run of [{}, { isUtf8 }]) {
      await expect(importCsv(chunksOf(bytes, 10_000), { facts, timeZone: 'UTC' }, run)).rejects.toMatchObject({ code: 'encoding_mismatch' });
      // The same bytes read as Windows-1252, as the message suggests: imported.
      const result = await importCsv(chunksOf(bytes, 10_000), { facts, timeZone: 'UTC', encoding: 'windows-1252' }, run);
      expect(result.rows.counted).toBe(4001);
    }
    // A real U+FFFD character is valid UTF-8, not a sign of a wrong encoding.
    const replacement = Uint8Array.from([...ascii, ...new TextEncoder().encode('9999,2024-02-01,\uFFFD\n')]);
    expect((await importCsv(chunksOf(replacement, 10_000), { facts, timeZone: 'UTC' }, { isUtf8 })).rows.counted).toBe(4001);
  });
});
