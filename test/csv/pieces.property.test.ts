import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../../src/shared/actuals/importCsv';
import type { CsvImportOptions } from '../../src/shared/actuals/options';
import { CsvImportJob, type JobDecisions } from '../../src/shared/actuals/job';
import { bytesAsFile, cutTargets, importInPieces, inThisThread, planCuts, readPiece } from '../../src/shared/actuals/parallelImport';
import { dialectArb, facts, HEADER_BYTES, rowArb, writeCsv } from './pieces.fixture';

/**
 * Property: a file read in pieces and merged (parallelImport.ts) gives exactly what reading it from start
 * to end gives — months (counts, sums, medians, `mediansExact`), rows, the bad-row list with its lines,
 * bytes, detection — or the very same error. Pieces run in this thread here (the worker threads only move
 * the same calls elsewhere: test/cli/csvParallel.test.ts). Cuts are where the import would put them, and
 * also anywhere at all (inside a quoted field, a character or a \r\n), which the merge must detect.
 */

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: error instanceof Error ? { name: error.name, message: error.message } : error };
  }
}

const settingsArb = fc.record({
  chunkBytes: fc.integer({ min: 16, max: 400 }),
  medianBudget: fc.integer({ min: 0, max: 40 }),
  maxBadRows: fc.integer({ min: 1, max: 8 }),
  sampleRecords: fc.integer({ min: 1, max: 5 }),
  pieces: fc.integer({ min: 2, max: 6 }),
  maxRecordChars: fc.constantFrom(1_000_000, 150),
});

