import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../../src/shared/actuals/importCsv';
import { parseMappingJson } from '../../src/shared/actuals/mapping';
import type { AgreementFacts } from '../../src/shared/actuals/types';
import { FIXTURES } from '../../scripts/csv-fixtures/fixtures.mjs';
import { FIXTURE_DIR, writeFixtures } from '../../scripts/generate-csv-fixtures.mjs';
import { useTempDirs } from '../support/tempDirs';

interface Expected {
  records: number;
  counted: number;
  rejected: number;
  months: Record<string, Record<'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'custom' | 'contacts' | 'revenue', number>>;
  badRows: { line: number; reason: string }[];
}

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
/** An agreement with the five default stages and a custom "Demo" stage; ids name their key. */
const facts: AgreementFacts = {
  stages: [...KEYS.map((key) => ({ id: `id-${key}`, key, name: key })), { id: 'id-demo', key: 'custom' as const, name: 'Demo' }],
  handoffStageId: 'id-mql',
  firstContactWindowHours: 24,
};

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));

describe('the committed CSV fixtures', () => {
  const dir = useTempDirs()('sla-csv-fixtures-');

  it('are exactly what scripts/generate-csv-fixtures.mjs writes', () => {
    writeFixtures(dir);
    const written = readdirSync(dir).sort();
    expect(written).toEqual(readdirSync(FIXTURE_DIR).sort());
    for (const name of written) expect(Buffer.compare(readFileSync(join(dir, name)), readFileSync(join(FIXTURE_DIR, name))), name).toBe(0);
  });

  it('cover both presets, the three delimiters, BOM, Windows-1252, quoted line breaks, decimal commas and bad rows', () => {
    expect(new Set(FIXTURES.map((f) => f.delimiter))).toEqual(new Set([',', ';', '\t']));
    expect(FIXTURES.some((f) => f.bom)).toBe(true);
    expect(FIXTURES.some((f) => f.encoding === 'windows-1252')).toBe(true);
    expect(FIXTURES.some((f) => f.badRows)).toBe(true);
    const texts = FIXTURES.map((f) => readFileSync(join(FIXTURE_DIR, f.file), 'latin1'));
    expect(texts.some((t) => /"[^"]*\n[^"]*"/.test(t))).toBe(true);
    expect(texts.some((t) => /\d,\d\d(\s|€|;|$)/m.test(t))).toBe(true);
  });

  for (const spec of FIXTURES) {
    it(`${spec.file}: every month, stage, revenue and bad row as generated`, async () => {
      const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, spec.file.replace(/\.csv$/, '.expected.json')), 'utf8')) as Expected;
      const mappingText = spec.mapping ? readFileSync(join(FIXTURE_DIR, spec.mapping), 'utf8') : null;
      const parsed = mappingText === null ? null : parseMappingJson(mappingText);
      if (parsed && !parsed.ok) throw new Error(parsed.problem);
      const options = { facts, timeZone: 'Europe/Madrid', mapping: parsed?.ok ? parsed.mapping : ('auto' as const) };
      const result = await importCsv(chunksOf(read(spec.file), 4096), options);
      // Detection that reads less (2 KB, 100 records) sends most of the file through the streaming path: same figures.
      const streamed = await importCsv(chunksOf(read(spec.file), 777), { ...options, tuning: { sniffBytes: 2048, sampleRecords: 100 } });
      expect({ ...streamed, detected: result.detected }).toEqual(result);
      expect(streamed.detected).toMatchObject({ encoding: result.detected.encoding, delimiter: result.detected.delimiter, newline: result.detected.newline });

      expect(result.detected).toMatchObject({ encoding: spec.encoding, bom: spec.bom, delimiter: spec.delimiter, newline: spec.newline });
      expect(result.rows).toMatchObject({ records: expected.records, counted: expected.counted, rejected: expected.rejected });
      expect(result.badRows.map(({ line, reason }) => ({ line, reason }))).toEqual(expected.badRows);
      expect(result.months.map((m) => m.month)).toEqual(Object.keys(expected.months));
      const stageKey = (id: string) => facts.stages.find((s) => s.id === id)!;
      for (const month of result.months) {
        const want = expected.months[month.month]!;
        for (const { stageId, count } of month.stages) {
          const { key } = stageKey(stageId);
          // A stage the file has no column for says nothing (null); one it has, counts.
          if (count !== null) expect(count, `${month.month} ${key}`).toBe(want[key === 'custom' ? 'custom' : key]);
        }
        if (month.contacts !== null) expect(month.contacts, `${month.month} contacts`).toBe(want.contacts);
        expect(month.revenue ?? 0, `${month.month} revenue`).toBeCloseTo(want.revenue, 2);
      }
    });
  }
});
