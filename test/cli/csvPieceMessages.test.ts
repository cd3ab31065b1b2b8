import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pieceRequestSchema, workerRequestSchema, type PieceRequest } from '../../src/main/cli/csvPieceMessages';
import { CsvImportJob } from '../../src/shared/actuals/job';
import type { CsvImportOptions } from '../../src/shared/actuals/options';
import type { AgreementFacts } from '../../src/shared/actuals/types';

/**
 * The CLI worker reads a piece request only when its options and decisions are, field by field, ones the
 * pipeline knows (optionsSchema.ts): real ones pass, after a structured clone as postMessage makes; a field
 * too many, a wrong type or a value out of range is refused.
 */

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
const facts: AgreementFacts = { stages: KEYS.map((key) => ({ id: `stage-${key}`, key, name: key })), handoffStageId: 'stage-mql', firstContactWindowHours: 24 };

/** A job's decisions over a fixture, as the main thread hands them over. */
function requestFor(fixture: string, options: CsvImportOptions): PieceRequest {
  const job = new CsvImportJob(options);
  job.push(new Uint8Array(readFileSync(`test/fixtures/csv/${fixture}`)));
  job.finish();
  const decisions = job.decisions();
  if (!decisions) throw new Error('no decisions');
  return { kind: 'piece', file: '/data/export.csv', start: 10, end: 20, chunkBytes: 1 << 20, options, decisions };
}

const hubspot: CsvImportOptions = {
  facts,
  timeZone: 'Europe/Madrid',
  requiredAttempts: 3,
  mapping: 'auto',
  businessHours: { weekdays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 },
  period: { from: '2024-01', to: '2024-12' },
  asOf: Date.UTC(2025, 0, 1),
  medianBudget: 8000,
  tuning: { sniffBytes: 1024, sampleRecords: 10 },
};

describe('CLI worker messages', () => {
  it('reads back real requests: a HubSpot file, and a Salesforce one whose stage depends on another column', () => {
    for (const [fixture, options] of [
      ['hubspot-labels-comma.csv', hubspot],
      ['salesforce-es-semicolon-latin1.csv', { facts, mapping: 'salesforce', encoding: 'auto', dateOrder: 'dmy' }],
    ] as const) {
      const request = structuredClone(requestFor(fixture, options));
      const read = workerRequestSchema.parse(request);
      expect(read).toEqual(request);
    }
    const salesforce = requestFor('salesforce-es-semicolon-latin1.csv', { facts, mapping: 'salesforce' });
    expect(salesforce.decisions.mapping.stages.some((s) => s.when !== null && s.when.values.size > 0)).toBe(true);
  });

  it('refuses a field too many, a wrong type or a value out of range, in the options or the decisions', () => {
    const good = requestFor('hubspot-labels-comma.csv', hubspot);
    expect(pieceRequestSchema.safeParse(good).success).toBe(true);
    const broken: unknown[] = [
      { ...good, options: { ...good.options, extra: true } },
      { ...good, options: { ...good.options, facts: { ...facts, stages: [] } } },
      { ...good, options: { ...good.options, maxRecordChars: 0 } },
      { ...good, options: { ...good.options, period: { from: '2024-13', to: '2024-12' } } },
      { ...good, options: { ...good.options, businessHours: { weekdays: [8], startMinute: 0, endMinute: 60 } } },
      { ...good, decisions: { ...good.decisions, dialect: { delimiter: '|', newline: '\n' } } },
      { ...good, decisions: { ...good.decisions, encoding: { ...good.decisions.encoding, encoding: 'utf-32' } } },
      { ...good, decisions: { ...good.decisions, mapping: { ...good.decisions.mapping, stages: [{ ...good.decisions.mapping.stages[0]!, index: -1 }] } } },
      { ...good, decisions: { ...good.decisions, mapping: { ...good.decisions.mapping, fields: { recordId: { index: 0, header: 'id', extra: 1 } } } } },
      { ...good, decisions: { ...good.decisions, checkUtf8: 'yes' } },
      { ...good, decisions: null },
      { ...good, start: -1 },
    ];
    for (const message of broken) expect(pieceRequestSchema.safeParse(message).success).toBe(false);
  });
});
