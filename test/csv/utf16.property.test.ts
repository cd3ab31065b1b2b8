import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/shared/actuals/importCsv';
import type { AgreementFacts } from '../../src/shared/actuals/types';

const facts: AgreementFacts = {
  stages: [
    { id: 'l', key: 'lead', name: 'Lead' },
    { id: 'm', key: 'mql', name: 'MQL' },
  ],
  handoffStageId: 'm',
  firstContactWindowHours: 24,
};

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function* cutAt(bytes: Uint8Array, fractions: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const at of fractions.map((f) => Math.floor(f * bytes.length)).sort((a, b) => a - b)) {
    yield bytes.subarray(from, Math.max(from, at));
    from = Math.max(from, at);
  }
  yield bytes.subarray(from);
}

const name = fc.array(fc.constantFrom('a', 'é', '€', '😀', ',', '"', '\n', '中'), { maxLength: 6 }).map((p) => `"${p.join('').replaceAll('"', '""')}"`);

describe('a UTF-16LE file (turned into UTF-8 bytes for the byte reader)', () => {
  it('imports exactly like the same text in UTF-8, however its bytes are cut (odd cuts and surrogate pairs included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(name, { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        async (names, cuts) => {
          const lines = names.map((n, i) => `${i + 1},${n},2024-0${(i % 9) + 1}-03 10:00,2024-0${(i % 9) + 1}-04 11:00`);
          const text = `Record ID,Company Name,Became a Lead Date,Became a Marketing Qualified Lead Date\r\n${lines.join('\r\n')}\r\n`;
          // Detection must see the whole header (twice as many bytes in UTF-16); what follows streams.
          const options = { facts, timeZone: 'UTC', mapping: 'hubspot' as const, tuning: { sniffBytes: 400, sampleRecords: 1 } };
          const asUtf8 = await importCsv(cutAt(new TextEncoder().encode(text), []), options);
          const asUtf16 = await importCsv(cutAt(utf16le(text), cuts), options);
          expect(asUtf16.detected.encoding).toBe('utf-16le');
          expect(asUtf16.months).toEqual(asUtf8.months);
          expect(asUtf16.rows).toEqual(asUtf8.rows);
          expect(asUtf16.rows.counted).toBe(names.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
