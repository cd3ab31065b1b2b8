import { isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { importCsv, READ_CHUNK_BYTES } from '../../shared/actuals/importCsv';
import type { JobDecisions, PieceOutcome } from '../../shared/actuals/job';
import type { CsvImportOptions, CsvImportResult } from '../../shared/actuals/options';
import { importInPieces, type PieceRunner } from '../../shared/actuals/parallelImport';
import { CsvImportError } from '../../shared/actuals/types';
import { openRandomAccess } from './csvFileAccess';
import { pieceReplySchema, type CountRequest, type PieceReply, type PieceRequest } from './csvPieceMessages';
import { csvWorkerFile, type WorkerFile } from './csvWorkerFile';

/** Below this a file is read in one piece: starting threads would cost more than they save. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** At most this many pieces (this thread and three workers): each worker holds its own heap. */
const MAX_PIECES = 4;

export interface FileImportSettings {
  /** Read in pieces from this size on (PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** How many pieces at most (the CPUs Node may use, up to MAX_PIECES). */
  pieces?: number;
  /** Told how many worker threads the import uses (0: read in one piece). */
  onPlan?: (workers: number) => void;
  /** Told whether each piece read by a worker was merged, or read again on this thread (parallelImport.ts). */
  onPiece?: (merged: boolean) => void;
}

function startWorker(file: WorkerFile): Worker {
  // The built worker needs none of this process's Node options: without `execArgv` it would inherit them,
  // and a loader such as `--import tsx` (the bench, the tests) would load in the worker first.
  if (!file.source) return new Worker(file.path, { execArgv: [] });
  // From the sources: the worker loads tsx first, then the TypeScript entry.
  const url = pathToFileURL(file.path).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true });
}

/** Runs each piece in its own worker thread, started at once so it is loaded by the time its piece is known. */
export function workerRunner(path: string, options: CsvImportOptions, file: WorkerFile, count: number): PieceRunner {
  const idle = Array.from({ length: count }, () => {
    const worker = startWorker(file);
    // A worker that fails before it gets a piece must not take the process down; run() listens for its own.
    worker.on('error', () => undefined);
    return worker;
  });
  const all = [...idle];
  /** Sends one request and waits for its answer (each worker answers its requests in turn). */
  const ask = (worker: Worker, request: PieceRequest | CountRequest): Promise<PieceReply> =>
    new Promise<PieceReply>((resolve, reject) => {
      const stopped = (code: number) => reject(new Error(`a CSV worker stopped (${code})`));
      worker.once('error', reject);
      worker.once('exit', stopped);
      worker.once('message', (message: unknown) => {
        worker.off('error', reject);
        worker.off('exit', stopped);
        const reply = pieceReplySchema.safeParse(message);
        if (!reply.success) reject(new Error('a CSV worker sent an unreadable answer'));
        else if (reply.data.kind !== 'failed') resolve(reply.data);
        else if (reply.data.csv) reject(new CsvImportError(reply.data.csv.code, reply.data.csv.params));
        else reject(Object.assign(new Error(reply.data.message), reply.data.io ? { code: reply.data.io.code } : {}));
      });
      worker.postMessage(request);
    });
  const unexpected = () => new Error('a CSV worker answered another question');
  return {
    async run(decisions: JobDecisions, start: number, end: number): Promise<PieceOutcome> {
      const worker = idle.shift();
      if (!worker) throw new Error('no worker left for a piece');
      const reply = await ask(worker, { kind: 'piece', file: path, start, end, chunkBytes: READ_CHUNK_BYTES, options, decisions });
      if (reply.kind !== 'done') throw unexpected();
      return reply.outcome;
    },
    countQuotes(segments) {
      // Segment k on worker k (there is one per later piece); all at once.
      return Promise.all(
        segments.map(async ([start, end], k) => {
          const reply = await ask(all[k % all.length]!, { kind: 'count', file: path, start, end });
          if (reply.kind !== 'counted') throw unexpected();
          return reply.quotes;
        }),
      );
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * The CLI's import of a CSV file: the one pipeline of src/shared/actuals, on several cores when the file is
 * large enough and the machine has them (parallelImport.ts: the result is exactly the one-piece result),
 * else in one piece through a read stream. UTF-16 files are always read in one piece (their bytes are
 * transcoded before any record is found). Errors are the pipeline's (CsvImportError) or the file system's.
 */
export async function importCsvFile(path: string, options: CsvImportOptions, settings: FileImportSettings = {}): Promise<CsvImportResult> {
  const size = statSync(path).size;
  const pieces = Math.min(MAX_PIECES, settings.pieces ?? availableParallelism());
  const worker = csvWorkerFile();
  if (pieces < 2 || size < (settings.minBytes ?? PARALLEL_MIN_BYTES) || options.encoding === 'utf-16le' || worker === null) {
    settings.onPlan?.(0);
    return importCsv(createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }), options, { totalBytes: size, isUtf8 });
  }
  settings.onPlan?.(pieces - 1);
  const file = await openRandomAccess(path, READ_CHUNK_BYTES);
  try {
    return await importInPieces(file, options, { pieces, chunkBytes: READ_CHUNK_BYTES }, workerRunner(path, options, worker, pieces - 1), {
      isUtf8,
      ...(settings.onPiece && { onPiece: settings.onPiece }),
    });
  } finally {
    await file.close();
  }
}
