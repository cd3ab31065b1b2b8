import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeHubspotCsv } from '../../scripts/generate-csv-fixtures.mjs';
import { importCsvFile, workerRunner } from '../../src/main/cli/csvParallel';
import { csvWorkerFile } from '../../src/main/cli/csvWorkerFile';
import type { CsvImportOptions } from '../../src/shared/actuals/options';
import { CsvImportError, type AgreementFacts } from '../../src/shared/actuals/types';

/**
 * The CLI's parallel import with real worker threads (the size threshold lowered to a few MB): the same
 * result as the one-piece read of the same file, and the same error when a later piece holds it.
 */

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
const facts: AgreementFacts = { stages: KEYS.map((key) => ({ id: `stage-${key}`, key, name: key })), handoffStageId: 'stage-mql', firstContactWindowHours: 24 };
/** Fewer exact values than the file has (some months end as histograms), more than any piece has. */
const MEDIAN_BUDGET = 8_000;
const options: CsvImportOptions = { facts, timeZone: 'Europe/Madrid', requiredAttempts: 3, mapping: 'hubspot', medianBudget: MEDIAN_BUDGET };

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sla-csv-parallel-'));
  file = join(dir, 'large.csv');
  await writeLargeHubspotCsv(file, 30_000);
  // Records repeated near the end (their first copies are in the first piece), a blank line, a short row.
  const lines = readFileSync(file, 'utf8').split('\n');
  appendFileSync(file, `${lines[5]}\n${lines[40]}\n\n${lines[41]!.split(',').slice(0, 4).join(',')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorOf(run: () => Promise<unknown>): Promise<CsvImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CsvImportError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('CLI CSV import on worker threads', () => {
  it('gives exactly the one-piece result, bad rows and medians included', async () => {
    let workers = -1;
    const merged: boolean[] = [];
    const sequential = await importCsvFile(file, options, { pieces: 1 });
    const parallel = await importCsvFile(file, options, { minBytes: 1, pieces: 3, onPlan: (n) => (workers = n), onPiece: (m) => merged.push(m) });
    expect(workers).toBe(2);
    // The second piece merges; the last repeats ids of the first, so it is read again on the main thread.
    expect(merged).toEqual([true, false]);
    expect(sequential.rows.records).toBe(30_003);
    expect(sequential.badRowsByReason).toEqual({ duplicate_record: 2, column_count: 1 });
    expect(sequential.months.some((m) => !m.mediansExact)).toBe(true);
    expect(parallel).toEqual(sequential);
  });

  it('has its workers count the quotes of the segments it plans cuts in, each on its own thread', async () => {
    const worker = csvWorkerFile();
    expect(worker).not.toBeNull();
    const bytes = readFileSync(file);
    const runner = workerRunner(file, options, worker!, 2);
    try {
      const segments = [
        [0, 1_000_000],
        [1_000_000, bytes.length],
      ] as const;
      const counts = await runner.countQuotes!(segments);
      expect(counts).toEqual(segments.map(([start, end]) => bytes.subarray(start, end).filter((b) => b === 34).length));
      expect(counts[0]).toBeGreaterThan(100);
      // Past the file's end: the worker's error, not a count.
      await expect(runner.countQuotes!([[0, bytes.length + 1]])).rejects.toThrow('shrank');
    } finally {
      await runner.close();
    }
  });

  it('fails with the one-piece error when a later piece is not UTF-8, or holds a record too large', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(file));
    appendFileSync(bad, Buffer.from([0x41, 0xff, 0x0a]));
    const sequential = await errorOf(() => importCsvFile(bad, options, { pieces: 1 }));
    expect(sequential.code).toBe('encoding_mismatch');
    expect(await errorOf(() => importCsvFile(bad, options, { minBytes: 1, pieces: 2 }))).toEqual(sequential);

    const long = join(dir, 'long.csv');
    writeFileSync(long, readFileSync(file));
    appendFileSync(long, `1,"${'x'.repeat(1_100_000)}\n`);
    const tooLarge = await errorOf(() => importCsvFile(long, options, { pieces: 1 }));
    expect(tooLarge.code).toBe('record_too_large');
    expect(await errorOf(() => importCsvFile(long, options, { minBytes: 1, pieces: 2 }))).toEqual(tooLarge);
  });
});