describe('CSV import in pieces', () => {
  it('gives exactly the sequential result (or error) for any file, wherever the cuts fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        dialectArb.chain((dialect) => fc.tuple(fc.constant(dialect), fc.array(rowArb(dialect.latin1), { minLength: 0, maxLength: 60 }))),
        settingsArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        async ([dialect, rows], settings, fractions) => {
          const bytes = writeCsv(rows, dialect);
          const options: CsvImportOptions = {
            facts,
            timeZone: 'UTC',
            mapping: 'hubspot',
            requiredAttempts: 3,
            medianBudget: settings.medianBudget,
            maxBadRows: settings.maxBadRows,
            maxRecordChars: settings.maxRecordChars,
            tuning: { sniffBytes: HEADER_BYTES + 40, sampleRecords: settings.sampleRecords },
          };
          const { chunkBytes } = settings;
          const sequential = await outcome(() => importCsv(chunksOf(bytes, chunkBytes), options));
          const file = bytesAsFile(bytes, chunkBytes);
          const planned = await outcome(() => importInPieces(file, options, { pieces: settings.pieces, chunkBytes }, inThisThread(file, options, chunkBytes)));
          expect(planned).toEqual(sequential);
          // The quotes before each cut counted here instead of ahead, and counted wrong ahead (a cut inside a
          // quoted field that looks like a record's start): the same result.
          const { countQuotes: _ahead, ...countedHere } = inThisThread(file, options, chunkBytes);
          expect(await outcome(() => importInPieces(file, options, { pieces: settings.pieces, chunkBytes }, countedHere))).toEqual(sequential);
          const miscounted = { ...countedHere, countQuotes: (segments: readonly unknown[]) => Promise.resolve(segments.map((_, k) => (k === 0 ? 1 : 0))) };
          expect(await outcome(() => importInPieces(file, options, { pieces: settings.pieces, chunkBytes }, miscounted))).toEqual(sequential);
          const anywhere = fractions.map((f) => Math.floor(f * bytes.length));
          const cut = await outcome(() =>
            importInPieces(file, options, { pieces: settings.pieces, chunkBytes, cutsFor: () => anywhere }, inThisThread(file, options, chunkBytes)),
          );
          expect(cut).toEqual(sequential);
          // Just after line breaks, some of them inside quoted fields (a cut that looks like a record's start).
          const breaks = Array.from(bytes).flatMap((b, i) => (b === 10 ? [i + 1] : []));
          const afterBreaks = fractions.map((f) => breaks[Math.floor(f * breaks.length)] ?? 0);
          const atBreaks = await outcome(() =>
            importInPieces(file, options, { pieces: settings.pieces, chunkBytes, cutsFor: () => afterBreaks }, inThisThread(file, options, chunkBytes)),
          );
          expect(atBreaks).toEqual(sequential);
        },
      ),
      { numRuns: 300 },
    );
  }, 240_000);

  it('merges a piece only when it ended where a record ends: cuts after every pair of line breaks, quoted ones included', async () => {
    const rows = fc
      .sample(rowArb(false), { numRuns: 14, seed: 29 })
      .map((r, i) => ({ ...r, id: i, breakage: 'none' as const, company: i % 3 === 0 ? 'two\nlines, "quoted"' : r.company }));
    const bytes = writeCsv(rows, { delimiter: ',', newline: '\n', bom: false, latin1: false });
    const options: CsvImportOptions = { facts, timeZone: 'UTC', mapping: 'hubspot', tuning: { sniffBytes: HEADER_BYTES, sampleRecords: 1 } };
    const sequential = await importCsv(chunksOf(bytes, 64), options);
    const file = bytesAsFile(bytes, 64);
    const breaks = Array.from(bytes).flatMap((b, i) => (b === 10 ? [i + 1] : []));
    for (const first of breaks)
      for (const second of breaks) {
        if (second <= first) continue;
        const result = await importInPieces(file, options, { pieces: 3, chunkBytes: 64, cutsFor: () => [first, second] }, inThisThread(file, options, 64));
        expect(result).toEqual(sequential);
      }
  });

  it('plans the same cuts from quotes counted ahead, segment by segment, as from quotes counted here', async () => {
    const rows = fc
      .sample(rowArb(false), { numRuns: 40, seed: 31 })
      .map((r, i) => ({ ...r, id: i, breakage: 'none' as const, company: i % 2 === 0 ? 'two\nlines, "quoted"' : r.company }));
    const bytes = writeCsv(rows, { delimiter: ',', newline: '\n', bom: false, latin1: false });
    const file = bytesAsFile(bytes, 64);
    const decisions = { dialect: { delimiter: ',', newline: '\n' } } as unknown as JobDecisions;
    let compared = 0;
    for (let pieces = 2; pieces <= 6; pieces++) {
      const targets = cutTargets(bytes.length, 0, pieces);
      const counts = await Promise.all(targets.map((t, k) => file.countQuotes(k === 0 ? 0 : targets[k - 1]!, t)));
      const here = await planCuts(file, 0, pieces, decisions);
      expect(await planCuts(file, 0, pieces, decisions, { targets, counts })).toEqual(here);
      // Counts for other targets (this thread read further than they assumed) are not used.
      expect(await planCuts(file, 0, pieces, decisions, { targets: targets.map((t) => t + 1), counts: counts.map(() => 1) })).toEqual(here);
      expect(here.length).toBeGreaterThan(0);
      // Each cut is a record's start: the line break before it is outside quotes.
      for (const cut of here) expect(Array.from(bytes.subarray(0, cut)).filter((b) => b === 34).length % 2).toBe(0);
      compared += here.length;
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  });

  it("takes in the file's last piece without keeping its ids, and then refuses more bytes", async () => {
    const rows = fc.sample(rowArb(false), { numRuns: 30, seed: 5 }).map((r, i) => ({ ...r, id: i, breakage: 'none' as const }));
    const bytes = writeCsv(rows, { delimiter: ',', newline: '\n', bom: false, latin1: false });
    const options: CsvImportOptions = { facts, timeZone: 'UTC', mapping: 'hubspot', tuning: { sniffBytes: HEADER_BYTES, sampleRecords: 1 } };
    const sequential = await importCsv(chunksOf(bytes, 64), options);
    const cut = bytes.indexOf(10, Math.floor(bytes.length / 2)) + 1;
    const file = bytesAsFile(bytes, 64);
    const job = new CsvImportJob(options);
    for await (const chunk of file.chunks(0, cut)) job.push(chunk.slice());
    const piece = await readPiece(file, options, job.decisions()!, cut, bytes.length, 64);
    expect(job.absorb(piece, true)).toBe(true);
    expect(job.finish()).toEqual(sequential);
    expect(() => job.push(new Uint8Array([49, 10]))).toThrow('last piece');
  });

  it('reads a piece itself when its runner fails for another reason than the file (a worker that died)', async () => {
    const rows = fc.sample(rowArb(false), { numRuns: 30, seed: 9 });
    const bytes = writeCsv(rows, { delimiter: ',', newline: '\r\n', bom: true, latin1: false });
    const options: CsvImportOptions = { facts, timeZone: 'UTC', mapping: 'hubspot', tuning: { sniffBytes: HEADER_BYTES, sampleRecords: 2 } };
    const sequential = await importCsv(chunksOf(bytes, 50), options);
    const file = bytesAsFile(bytes, 50);
    const merged: boolean[] = [];
    const dying = { run: () => Promise.reject(new Error('a CSV worker stopped (1)')), close: () => Promise.resolve() };
    const result = await importInPieces(file, options, { pieces: 3, chunkBytes: 50 }, dying, { onPiece: (m) => merged.push(m) });
    expect(merged).toEqual([false, false]);
    expect(result).toEqual(sequential);
  });
});
