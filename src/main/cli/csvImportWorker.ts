/**
 * A worker thread of the CLI's parallel CSV import (csvParallel.ts): reads one piece of the file with a job
 * continuing from the main thread's decisions (parallelImport.ts `readPiece`) and answers with what it found,
 * or with its error. Before that, while the main thread reads the file's start, it may be asked to count the
 * quotes up to its cut (parallelImport.ts `planCuts`). Built as its own entry next to the command (scripts/node-build-state.mjs).
 */
import { isUtf8 } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import { readPiece } from '../../shared/actuals/parallelImport';
import { CsvImportError } from '../../shared/actuals/types';
import { openRandomAccess } from './csvFileAccess';
import { transferables, workerRequestSchema, type PieceReply } from './csvPieceMessages';

/** The read size of a quote count. */
const COUNT_READ_BYTES = 1024 * 1024;

async function answer(message: unknown): Promise<void> {
  const request = workerRequestSchema.parse(message);
  if (request.kind === 'count') {
    const file = await openRandomAccess(request.file, COUNT_READ_BYTES);
    try {
      if (request.end > file.size) throw Object.assign(new Error('the file shrank while it was read'), { code: 'EIO' });
      parentPort!.postMessage({ kind: 'counted', quotes: await file.countQuotes(request.start, request.end) } satisfies PieceReply);
    } finally {
      await file.close();
    }
    return;
  }
  const file = await openRandomAccess(request.file, request.chunkBytes);
  try {
    if (request.end > file.size) throw Object.assign(new Error('the file shrank while it was read'), { code: 'EIO' });
    const outcome = await readPiece(file, request.options, request.decisions, request.start, request.end, request.chunkBytes, { isUtf8 });
    parentPort!.postMessage({ kind: 'done', outcome } satisfies PieceReply, transferables(outcome));
  } finally {
    await file.close();
  }
}

function failure(error: unknown): PieceReply {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (error instanceof CsvImportError) return { kind: 'failed', csv: { code: error.code, params: error.params }, message };
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code.slice(0, 64) : null;
  return { kind: 'failed', ...(code !== null && { io: { code } }), message };
}

parentPort?.on('message', (message: unknown) => {
  answer(message).catch((error: unknown) => parentPort!.postMessage(failure(error)));
});
